// Evaluation of the minimal ruleset of test_support.cpp: statuses, reasons,
// amounts, dated versions, askIf, answer validation, next questions, course view.

#include <algorithm>
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "test_support.hpp"

using namespace wegwijzer;
using wegwijzer::testing::minimalRuleset;
using wegwijzer::testing::parse;

namespace {

class Evaluate : public ::testing::Test {
protected:
    void SetUp() override {
        LoadedRuleset loaded = loadRulesetDocument(minimalRuleset());
        ASSERT_TRUE(loaded.ruleset);
        rs = loaded.ruleset;
    }

    Evaluation on(const char* date, const std::string& answers) {
        answers_ = parse(answers);  // kept alive: the evaluation may refer to answer strings
        return evaluate(*rs, answers_, *Date::parse(date));
    }

    static std::vector<std::string> ids(const std::vector<const Question*>& qs) {
        std::vector<std::string> out;
        for (const Question* q : qs) out.push_back(q->id);
        return out;
    }

    std::shared_ptr<const Ruleset> rs;
    Json answers_;
};

const ResultOutcome& premie(const Evaluation& e) {
    EXPECT_EQ(e.results.size(), 1u);
    return e.results.at(0);
}

}  // namespace

TEST_F(Evaluate, UnknownAnswerKeepsResultOpen) {
    Evaluation e = on("2025-03-01", R"({"statuut": "werknemer"})");
    EXPECT_EQ(premie(e).status, Status::Unknown);
    EXPECT_TRUE(e.problems.empty());
}

TEST_F(Evaluate, OneFailedCriterionDecidesDespiteUnknowns) {
    Evaluation e = on("2025-03-01", R"({"in-vlaanderen": false})");
    EXPECT_EQ(premie(e).status, Status::NotEligible);
    EXPECT_TRUE(e.next.empty());
}

TEST_F(Evaluate, AllCriteriaMetIsEligibleWithAmount) {
    Evaluation e = on("2025-03-01", R"({"statuut": "werknemer", "uren": 20, "in-vlaanderen": true, "erkend": true})");
    ASSERT_EQ(premie(e).status, Status::Eligible);
    ASSERT_EQ(premie(e).amounts.size(), 1u);
    EXPECT_EQ(premie(e).amounts[0].value, 200);
    EXPECT_TRUE(e.next.empty());
}

TEST_F(Evaluate, TheDatePicksTheVersionAtTheBoundary) {
    const std::string a = R"({"statuut": "werknemer", "uren": 20, "in-vlaanderen": true, "erkend": true})";
    EXPECT_EQ(premie(on("2025-08-31", a)).status, Status::Eligible);
    EXPECT_EQ(premie(on("2025-09-01", a)).status, Status::NotEligible);  // from then on: 38 hours needed
    EXPECT_EQ(premie(on("2025-09-01", a)).version->validFrom.toString(), "2025-09-01");
}

TEST_F(Evaluate, NoVersionInForceMeansNoResult) {
    EXPECT_TRUE(on("2024-08-31", "{}").results.empty());
}

TEST_F(Evaluate, AnswerToAQuestionThatDoesNotApplyHasNoEffect) {
    Evaluation e = on("2025-09-01", R"({"statuut": "zelfstandige", "uren": 40})");
    EXPECT_EQ(premie(e).status, Status::NotEligible);
    EXPECT_TRUE(e.problems.empty());  // "voltijds" reads a question that does not apply: no error
    EXPECT_EQ(e.progress.answered, 1u);
}

TEST_F(Evaluate, InvalidAnswersAreReportedNotIgnored) {
    Evaluation e = on("2025-03-01", R"({"statuut": "ambtenaar", "uren": 61, "in-vlaanderen": "ja", "leeftijd": 30})");
    ASSERT_EQ(e.problems.size(), 4u);
    std::vector<std::string> paths;
    for (const Problem& p : e.problems) paths.push_back(p.path);
    std::sort(paths.begin(), paths.end());
    EXPECT_EQ(paths, (std::vector<std::string>{"/in-vlaanderen", "/leeftijd", "/statuut", "/uren"}));
}

TEST_F(Evaluate, ReasonsOfANegativeVerdictAreTheFailedCriteria) {
    Evaluation e = on("2025-03-01", R"({"statuut": "zelfstandige", "in-vlaanderen": true})");
    Json out = toJson(e, *rs, "nl");
    ASSERT_EQ(out["results"][0]["reasons"].size(), 1u);
    EXPECT_EQ(out["results"][0]["reasons"][0]["criterion"], "werknemer");
    EXPECT_EQ(out["results"][0]["reasons"][0]["text"], "Je bent geen werknemer.");
    EXPECT_EQ(toJson(e, *rs, "en")["results"][0]["reasons"][0]["text"], "You are not an employee.");
}

