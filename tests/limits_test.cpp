// The limits on work (issue 15, D1; rules-format §5.7): a ruleset that could
// make every client evaluate for minutes is refused when it is loaded, with
// the pointer of what is too big, so it can be neither signed nor used.

#include <algorithm>
#include <chrono>
#include <string>

#include <gtest/gtest.h>

#include "test_support.hpp"

using namespace wegwijzer;
using wegwijzer::testing::minimalRuleset;
using wegwijzer::testing::readFile;

namespace {

const char* kTest = "/results/0/versions/1/criteria/1/test";

// {"reduce": [[0, 0, ...], LAMBDA, 0]}, `depth` deep, over `items` items each.
Json nestedReduce(int depth, int items) {
    Json lambda = {{"+", {{{"var", "accumulator"}}, 1}}};
    for (int d = 0; d < depth; ++d) {
        Json list = Json::array();
        for (int i = 0; i < items; ++i) list.push_back(0);
        lambda = {{"reduce", {list, lambda, 0}}};
    }
    return lambda;
}

LoadedRuleset loadWithTest(const Json& test, double& seconds) {
    Json doc = minimalRuleset();
    doc["results"][0]["versions"][1]["criteria"][1]["test"] = test;
    const auto start = std::chrono::steady_clock::now();
    LoadedRuleset loaded = loadRulesetDocument(doc);
    seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return loaded;
}

}  // namespace

// The review's bomb: four reduce deep over 300 items (8.1e9 steps), 3.2 KB.
TEST(Limits, NestedReduceIsRefusedAtLoadWithItsPointer) {
    double seconds = 0;
    LoadedRuleset loaded = loadWithTest({{">=", {{{"var", "uren"}}, nestedReduce(4, 300)}}}, seconds);
    EXPECT_FALSE(loaded.ruleset);
    ASSERT_EQ(loaded.problems.size(), 1u);
    EXPECT_EQ(loaded.problems[0].path, kTest);
    EXPECT_NE(loaded.problems[0].message.find("can take up to 40635451505 steps"), std::string::npos) << loaded.problems[0].message;
    EXPECT_NE(loaded.problems[0].message.find("more than the limit of 100000"), std::string::npos);
    EXPECT_LT(seconds, 1.0);
}

TEST(Limits, TheCountSaturatesInsteadOfOverflowing) {
    double seconds = 0;
    LoadedRuleset loaded = loadWithTest({{">=", {{{"var", "uren"}}, nestedReduce(9, 200)}}}, seconds);  // 200^9 > 2^62
    ASSERT_EQ(loaded.problems.size(), 1u);
    EXPECT_NE(loaded.problems[0].message.find("more than 10^18"), std::string::npos) << loaded.problems[0].message;
}

TEST(Limits, AShortReduceIsAccepted) {
    double seconds = 0;
    EXPECT_TRUE(loadWithTest({{">=", {{{"var", "uren"}}, nestedReduce(2, 50)}}}, seconds).ruleset);  // 2 601 steps
}

// The review's planning bomb: one question compared with very many numbers.
TEST(Limits, TooManyNumbersComparedWithOneQuestionAreRefused) {
    Json any = Json::array();
    for (int i = 0; i < 101; ++i) any.push_back({{"===", {{{"var", "uren"}}, i / 2.0}}});
    double seconds = 0;
    LoadedRuleset loaded = loadWithTest({{"or", any}}, seconds);
    EXPECT_FALSE(loaded.ruleset);
    ASSERT_EQ(loaded.problems.size(), 1u);
    EXPECT_EQ(loaded.problems[0].path, "/questions/1");
    EXPECT_NE(loaded.problems[0].message.find("101 different numbers"), std::string::npos) << loaded.problems[0].message;

    any.erase(any.begin());  // 100: at the limit
    EXPECT_TRUE(loadWithTest({{"or", any}}, seconds).ruleset);
}

