// The interview simulation and the answer classes it walks.

#include <gtest/gtest.h>

#include "doc.hpp"
#include "test_support.hpp"

using namespace wegwijzer;
using wegwijzer::testing::minimalRuleset;
using wegwijzer::testing::parse;

namespace {

std::shared_ptr<const Ruleset> mini() {
    LoadedRuleset loaded = loadRulesetDocument(minimalRuleset());
    EXPECT_TRUE(loaded.ruleset);
    return loaded.ruleset;
}

}  // namespace

TEST(AnswerClasses, NumbersGetEachThresholdAndOneValuePerInterval) {
    Question q;
    q.type = QuestionType::Number;
    q.min = 0;
    q.max = 100;
    q.thresholds = {50, 80};
    EXPECT_EQ(Json(answerClasses(q, *Date::parse("2025-09-01"))), parse("[0, 50, 65, 80, 100]"));
    q.thresholds = {0, 100};
    EXPECT_EQ(Json(answerClasses(q, *Date::parse("2025-09-01"))), parse("[0, 50, 100]"));
    q.thresholds = {};
    EXPECT_EQ(Json(answerClasses(q, *Date::parse("2025-09-01"))), parse("[0]"));
}

TEST(AnswerClasses, ChoicesAndBooleans) {
    auto rs = mini();
    EXPECT_EQ(Json(answerClasses(*rs->question("statuut"), *Date::parse("2025-09-01"))),
              parse(R"(["werknemer", "zelfstandige"])"));
    EXPECT_EQ(Json(answerClasses(*rs->question("erkend"), *Date::parse("2025-09-01"))), parse("[true, false]"));
}

TEST(Interviews, NewVersionNeedsAtMostTwoQuestions) {
    // From 2025-09-01 only statuut and (for employees) uren decide the result.
    InterviewStats s = simulateInterviews(*mini(), *Date::parse("2025-09-01"));
    EXPECT_EQ(s.paths, 4u);  // zelfstandige; werknemer with uren < 38, = 38, > 38
    EXPECT_EQ(s.maxQuestions, 2u);
    EXPECT_EQ(s.histogram, (std::map<std::size_t, std::size_t>{{1, 1}, {2, 3}}));
    EXPECT_FALSE(s.truncated);
}

TEST(Interviews, StopAtTheLimit) {
    InterviewStats s = simulateInterviews(*mini(), *Date::parse("2025-03-01"), Json::object(), 3);
    EXPECT_TRUE(s.truncated);
    EXPECT_EQ(s.paths, 3u);
}

TEST(Interviews, PrefilledCourseFactsAreNotAsked) {
    InterviewStats s = simulateInterviews(*mini(), *Date::parse("2025-03-01"), parse(R"({"erkend": true})"));
    EXPECT_EQ(s.askedIn.count("erkend"), 0u);
    EXPECT_GT(s.paths, 0u);
}

TEST(Doc, DescribesConditionsInDutch) {
    EXPECT_EQ(describeExpression(parse(R"({"and": [{"in": [{"var": "statuut"}, ["a", "b"]]}, {">=": [{"var": "x"}, 12.5]}]})")),
              "(`statuut` is een van: \"a\", \"b\") en (`x` ≥ 12,5)");
    EXPECT_EQ(describeExpression(parse(R"({"!": [{"var": "pop"}]})")), "niet (`pop`)");
}

TEST(Doc, RendersEveryCriterionWithItsSource) {
    auto rs = mini();
    const std::string doc = renderRulesetDocument(*rs, "mini.json");
    for (const Result& r : rs->results) {
        for (const Version& v : r.versions) {
            for (const Criterion& c : v.criteria) {
                EXPECT_NE(doc.find("**" + c.id + "**"), std::string::npos) << c.id;
                EXPECT_NE(doc.find(c.source.url), std::string::npos) << c.source.url;
            }
        }
    }
    EXPECT_NE(doc.find("Geldig vanaf 2025-09-01 (geen einddatum)"), std::string::npos);
}

TEST(Doc, RendersTheVersionCaution) {
    Json doc = minimalRuleset();
    doc["results"][0]["versions"][1]["caution"] = parse(R"({"nl": "Nog niet bevestigd. Vraag het na bij 1700.", "en": "Not confirmed."})");
    LoadedRuleset loaded = loadRulesetDocument(doc);
    ASSERT_TRUE(loaded.ruleset);
    const std::string text = renderRulesetDocument(*loaded.ruleset, "mini.json");
    const auto heading = text.find("Geldig vanaf 2025-09-01");
    const auto caution = text.find("Let op, voor deze hele versie (getoond aan de burger bij elke uitkomst): "
                                   "Nog niet bevestigd. Vraag het na bij 1700.");
    ASSERT_NE(caution, std::string::npos) << text;
    EXPECT_LT(heading, caution);
    EXPECT_EQ(text.find("Not confirmed."), std::string::npos);  // the document is in Dutch
}