TEST_F(Evaluate, NextAsksOnlyQuestionsThatCanStillChangeAResult) {
    // In the new version only statuut and uren matter; in-vlaanderen and erkend do not.
    EXPECT_EQ(ids(on("2025-09-01", "{}").next), (std::vector<std::string>{"statuut"}));
    EXPECT_EQ(ids(on("2025-09-01", R"({"statuut": "werknemer"})").next), (std::vector<std::string>{"uren"}));
}

TEST_F(Evaluate, NextDoesNotAskAQuestionWhoseAskIfIsStillOpen) {
    std::vector<std::string> next = ids(on("2025-03-01", "{}").next);
    EXPECT_EQ(std::count(next.begin(), next.end(), "uren"), 0);
    EXPECT_EQ(next.size(), 3u);  // statuut, in-vlaanderen, erkend
}

TEST_F(Evaluate, NextAsksForWhatTheAmountNeeds) {
    Evaluation e = on("2025-03-01", R"({"statuut": "werknemer", "in-vlaanderen": true, "erkend": true})");
    EXPECT_EQ(premie(e).status, Status::Eligible);
    EXPECT_EQ(ids(e.next), (std::vector<std::string>{"uren"}));
}

TEST_F(Evaluate, NotApplicableListsQuestionsWhoseAskIfIsFalse) {
    // uren is asked only of an employee: for a self-employed person an answer to it has no effect.
    Evaluation e = on("2025-03-01", R"({"statuut": "zelfstandige", "uren": 20})");
    EXPECT_EQ(ids(e.notApplicable), (std::vector<std::string>{"uren"}));
    EXPECT_EQ(toStatusJson(e)["notApplicable"], parse(R"(["uren"])"));
    // Still open (statuut not answered) or true: not listed.
    EXPECT_TRUE(on("2025-03-01", "{}").notApplicable.empty());
    EXPECT_TRUE(on("2025-03-01", R"({"statuut": "werknemer", "uren": 20})").notApplicable.empty());
}

TEST_F(Evaluate, ProgressCountsAnsweredAndRemaining) {
    Evaluation e = on("2025-03-01", R"({"statuut": "werknemer"})");
    EXPECT_EQ(e.progress.answered, 1u);
    EXPECT_EQ(e.progress.remaining, 3u);  // uren (amount), in-vlaanderen, erkend
}

TEST_F(Evaluate, CourseViewShowsWhatACourseCanUnlock) {
    Json facts = parse(R"({"erkend": true})");
    CourseView v = courseView(*rs, facts, *Date::parse("2025-03-01"));
    ASSERT_EQ(v.results.size(), 1u);
    EXPECT_EQ(v.results[0].status, Status::Unknown);
    ASSERT_EQ(v.results[0].dependsOn.size(), 2u);  // werknemer, vlaanderen: personal
    EXPECT_EQ(v.results[0].dependsOn[0].criterion->id, "werknemer");
    EXPECT_EQ(v.results[0].dependsOn[0].openQuestions[0]->id, "statuut");
}

TEST_F(Evaluate, CourseViewShowsWhatACourseCannotUnlock) {
    Json facts = parse(R"({"erkend": false})");
    CourseView v = courseView(*rs, facts, *Date::parse("2025-03-01"));
    EXPECT_EQ(v.results[0].status, Status::NotEligible);
    ASSERT_EQ(v.results[0].blockedBy.size(), 1u);
    EXPECT_EQ(v.results[0].blockedBy[0]->id, "erkend");
}

TEST_F(Evaluate, CourseViewSaysWhetherTheCourseDecidesAnything) {
    const Json none = parse("{}");
    // Until 2025-08-31 the criterion "erkend" reads the course question.
    CourseView before = courseView(*rs, none, *Date::parse("2025-03-01"));
    ASSERT_EQ(before.results.size(), 1u);
    EXPECT_TRUE(before.results[0].course);
    EXPECT_EQ(toJson(before, *rs, "nl")["results"][0]["course"], true);
    // It holds whatever the facts say: also when they block the result.
    const Json notRecognised = parse(R"({"erkend": false})");
    EXPECT_TRUE(courseView(*rs, notRecognised, *Date::parse("2025-03-01")).results[0].course);
    // The version in force from 2025-09-01 reads only personal questions.
    CourseView after = courseView(*rs, none, *Date::parse("2025-10-01"));
    ASSERT_EQ(after.results.size(), 1u);
    EXPECT_FALSE(after.results[0].course);
    EXPECT_EQ(toJson(after, *rs, "nl")["results"][0]["course"], false);
}