// The mini ruleset with `count` more criteria of 98 706 steps each (under
// the limit of one expression), the first test replaced by `first` if given.
static LoadedRuleset withBigCriteria(int count, const Json& first = nullptr) {
    Json doc = minimalRuleset();
    Json& criteria = doc["results"][0]["versions"][1]["criteria"];
    const Json model = criteria[1];
    if (!first.is_null()) criteria[1]["test"] = first;
    for (int i = 0; i < count; ++i) {
        Json c = model;
        c["id"] = "groot-" + std::to_string(i);
        c["test"] = {{">=", {{{"var", "uren"}}, nestedReduce(2, 140)}}};
        criteria.push_back(c);
    }
    return loadRulesetDocument(doc);
}

TEST(Limits, TheWholeRulesetHasALimitToo) {
    LoadedRuleset loaded = withBigCriteria(12);  // together over a million
    EXPECT_FALSE(loaded.ruleset);
    ASSERT_EQ(loaded.problems.size(), 1u);
    EXPECT_EQ(loaded.problems[0].path, "");
    EXPECT_NE(loaded.problems[0].message.find("all the rules together"), std::string::npos) << loaded.problems[0].message;
}

TEST(Limits, PlanningHasALimitToo) {
    EXPECT_TRUE(withBigCriteria(10).ruleset);  // under both limits above
    Json any = Json::array();
    for (int i = 0; i < 10; ++i) any.push_back({{"===", {{{"var", "uren"}}, i + 1}}});
    LoadedRuleset loaded = withBigCriteria(10, {{"or", any}});  // and 41 trial answers in all
    EXPECT_FALSE(loaded.ruleset);
    ASSERT_EQ(loaded.problems.size(), 1u);
    EXPECT_NE(loaded.problems[0].message.find("planning the next question can take up to"), std::string::npos)
        << loaded.problems[0].message;
}

// The limits leave the real rules room to grow: each figure at most a tenth
// of its limit.
TEST(Limits, TheRealRulesetIsFarBelowEveryLimit) {
    for (const std::string& name : wegwijzer::testing::rulesetDirsWithCases()) {
        LoadedRuleset loaded = loadRuleset(readFile(std::string(WEGWIJZER_RULES_DIR) + "/" + name + "/ruleset.json"));
        ASSERT_TRUE(loaded.ruleset) << name;
        std::uint64_t most = 0, total = 0;
        std::size_t thresholds = 0, samples = 0;
        auto add = [&](const Expression& e) {
            most = std::max(most, e.worstCaseSteps());
            total += e.worstCaseSteps();
        };
        for (const Question& q : loaded.ruleset->questions) {
            add(q.askIf);
            thresholds = std::max(thresholds, q.thresholds.size());
            samples += planningSamples(q);
        }
        for (const Result& r : loaded.ruleset->results) {
            for (const Version& v : r.versions) {
                for (const Criterion& c : v.criteria) add(c.test);
                for (const Amount& a : v.amounts) add(a.value);
            }
        }
        std::cout << name << ": most steps in one expression " << most << ", all together " << total
                  << ", most numbers compared with one question " << thresholds << ", planning " << samples * total
                  << " steps\n";
        EXPECT_LE(most * 10, limits::kStepsPerExpression) << name;
        EXPECT_LE(total * 10, limits::kStepsPerRuleset) << name;
        EXPECT_LE(thresholds * 10, limits::kThresholdsPerQuestion) << name;
        EXPECT_LE(samples * total * 10, limits::kPlanningSteps) << name;
    }
}

// ------------------------------------------------------------------------
// The step budget at run time: a second line of defence, for an expression
// the load-time count would have missed (here compiled straight, past the
// loader). It stops with a rule error, never runs on.

namespace {

Expression compileForRuleset(const Ruleset& rs, const Json& json) {
    Problems problems;
    CompileOptions options;
    options.scope = &rs;
    options.path = kTest;
    Expression e = compile(json, options, problems);
    EXPECT_TRUE(problems.empty());
    return e;
}

}  // namespace

