// Planning the interview (rules-format §3.1, §7.1, §8): the goal question,
// "I don't know", answer weights, amounts after verdicts, the estimate.
#include <gtest/gtest.h>

#include <algorithm>

#include "test_support.hpp"
#include "wegwijzer/wegwijzer.hpp"

namespace wegwijzer {
namespace {

using testing::minimalRuleset;
using testing::parse;
using testing::problemsOf;

const Date kDate = *Date::parse("2025-03-01");

// minimalRuleset() plus a second result of pillar "begeleiding" that reads
// "in-vlaanderen" only, and a goal question.
Json withGoal() {
    Json doc = minimalRuleset();
    doc["questions"].insert(doc["questions"].begin(), parse(R"({
      "id": "doel", "type": "choice", "goal": true, "text": {"nl": "Wat wil je weten?", "en": "What do you want to know?"},
      "options": [
        {"value": "geld", "text": {"nl": "Geld", "en": "Money"}, "pillars": ["geld"]},
        {"value": "begeleiding", "text": {"nl": "Begeleiding", "en": "Guidance"}, "pillars": ["begeleiding"]},
        {"value": "alles", "text": {"nl": "Alles", "en": "Everything"}}]})"));
    doc["results"].push_back(parse(R"({
      "id": "coach", "kind": "incentive", "pillar": "begeleiding",
      "title": {"nl": "Coach", "en": "Coach"}, "summary": {"nl": "Hulp.", "en": "Help."},
      "versions": [{"validFrom": "2024-09-01", "criteria": [
        {"id": "vlaanderen", "test": {"var": "in-vlaanderen"},
         "met": {"nl": "Je woont in Vlaanderen.", "en": "You live in Flanders."},
         "notMet": {"nl": "Je woont niet in Vlaanderen.", "en": "You do not live in Flanders."},
         "source": {"url": "https://example.org/vlaanderen"}}]}]})"));
    return doc;
}

std::shared_ptr<const Ruleset> load(const Json& doc) {
    LoadedRuleset loaded = loadRulesetDocument(doc);
    EXPECT_TRUE(loaded.problems.empty()) << (loaded.problems.empty() ? "" : loaded.problems[0].message);
    return loaded.ruleset;
}

std::vector<std::string> ids(const std::vector<const Question*>& qs) {
    std::vector<std::string> out;
    for (const Question* q : qs) out.push_back(q->id);
    return out;
}

bool asks(const Evaluation& e, const std::string& id) {
    return std::any_of(e.next.begin(), e.next.end(), [&](const Question* q) { return q->id == id; });
}

const ResultOutcome& outcome(const Evaluation& e, const std::string& id) {
    auto it = std::find_if(e.results.begin(), e.results.end(), [&](const ResultOutcome& r) { return r.result->id == id; });
    return *it;
}

TEST(Goal, IsAskedFirstWhileUnanswered) {
    auto rs = load(withGoal());
    Evaluation e = evaluate(*rs, Json::object(), kDate);
    ASSERT_FALSE(e.next.empty());
    EXPECT_EQ(e.next.front()->id, "doel");
    EXPECT_TRUE(outcome(e, "premie").pursued);
    EXPECT_TRUE(outcome(e, "coach").pursued);
}

TEST(Goal, ResultsOutsideTheGoalAreNotPursued) {
    auto rs = load(withGoal());
    // "begeleiding": only the coach; its one question is where one lives.
    Evaluation e = evaluate(*rs, parse(R"({"doel": "begeleiding"})"), kDate);
    EXPECT_FALSE(outcome(e, "premie").pursued);
    EXPECT_TRUE(outcome(e, "coach").pursued);
    EXPECT_EQ(ids(e.next), std::vector<std::string>{"in-vlaanderen"});
    EXPECT_EQ(e.progress.remaining, 1u);
    EXPECT_DOUBLE_EQ(e.progress.expected, 1);
    // Still evaluated, and decided where the answers decide it.
    Evaluation done = evaluate(*rs, parse(R"({"doel": "begeleiding", "in-vlaanderen": false})"), kDate);
    EXPECT_TRUE(done.next.empty());
    EXPECT_EQ(outcome(done, "premie").status, Status::NotEligible);
    EXPECT_EQ(outcome(done, "coach").status, Status::NotEligible);
    Evaluation open = evaluate(*rs, parse(R"({"doel": "begeleiding", "in-vlaanderen": true})"), kDate);
    EXPECT_TRUE(open.next.empty());
    EXPECT_EQ(outcome(open, "premie").status, Status::Unknown);  // not asked for: left open
}

TEST(Goal, AnOptionWithoutPillarsPursuesEverything) {
    auto rs = load(withGoal());
    Evaluation e = evaluate(*rs, parse(R"({"doel": "alles"})"), kDate);
    EXPECT_TRUE(outcome(e, "premie").pursued);
    EXPECT_TRUE(outcome(e, "coach").pursued);
    // statuut, in-vlaanderen, erkend ("uren" only sets the amount: later), and no goal question
    std::vector<std::string> next = ids(e.next);
    std::sort(next.begin(), next.end());
    EXPECT_EQ(next, (std::vector<std::string>{"erkend", "in-vlaanderen", "statuut"}));
}

TEST(Goal, DontKnowPursuesEverythingAndIsNotAskedAgain) {
    auto rs = load(withGoal());
    Evaluation e = evaluate(*rs, parse(R"({"doel": {"unknown": true}})"), kDate);
    EXPECT_TRUE(e.problems.empty());
    EXPECT_TRUE(outcome(e, "premie").pursued);
    EXPECT_FALSE(asks(e, "doel"));
}

TEST(Goal, OutputSaysWhatIsPursued) {
    auto rs = load(withGoal());
    Evaluation e = evaluate(*rs, parse(R"({"doel": "geld"})"), kDate);
    Json full = toJson(e, *rs, "nl");
    EXPECT_EQ(full["results"][0]["pursued"], true);
    EXPECT_EQ(full["results"][1]["pursued"], false);
    EXPECT_EQ(toStatusJson(e)["results"][1]["pursued"], false);
    EXPECT_TRUE(full["progress"].contains("expected"));
}

TEST(Goal, LoadChecks) {
    {
        Json doc = withGoal();
        doc["questions"][0]["askIf"] = parse(R"({"var": "in-vlaanderen"})");
        EXPECT_EQ(problemsOf(doc).at(0).path, "/questions/0/askIf");
    }
    {
        Json doc = withGoal();  // a rule that reads the goal
        doc["results"][1]["versions"][0]["criteria"][0]["test"] = parse(R"({"===": [{"var": "doel"}, "geld"]})");
        EXPECT_EQ(problemsOf(doc).at(0).path, "/questions/0");
    }
    {
        Json doc = withGoal();
        doc["questions"][0]["options"][0]["pillars"] = parse(R"(["money"])");
        EXPECT_EQ(problemsOf(doc).at(0).path, "/questions/0/options/0/pillars/0");
    }
    {
        Json doc = withGoal();  // pillars outside a goal question
        doc["questions"][0].erase("goal");
        EXPECT_EQ(problemsOf(doc).at(0).path, "/questions/0/options/0/pillars");
    }
    {
        Json doc = withGoal();  // two goal questions
        doc["questions"][1]["goal"] = true;
        bool found = false;
        for (const Problem& p : problemsOf(doc)) found = found || p.path == "/questions/1/goal";
        EXPECT_TRUE(found);
    }
}

TEST(DontKnow, IsNotAnsweredForTheRulesButNotAskedAgain) {
    auto rs = load(minimalRuleset());
    Evaluation before = evaluate(*rs, parse(R"({"statuut": "werknemer"})"), kDate);
    Evaluation after = evaluate(*rs, parse(R"({"statuut": "werknemer", "in-vlaanderen": {"unknown": true}})"), kDate);
    EXPECT_TRUE(after.problems.empty());
    EXPECT_EQ(outcome(after, "premie").status, Status::Unknown);
    EXPECT_FALSE(asks(after, "in-vlaanderen"));
    // The progress moves: one question fewer to come.
    EXPECT_EQ(after.progress.remaining + 1, before.progress.remaining);
    EXPECT_LT(after.progress.expected, before.progress.expected);
    EXPECT_EQ(after.progress.answered, before.progress.answered);
}

TEST(DontKnow, OnlyTheExactFormCounts) {
    auto rs = load(minimalRuleset());
    for (const char* answer : {R"({"unknown": false})", R"({"unknown": true, "x": 1})", R"({})"}) {
        Evaluation e = evaluate(*rs, parse(std::string(R"({"in-vlaanderen": )") + answer + "}"), kDate);
        EXPECT_EQ(e.problems.size(), 1u) << answer;
    }
}

TEST(Planning, AmountQuestionsComeAfterTheVerdicts) {
    // 2025-03-01: "uren" only sets the amount; the verdict waits for the rest.
    auto rs = load(minimalRuleset());
    Evaluation e = evaluate(*rs, parse(R"({"statuut": "werknemer"})"), kDate);
    EXPECT_FALSE(asks(e, "uren"));
    EXPECT_EQ(e.progress.remaining, 3u);  // but it is counted
    Evaluation verdict = evaluate(*rs, parse(R"({"statuut": "werknemer", "in-vlaanderen": true, "erkend": true})"), kDate);
    EXPECT_EQ(outcome(verdict, "premie").status, Status::Eligible);
    EXPECT_EQ(ids(verdict.next), std::vector<std::string>{"uren"});
}

TEST(Planning, WeightsChangeWhichQuestionComesFirst) {
    // Two questions that each may end the interview: "statuut" ends it for a
    // self-employed person, "in-vlaanderen" for whoever answers no. The
    // more common answer that ends it decides which comes first.
    Json doc = minimalRuleset();
    auto first = [&](const Json& d) { return evaluate(*load(d), Json::object(), kDate).next.front()->id; };
    doc["questions"][0]["weights"] = parse(R"({"zelfstandige": 50})");
    EXPECT_EQ(first(doc), "statuut");
    doc["questions"][0].erase("weights");
    doc["questions"][2]["weights"] = parse(R"({"false": 50})");
    EXPECT_EQ(first(doc), "in-vlaanderen");
}

TEST(Planning, WeightLoadChecks) {
    Json doc = minimalRuleset();
    doc["questions"][1]["weights"] = parse(R"({"10": 2})");
    EXPECT_EQ(problemsOf(doc).at(0).path, "/questions/1/weights");
    doc = minimalRuleset();
    doc["questions"][0]["weights"] = parse(R"({"ambtenaar": 2})");
    EXPECT_EQ(problemsOf(doc).at(0).path, "/questions/0/weights/ambtenaar");
    doc = minimalRuleset();
    doc["questions"][2]["weights"] = parse(R"({"true": 0})");
    EXPECT_EQ(problemsOf(doc).at(0).path, "/questions/2/weights/true");
}

TEST(Profile, WalksOnePersonAndSaysDontKnowForWhatTheProfileLacks) {
    auto rs = load(withGoal());
    ProfileWalk w = walkProfile(*rs, kDate, Json::object(), parse(R"({"doel": "begeleiding"})"));
    ASSERT_EQ(w.asked.size(), 2u);
    EXPECT_EQ(w.asked[0].first, "doel");
    EXPECT_EQ(w.asked[1].first, "in-vlaanderen");
    EXPECT_EQ(w.asked[1].second, parse(R"({"unknown": true})"));
    EXPECT_EQ(w.estimates.size(), 3u);
    EXPECT_DOUBLE_EQ(w.estimates.back(), 0);
}

}  // namespace
}  // namespace wegwijzer
