// The fast path (program.hpp) gives what evaluate() gives: on every rule case
// of every ruleset in rules/, and on many answer sets drawn from the answer
// classes of the questions (including unanswered, not-applying and invalid
// answers), for which questions apply, each criterion, each status, each
// amount and whether an operation failed.

#include <filesystem>
#include <random>

#include <gtest/gtest.h>

#include "test_support.hpp"
#include "wegwijzer/program.hpp"

using namespace wegwijzer;
namespace fs = std::filesystem;

namespace {

std::shared_ptr<const Ruleset> load(const Json& document) {
    LoadedRuleset loaded = loadRulesetDocument(document);
    EXPECT_TRUE(loaded.ruleset) << (loaded.problems.empty() ? "" : loaded.problems[0].path + ": " + loaded.problems[0].message);
    return loaded.ruleset;
}

std::shared_ptr<const Ruleset> loadDir(const std::string& name) {
    return load(wegwijzer::testing::parse(
        wegwijzer::testing::readFile((fs::path(WEGWIJZER_RULES_DIR) / name / "ruleset.json").string())));
}

// Which questions apply, worked out from the tree evaluator (as evaluate()
// settles them), independently of the program.
std::vector<Applies> appliesByTree(const Ruleset& rs, const Json& answers, const Date& date) {
    std::vector<Value> slots(rs.slotCount(), Value::unknown());
    std::vector<std::string> keep;  // texts the slots borrow
    keep.reserve(rs.questions.size() + 1);
    keep.push_back(date.toString());
    slots[static_cast<std::size_t>(rs.dateSlot())] = Value::borrowedString(keep.back());
    std::vector<Applies> out(rs.questions.size(), Applies::Undecided);
    for (int index : rs.askOrder) {
        const Question& q = rs.questions[static_cast<std::size_t>(index)];
        Value given = Value::unknown();
        if (answers.contains(q.id) && encodeAnswer(q, answers[q.id]) && !answers[q.id].is_null()) {
            const Json& a = answers[q.id];
            if (a.is_boolean()) given = Value::boolean(a.get<bool>());
            else if (a.is_number()) given = Value::number(a.get<double>());
            else {
                keep.push_back(a.get<std::string>());
                given = Value::borrowedString(keep.back());
            }
        }
        Value ask = q.askIf.valid() ? q.askIf.evaluate(slots) : Value::boolean(true);
        if (ask.isTruthy()) {
            slots[static_cast<std::size_t>(q.slot)] = given;
            out[static_cast<std::size_t>(index)] = Applies::Yes;
        } else if (ask.isFalsy()) {
            slots[static_cast<std::size_t>(q.slot)] = Value::null();
            out[static_cast<std::size_t>(index)] = Applies::No;
        }
    }
    return out;
}

// Compares the program's outcome on `answers` with evaluate(); returns the
// number of differences (each one reported).
int compare(const Program& program, const Json& answers, const std::string& label) {
    const Ruleset& rs = program.ruleset();
    std::vector<double> encoded(rs.questions.size());
    encodeAnswers(rs, answers, encoded.data());
    ProgramOutcome fast = program.makeOutcome();
    program.run(encoded.data(), fast);
    EvaluateOptions options;
    options.planNext = false;
    const Evaluation slow = evaluate(rs, answers, program.date(), options);

    int differences = 0;
    auto differ = [&](const std::string& what) {
        ++differences;
        ADD_FAILURE() << label << ": " << what << "\n  answers: " << answers.dump();
    };
    if (fast.invalidAnswer != -1) differ("an encoded answer was flagged invalid: question " + std::to_string(fast.invalidAnswer));
    if (slow.results.size() != program.results().size()) {
        differ("results in force differ");
        return differences;
    }
    for (std::size_t r = 0; r < slow.results.size(); ++r) {
        const ResultOutcome& ro = slow.results[r];
        const Program::ResultSlice& slice = program.results()[r];
        if (ro.result != slice.result || ro.version != slice.version) differ("result order differs at " + std::to_string(r));
        if (ro.status != fast.statuses[r]) {
            differ(ro.result->id + ": status " + statusName(ro.status) + " (evaluate) vs " + statusName(fast.statuses[r]));
        }
        for (std::size_t k = 0; k < ro.criteria.size(); ++k) {
            const CriterionStatus f = fast.criteria[slice.firstCriterion + k];
            if (ro.criteria[k].status != f) {
                differ(ro.result->id + "/" + ro.criteria[k].criterion->id + ": " +
                       criterionStatusName(ro.criteria[k].status) + " (evaluate) vs " + criterionStatusName(f));
            }
        }
        for (std::size_t k = 0; k < slice.version->amounts.size(); ++k) {
            const Amount& a = slice.version->amounts[k];
            const double f = fast.amounts[slice.firstAmount + k];
            auto it = std::find_if(ro.amounts.begin(), ro.amounts.end(), [&](const AmountOutcome& x) { return x.amount == &a; });
            const bool slowHas = it != ro.amounts.end();
            if (slowHas != !std::isnan(f) || (slowHas && it->value != f)) {
                differ(ro.result->id + " amount " + a.id + ": " + (slowHas ? std::to_string(it->value) : "none") +
                       " (evaluate) vs " + (std::isnan(f) ? "none" : std::to_string(f)));
            }
        }
    }
    if (fast.ruleErrors != !slow.ruleErrors.empty()) {
        differ(std::string("rule errors: ") + (slow.ruleErrors.empty() ? "none" : slow.ruleErrors[0].message) +
               " (evaluate) vs " + (fast.ruleErrors ? "flagged" : "none"));
    }
    const std::vector<Applies> applies = appliesByTree(rs, answers, program.date());
    for (std::size_t i = 0; i < applies.size(); ++i) {
        if (applies[i] != fast.applies[i]) differ("question " + rs.questions[i].id + " applies differently");
    }
    return differences;
}


class ProgramAgrees : public ::testing::TestWithParam<std::string> {};

}  // namespace

