// The interview simulation and the answer classes it walks.

#include <gtest/gtest.h>

#include "test_support.hpp"

using namespace wegwijzer;
using wegwijzer::testing::minimalLoaded;
using wegwijzer::testing::parse;

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
    auto rs = minimalLoaded();
    EXPECT_EQ(Json(answerClasses(*rs->question("statuut"), *Date::parse("2025-09-01"))),
              parse(R"(["werknemer", "zelfstandige"])"));
    EXPECT_EQ(Json(answerClasses(*rs->question("erkend"), *Date::parse("2025-09-01"))), parse("[true, false]"));
}

TEST(Interviews, NewVersionNeedsAtMostTwoQuestions) {
    // From 2025-09-01 only statuut and (for employees) uren decide the result.
    InterviewStats s = simulateInterviews(*minimalLoaded(), *Date::parse("2025-09-01"));
    EXPECT_EQ(s.paths, 4u);  // zelfstandige; werknemer with uren < 38, = 38, > 38
    EXPECT_EQ(s.maxQuestions, 2u);
    EXPECT_EQ(s.histogram, (std::map<std::size_t, std::size_t>{{1, 1}, {2, 3}}));
    EXPECT_FALSE(s.truncated);
}

TEST(Interviews, StopAtTheLimit) {
    InterviewStats s = simulateInterviews(*minimalLoaded(), *Date::parse("2025-03-01"), Json::object(), 3);
    EXPECT_TRUE(s.truncated);
    EXPECT_EQ(s.paths, 3u);
}

TEST(Interviews, PrefilledCourseFactsAreNotAsked) {
    InterviewStats s = simulateInterviews(*minimalLoaded(), *Date::parse("2025-03-01"), parse(R"({"erkend": true})"));
    EXPECT_EQ(s.askedIn.count("erkend"), 0u);
    EXPECT_GT(s.paths, 0u);
}