TEST(StepBudget, AnEvaluationThatWouldRunOnStopsWithARuleError) {
    const LoadedRuleset loaded = loadRulesetDocument(minimalRuleset());
    ASSERT_TRUE(loaded.ruleset);
    const Ruleset& rs = *loaded.ruleset;
    const Expression bomb = compileForRuleset(rs, {{">=", {{{"var", "uren"}}, nestedReduce(4, 300)}}});  // 8.1e9 steps
    std::vector<Value> slots(rs.slotCount(), Value::unknown());
    slots[static_cast<std::size_t>(rs.question("uren")->slot)] = Value::number(38);
    StepMeter meter;
    const Value v = bomb.evaluate(slots, &meter);
    ASSERT_TRUE(v.isError());
    const Problem p = v.errorProblem();
    EXPECT_EQ(p.path.rfind(kTest, 0), 0u) << p.path;  // somewhere in the expression
    EXPECT_NE(p.message.find("stopped after 100000 steps"), std::string::npos) << p.message;
    EXPECT_EQ(meter.steps, kStepsPerEvaluation + 1);  // counted up to the step that stopped it

    // Just under the budget it runs to its value: the budget is not a guess.
    const Expression big = compileForRuleset(rs, {{">=", {nestedReduce(2, 140), {{"var", "uren"}}}}});  // 98 706 steps
    ASSERT_LE(big.worstCaseSteps(), kStepsPerEvaluation);
    EXPECT_TRUE(big.evaluate(slots).isTruthy());  // 140 >= 38
}

TEST(StepBudget, DataModeHasABudgetToo) {
    Problems problems;
    const Expression bomb = compile(nestedReduce(3, 300), CompileOptions{}, problems);  // 2.7e7 steps
    ASSERT_TRUE(problems.empty());
    const Value v = bomb.evaluate(Json::object());
    ASSERT_TRUE(v.isError());
    EXPECT_NE(v.errorProblem().message.find("stopped after 10000000 steps"), std::string::npos);
    const Expression fine = compile(nestedReduce(2, 1000), CompileOptions{}, problems);  // 1e6 steps: data mode allows it
    EXPECT_EQ(fine.evaluate(Json::object()).asNumber(), 1000);
}

// Marking what an expression waits for re-evaluates its parts; when that is
// stopped, every unknown slot it reads counts as open: the interview may ask
// more, never less.
TEST(StepBudget, MarkingOpenSlotsPastTheBudgetKeepsEveryUnknownSlotItReadsOpen) {
    const LoadedRuleset loaded = loadRulesetDocument(minimalRuleset());
    ASSERT_TRUE(loaded.ruleset);
    const Ruleset& rs = *loaded.ruleset;
    const Expression e = compileForRuleset(
        rs, {{"and", {{{"var", "in-vlaanderen"}}, {{">=", {{{"var", "uren"}}, nestedReduce(4, 300)}}}}}});
    std::vector<Value> slots(rs.slotCount(), Value::unknown());
    std::vector<bool> open(rs.slotCount(), false);
    e.markOpenSlots(slots, open);
    EXPECT_TRUE(open[static_cast<std::size_t>(rs.question("in-vlaanderen")->slot)]);
    EXPECT_TRUE(open[static_cast<std::size_t>(rs.question("uren")->slot)]);
    EXPECT_FALSE(open[static_cast<std::size_t>(rs.question("statuut")->slot)]);  // not read
}

// Planning on the real rules with a budget far too small: it stops, says so
// as a rule error, and still offers every question it would have (the ones
// not tried in the rules' order).
TEST(StepBudget, PlanningStopsAtItsBudgetAndStillOffersEveryQuestion) {
    LoadedRuleset loaded =
        loadRuleset(readFile(std::string(WEGWIJZER_RULES_DIR) + "/opleidingsincentives/ruleset.json"));
    ASSERT_TRUE(loaded.ruleset);
    const Ruleset& rs = *loaded.ruleset;
    const Json answers = {{"statuut", "werknemer"}};
    const Date date{2026, 3, 1};
    const Evaluation full = evaluate(rs, answers, date);
    EXPECT_TRUE(full.ruleErrors.empty());
    ASSERT_GT(full.next.size(), 2u);

    EvaluateOptions small;
    small.planningSteps = 50;
    const Evaluation stopped = evaluate(rs, answers, date, small);
    ASSERT_EQ(stopped.ruleErrors.size(), 1u);
    EXPECT_NE(stopped.ruleErrors[0].message.find("planning the next question was stopped after"), std::string::npos)
        << stopped.ruleErrors[0].message;
    auto ids = [](const std::vector<const Question*>& qs) {
        std::vector<std::string> out;
        for (const Question* q : qs) out.push_back(q->id);
        std::sort(out.begin(), out.end());
        return out;
    };
    EXPECT_EQ(ids(stopped.next), ids(full.next));
    EXPECT_EQ(stopped.progress.remaining, full.progress.remaining);
    for (std::size_t i = 0; i < full.results.size(); ++i) EXPECT_EQ(stopped.results[i].status, full.results[i].status);
}