TEST_P(ProgramAgrees, OnEveryRuleCase) {
    auto rs = loadDir(GetParam());
    ASSERT_TRUE(rs);
    std::size_t count = 0;
    for (const auto& entry : fs::directory_iterator(fs::path(WEGWIJZER_RULES_DIR) / GetParam() / "cases")) {
        if (entry.path().extension() != ".json") continue;
        LoadedCases cases = parseCases(wegwijzer::testing::readFile(entry.path().string()));
        ASSERT_TRUE(cases.problems.empty());
        for (const Case& c : cases.cases) {
            std::string why;
            auto program = Program::build(rs, c.date, &why);
            ASSERT_TRUE(program) << why;
            compare(*program, c.answers, entry.path().filename().string() + " " + c.name);
            ++count;
        }
    }
    EXPECT_GT(count, 40u);
}

// Answer sets drawn from each question's answer classes, plus "not
// answered": complete, partial and contradictory (answers to questions that
// do not apply) sets alike, on the dates where versions change.
TEST_P(ProgramAgrees, OnAnswerClassesAcrossVersions) {
    auto rs = loadDir(GetParam());
    ASSERT_TRUE(rs);
    std::vector<Date> dates;
    for (const Result& r : rs->results) {
        for (const Version& v : r.versions) {
            dates.push_back(v.validFrom);
            if (v.validUntil) dates.push_back(*v.validUntil);
        }
    }
    std::sort(dates.begin(), dates.end());
    dates.erase(std::unique(dates.begin(), dates.end()), dates.end());
    std::mt19937 random(20261123);
    std::size_t compared = 0;
    for (const Date& date : dates) {
        auto program = Program::build(rs, date);
        ASSERT_TRUE(program);
        std::vector<std::vector<Json>> classes;
        for (const Question& q : rs->questions) {
            classes.push_back(answerClasses(q, date));
            classes.back().push_back(nullptr);
        }
        for (int n = 0; n < 300; ++n) {
            Json answers = Json::object();
            const bool sparse = n % 3 == 0;
            for (std::size_t i = 0; i < rs->questions.size(); ++i) {
                if (sparse && random() % 2 == 0) continue;
                const auto& options = classes[i];
                answers[rs->questions[i].id] = options[random() % options.size()];
            }
            if (compare(*program, answers, "date " + date.toString() + " #" + std::to_string(n)) > 3) return;
            ++compared;
        }
    }
    EXPECT_GT(compared, 1000u);
}