TEST(CourseView, OnlyCriteriaMakeAResultDependOnTheCourse) {
    Json doc = minimalRuleset();
    // The version of 2025-09-01 with an amount that reads the course question:
    // the amount may change with the course, but not whether the result applies.
    doc["results"][0]["versions"][1]["amounts"] = parse(R"([
      {"id": "plafond", "unit": "euro", "value": {"if": [{"var": "erkend"}, 500, 250]},
       "text": {"nl": "Plafond", "en": "Ceiling"}}])");
    LoadedRuleset loaded = loadRulesetDocument(doc);
    ASSERT_TRUE(loaded.ruleset) << loaded.problems[0].path << ": " << loaded.problems[0].message;
    const Json none = parse("{}");
    EXPECT_FALSE(courseView(*loaded.ruleset, none, *Date::parse("2025-10-01")).results[0].course);
}

TEST(CourseView, ShowsTheAmountsTheFactsAloneSettle) {
    Json doc = minimalRuleset();
    // An amount that depends on the course only, and one that depends on the person.
    doc["results"][0]["versions"][0]["amounts"] = parse(R"([
      {"id": "plafond", "unit": "euro", "value": {"if": [{"var": "erkend"}, 500, 250]},
       "text": {"nl": "Plafond", "en": "Ceiling"}},
      {"id": "bedrag", "unit": "euro", "value": {"*": [{"var": "uren"}, 10]},
       "text": {"nl": "Bedrag", "en": "Amount"}}])");
    LoadedRuleset loaded = loadRulesetDocument(doc);
    ASSERT_TRUE(loaded.ruleset) << loaded.problems[0].path << ": " << loaded.problems[0].message;
    const Date date = *Date::parse("2025-03-01");
    const Json recognised = parse(R"({"erkend": true})");
    CourseView v = courseView(*loaded.ruleset, recognised, date);
    EXPECT_EQ(v.results[0].status, Status::Unknown);
    ASSERT_EQ(v.results[0].amounts.size(), 1u);  // not "bedrag": the hours are the person's
    EXPECT_EQ(v.results[0].amounts[0].amount->id, "plafond");
    EXPECT_EQ(v.results[0].amounts[0].value, 500);
    Json out = toJson(v, *loaded.ruleset, "nl");
    EXPECT_EQ(out["results"][0]["amounts"], parse(R"({"plafond": 500})"));
    EXPECT_EQ(out["results"][0]["amountDetails"][0]["text"], "Plafond");

    const Json notRecognised = parse(R"({"erkend": false})");
    CourseView blocked = courseView(*loaded.ruleset, notRecognised, date);
    EXPECT_EQ(blocked.results[0].status, Status::NotEligible);
    EXPECT_TRUE(blocked.results[0].amounts.empty());  // nothing to get: no amount either
}

TEST_F(Evaluate, CourseViewRefusesPersonalAnswers) {
    Json facts = parse(R"({"statuut": "werknemer"})");
    CourseView v = courseView(*rs, facts, *Date::parse("2025-03-01"));
    ASSERT_EQ(v.problems.size(), 1u);
    EXPECT_EQ(v.problems[0].path, "/statuut");
}

TEST_F(Evaluate, OutputHasTheDocumentedShape) {
    Json out = toJson(on("2025-03-01", R"({"statuut": "werknemer", "uren": 20, "in-vlaanderen": true, "erkend": true})"),
                      *rs, "nl");
    EXPECT_EQ(out["results"][0]["id"], "premie");
    EXPECT_EQ(out["results"][0]["status"], "eligible");
    EXPECT_EQ(out["results"][0]["amounts"], parse(R"({"bedrag": 200})"));
    EXPECT_EQ(out["results"][0]["reasons"].size(), 3u);
    EXPECT_EQ(out["next"], Json::array());
    EXPECT_EQ(out["errors"], Json::array());
}