// Lint's dead-condition check tries every combination of answer classes of
// the questions a criterion reads, up to 200 000, each one an evaluation:
// within the load limits that could still be 2 * 10^10 steps (the review's
// 56 s). It has a budget of steps in all.
TEST(StepBudget, LintsDeadConditionCheckStopsAtItsBudget) {
    Json doc = minimalRuleset();
    Json all = Json::array({{{">=", {nestedReduce(2, 140), 0}}}});  // 98 706 steps each time
    for (int i = 0; i < 12; ++i) {
        const std::string id = "n" + std::to_string(i);
        doc["questions"].push_back({{"id", id}, {"type", "number"}, {"min", 0}, {"max", 10},
                                    {"text", {{"nl", "Aantal " + id + "?"}, {"en", "Number " + id + "?"}}}});
        all.push_back({{">", {{{"var", id}}, 5}}});
    }
    all.push_back({{"<", {{{"var", "n0"}}, 3}}});  // with n0 > 5: never met, so every combination is tried
    doc["results"][0]["versions"][1]["criteria"][1]["test"] = {{"and", all}};
    const LoadedRuleset loaded = loadRulesetDocument(doc);
    ASSERT_TRUE(loaded.ruleset) << (loaded.problems.empty() ? "" : loaded.problems[0].message);

    std::uint64_t steps = 0;
    LintOptions options;
    options.explorerSteps = &steps;
    const Problems warnings = lintWarnings(*loaded.ruleset, options);
    EXPECT_GT(steps, options.maxExplorerSteps);
    EXPECT_LE(steps, options.maxExplorerSteps + 2 * kStepsPerEvaluation);  // stopped at the first check past it
    for (const Problem& p : warnings) EXPECT_EQ(p.message.find("can never be met"), std::string::npos) << p.message;

    // With room enough it finds the dead criterion: the budget only cuts work short.
    options.maxExplorerSteps = kStepsCap;
    options.maxCombinations = 400;
    Json small = doc;
    small["questions"].erase(small["questions"].end() - 10, small["questions"].end());  // n0, n1
    Json few = Json::array({all[0], all[1], all[2], all.back()});
    small["results"][0]["versions"][1]["criteria"][1]["test"] = {{"and", few}};
    const LoadedRuleset smaller = loadRulesetDocument(small);
    ASSERT_TRUE(smaller.ruleset) << (smaller.problems.empty() ? "" : smaller.problems[0].message);
    bool dead = false;
    for (const Problem& p : lintWarnings(*smaller.ruleset, options)) dead = dead || p.message.find("can never be met") != std::string::npos;
    EXPECT_TRUE(dead);
}

TEST(StepBudget, TheRealRulesetsLintFitsItsBudgetTenTimes) {
    LoadedRuleset loaded =
        loadRuleset(readFile(std::string(WEGWIJZER_RULES_DIR) + "/opleidingsincentives/ruleset.json"));
    ASSERT_TRUE(loaded.ruleset);
    std::uint64_t steps = 0;
    LintOptions options;
    options.explorerSteps = &steps;
    lintWarnings(*loaded.ruleset, options);
    std::cout << "opleidingsincentives: lint's dead-condition check took " << steps << " steps\n";
    EXPECT_GT(steps, 0u);
    EXPECT_LE(steps * 10, options.maxExplorerSteps);
}