INSTANTIATE_TEST_SUITE_P(Rules, ProgramAgrees, ::testing::ValuesIn(wegwijzer::testing::rulesetDirsWithCases()),
                         [](const auto& param) {
                             std::string n = param.param;
                             std::replace(n.begin(), n.end(), '-', '_');
                             return n;
                         });

TEST(Program, InvalidEncodingsAreLeftOutAndFlagged) {
    auto rs = loadDir("example");
    ASSERT_TRUE(rs);
    auto program = Program::build(rs, Date{2026, 12, 1});
    ASSERT_TRUE(program);
    ProgramOutcome out = program->makeOutcome();
    std::vector<double> none(rs->questions.size(), kNotAnswered);
    program->run(none.data(), out);
    const std::vector<Status> unanswered = out.statuses;
    EXPECT_EQ(out.invalidAnswer, -1);
    for (std::size_t i = 0; i < rs->questions.size(); ++i) {
        const Question& q = rs->questions[i];
        std::vector<double> bad;
        switch (q.type) {
            case QuestionType::Boolean: bad = {0.5, 2, -1}; break;
            case QuestionType::Choice: bad = {-1, static_cast<double>(q.options.size()), 0.5}; break;
            case QuestionType::Number: bad = {q.min - 1, q.max + 1, std::numeric_limits<double>::infinity()}; break;
            case QuestionType::Date: bad = {0.5, 1e9, -1e9}; break;
        }
        for (double b : bad) {
            std::vector<double> answers = none;
            answers[i] = b;
            program->run(answers.data(), out);
            EXPECT_EQ(out.invalidAnswer, static_cast<int>(i)) << q.id << " = " << b;
            EXPECT_EQ(out.statuses, unanswered) << q.id << " = " << b << " changed a status";
        }
    }
}

TEST(Program, EncodesAsEvaluateReads) {
    auto rs = loadDir("example");
    ASSERT_TRUE(rs);
    for (const Question& q : rs->questions) {
        EXPECT_TRUE(std::isnan(*encodeAnswer(q, nullptr)));
        for (const Json& a : answerClasses(q, Date{2026, 12, 1})) {
            auto e = encodeAnswer(q, a);
            ASSERT_TRUE(e) << q.id << " " << a.dump();
            EXPECT_FALSE(std::isnan(*e));
        }
        EXPECT_FALSE(encodeAnswer(q, Json::array())) << q.id;
        EXPECT_FALSE(encodeAnswer(q, "no such option or date")) << q.id;
    }

    // A whole answers object: unknown keys skipped, refused answers left out and the first one named.
    std::vector<double> out(rs->questions.size(), 0);
    const Question& first = rs->questions[0];
    const Question& second = rs->questions[1];
    Json answers = {{"no-such-question", 1}, {second.id, Json::array()}, {first.id, answerClasses(first, Date{2026, 12, 1})[0]}};
    EXPECT_EQ(encodeAnswers(*rs, answers, out.data()), 1);
    EXPECT_EQ(out[0], *encodeAnswer(first, answers[first.id]));
    for (std::size_t i = 1; i < out.size(); ++i) EXPECT_TRUE(std::isnan(out[i])) << rs->questions[i].id;
    answers.erase(second.id);
    EXPECT_EQ(encodeAnswers(*rs, answers, out.data()), -1);
    EXPECT_EQ(encodeAnswers(*rs, Json::array(), out.data()), -1);
    for (double d : out) EXPECT_TRUE(std::isnan(d));
}

TEST(Program, RefusesWhatItLacksWithTheReason) {
    Json doc = wegwijzer::testing::minimalRuleset();
    auto plain = load(doc);
    ASSERT_TRUE(plain);
    EXPECT_TRUE(Program::build(plain, Date{2025, 1, 1}));

    // A reduce in a criterion: evaluate() handles it, the fast path says where it gives up.
    Json& criteria = doc["results"][0]["versions"][0]["criteria"];
    criteria[0]["test"] = Json::parse(R"({">=": [{"reduce": [[1, 2], {"+": [{"var": "accumulator"}, {"var": "current"}]}, 0]}, 3]})");
    auto withReduce = load(doc);
    ASSERT_TRUE(withReduce);
    std::string why;
    EXPECT_FALSE(Program::build(withReduce, Date{2025, 1, 1}, &why));
    EXPECT_NE(why.find("\"reduce\" at /results/0/versions/0/criteria/0/test/>=/0"), std::string::npos) << why;
}