TEST_F(Evaluate, CourseViewLeavesPersonalAnswersOut) {
    Json facts = parse(R"({"erkend": true, "in-vlaanderen": false})");
    CourseView v = courseView(*rs, facts, *Date::parse("2025-03-01"));
    EXPECT_EQ(v.problems.size(), 1u);
    EXPECT_EQ(v.results[0].status, Status::Unknown);  // not decided by the personal answer
}

TEST_F(Evaluate, RuleErrorsAreKeptApartFromAnswerProblems) {
    Json doc = minimalRuleset();
    // A criterion that reads "uren" without a guard fails for a self-employed person.
    doc["results"][0]["versions"][1]["criteria"][0]["test"] = true;
    LoadedRuleset loaded = loadRulesetDocument(doc);
    ASSERT_TRUE(loaded.ruleset);
    Json answers = parse(R"({"statuut": "zelfstandige"})");
    Evaluation e = evaluate(*loaded.ruleset, answers, *Date::parse("2025-09-01"));
    EXPECT_TRUE(e.problems.empty());
    ASSERT_EQ(e.ruleErrors.size(), 1u);
    EXPECT_EQ(e.ruleErrors[0].path, "/results/0/versions/1/criteria/1/test");
}

TEST_F(Evaluate, StatusFormHasNoTexts) {
    Evaluation e = on("2025-03-01", R"({"statuut": "werknemer", "uren": 20, "in-vlaanderen": true, "erkend": true})");
    Json s = toStatusJson(e);
    EXPECT_EQ(s["results"][0], parse(R"({"id": "premie", "status": "eligible", "pursued": true, "amounts": {"bedrag": 200}})"));
    EXPECT_EQ(s["next"], Json::array());
    EXPECT_EQ(s["progress"], toJson(e, *rs, "nl")["progress"]);
}

// ---------------------------------------------------------------- cautions
// rules-format.md §10: cautions reach the person whenever they can change the
// outcome: on met, not-met and open criteria, and the version's caution always.

namespace {

Json cautionText(const char* nl, const char* en) {
    Json t = Json::object();
    t["nl"] = nl;
    t["en"] = en;
    return t;
}

// The minimal ruleset with cautions: `erkend` (a course fact) and `werknemer`
// of the first version, and optionally one for the first version as a whole.
std::shared_ptr<const Ruleset> withCautions(bool versionCaution, bool sameTextTwice = false) {
    Json doc = minimalRuleset();
    Json& v = doc["results"][0]["versions"][0];
    v["criteria"][0]["caution"] = cautionText("Werknemer: nog niet bevestigd.", "Employee: not confirmed yet.");
    v["criteria"][2]["caution"] = cautionText("Een opleiding van 3 studiepunten telt ook.", "A course of 3 credits counts too.");
    if (sameTextTwice) v["criteria"][1]["caution"] = v["criteria"][2]["caution"];
    if (versionCaution) {
        v["caution"] = cautionText("De regels voor dit schooljaar zijn nog niet bevestigd. Vraag het na bij 1700.",
                                   "The rules of this school year are not confirmed yet. Ask 1700.");
    }
    LoadedRuleset loaded = loadRulesetDocument(doc);
    EXPECT_TRUE(loaded.ruleset) << (loaded.problems.empty() ? "" : loaded.problems[0].path + ": " + loaded.problems[0].message);
    return loaded.ruleset;
}

Json resultJson(const Ruleset& rs, const std::string& answers, const std::string& locale = "nl") {
    const Json a = parse(answers);
    return toJson(evaluate(rs, a, *Date::parse("2025-03-01")), rs, locale)["results"][0];
}

}  // namespace

TEST(Cautions, ANotMetCriterionKeepsItsCaution) {
    auto rs = withCautions(false);
    ASSERT_TRUE(rs);
    // Not recognised: refused on "erkend", whose caution says what else counts.
    Json r = resultJson(*rs, R"({"statuut": "werknemer", "uren": 20, "in-vlaanderen": true, "erkend": false})");
    EXPECT_EQ(r["status"], "not-eligible");
    ASSERT_EQ(r["reasons"].size(), 1u);
    EXPECT_EQ(r["reasons"][0]["outcome"], "not-met");
    EXPECT_EQ(r["reasons"][0]["caution"], "Een opleiding van 3 studiepunten telt ook.");
    EXPECT_EQ(r["cautions"], parse(R"(["Een opleiding van 3 studiepunten telt ook."])"));
    // Two criteria not met: both cautions, in criterion order.
    Json both = resultJson(*rs, R"({"statuut": "zelfstandige", "in-vlaanderen": true, "erkend": false})", "en");
    EXPECT_EQ(both["cautions"], parse(R"(["Employee: not confirmed yet.", "A course of 3 credits counts too."])"));
}

TEST(Cautions, MetAndOpenCriteriaKeepTheirCautions) {
    auto rs = withCautions(false);
    ASSERT_TRUE(rs);
    Json open = resultJson(*rs, R"({"statuut": "werknemer"})");
    EXPECT_EQ(open["status"], "unknown");
    EXPECT_EQ(open["cautions"], parse(R"(["Werknemer: nog niet bevestigd.", "Een opleiding van 3 studiepunten telt ook."])"));
}

TEST(Cautions, TheSameTextAppearsOnce) {
    auto rs = withCautions(false, true);  // "vlaanderen" and "erkend" share a caution
    ASSERT_TRUE(rs);
    Json eligible = resultJson(*rs, R"({"statuut": "werknemer", "uren": 20, "in-vlaanderen": true, "erkend": true})");
    EXPECT_EQ(eligible["status"], "eligible");
    EXPECT_EQ(eligible["cautions"],
              parse(R"(["Werknemer: nog niet bevestigd.", "Een opleiding van 3 studiepunten telt ook."])"));
    Json refused = resultJson(*rs, R"({"statuut": "werknemer", "uren": 20, "in-vlaanderen": false, "erkend": false})");
    EXPECT_EQ(refused["status"], "not-eligible");
    ASSERT_EQ(refused["reasons"].size(), 2u);  // each reason keeps its own caution ...
    EXPECT_EQ(refused["reasons"][0]["caution"], refused["reasons"][1]["caution"]);
    EXPECT_EQ(refused["cautions"], parse(R"(["Een opleiding van 3 studiepunten telt ook."])"));  // ... the list has it once
}

TEST(Cautions, TheVersionCautionComesFirstWhateverTheStatus) {
    auto rs = withCautions(true);
    ASSERT_TRUE(rs);
    const std::string first = "De regels voor dit schooljaar zijn nog niet bevestigd. Vraag het na bij 1700.";
    const std::pair<const char*, const char*> cases[] = {
        {"eligible", R"({"statuut": "werknemer", "uren": 20, "in-vlaanderen": true, "erkend": true})"},
        {"not-eligible", R"({"statuut": "werknemer", "uren": 20, "in-vlaanderen": false, "erkend": true})"},
        {"unknown", R"({"statuut": "werknemer"})"},
    };
    for (const auto& [status, answers] : cases) {
        Json r = resultJson(*rs, answers);
        EXPECT_EQ(r["status"], status);
        ASSERT_FALSE(r["cautions"].empty()) << status;
        EXPECT_EQ(r["cautions"][0], first) << status;
    }
    // Not eligible on "vlaanderen", which has no caution: the version's alone.
    Json refused = resultJson(*rs, cases[1].second);
    EXPECT_EQ(refused["cautions"], Json::array({first}));
    EXPECT_EQ(resultJson(*rs, cases[2].second, "en")["cautions"][0],
              "The rules of this school year are not confirmed yet. Ask 1700.");
    // The version of 2025-09-01 has no caution and its criteria none either.
    const Json a = parse(cases[0].second);
    EXPECT_EQ(toJson(evaluate(*rs, a, *Date::parse("2025-09-01")), *rs, "nl")["results"][0]["cautions"], Json::array());
}

TEST(Cautions, TheCourseViewFollowsTheSameRule) {
    auto rs = withCautions(true);
    ASSERT_TRUE(rs);
    const Date date = *Date::parse("2025-03-01");
    const std::string first = "De regels voor dit schooljaar zijn nog niet bevestigd. Vraag het na bij 1700.";
    const Json notRecognised = parse(R"({"erkend": false})");
    Json blocked = toJson(courseView(*rs, notRecognised, date), *rs, "nl")["results"][0];
    EXPECT_EQ(blocked["status"], "not-eligible");
    EXPECT_EQ(blocked["blockedBy"][0]["caution"], "Een opleiding van 3 studiepunten telt ook.");
    EXPECT_EQ(blocked["cautions"], Json::array({first, "Een opleiding van 3 studiepunten telt ook."}));
    const Json recognised = parse(R"({"erkend": true})");
    Json open = toJson(courseView(*rs, recognised, date), *rs, "nl")["results"][0];
    EXPECT_EQ(open["status"], "unknown");
    EXPECT_EQ(open["cautions"], Json::array({first, "Werknemer: nog niet bevestigd."}));  // erkend is not listed
}
