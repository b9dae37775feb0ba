// "maxStatus": "unknown" on a version (rules-format §7.4): a version whose
// rules are not known yet, or whose deciding condition is not asked, never
// says eligible; it says unknown with nothing left to ask, and not-eligible
// where a criterion is not met. The tree evaluator and the fast path agree.

#include <cmath>
#include <string>

#include <gtest/gtest.h>

#include "test_support.hpp"

using namespace wegwijzer;
using wegwijzer::testing::minimalRuleset;
using wegwijzer::testing::parse;
using wegwijzer::testing::problemsOf;

namespace {

std::shared_ptr<const Ruleset> capped(const char* maxStatus) {
    Json doc = minimalRuleset();
    doc["results"][0]["versions"][1]["maxStatus"] = maxStatus;
    LoadedRuleset loaded = loadRulesetDocument(doc);
    EXPECT_TRUE(loaded.ruleset) << (loaded.problems.empty() ? "" : loaded.problems[0].message);
    return loaded.ruleset;
}

Status fastStatus(const std::shared_ptr<const Ruleset>& rs, const Json& answers, const Date& date) {
    auto program = Program::build(rs, date);
    EXPECT_TRUE(program);
    std::vector<double> encoded(rs->questions.size(), kNotAnswered);
    encodeAnswers(*rs, answers, encoded.data());
    ProgramOutcome out = program->makeOutcome();
    program->run(encoded.data(), out);
    return out.statuses.at(0);
}

const Date kDate = *Date::parse("2025-10-01");

// The status evaluate() gives on kDate, after checking that the fast path gives the same.
Status statusOf(const std::shared_ptr<const Ruleset>& rs, const Json& answers) {
    const Status slow = evaluate(*rs, answers, kDate).results.at(0).status;
    EXPECT_EQ(fastStatus(rs, answers, kDate), slow) << "the fast path and evaluate() differ";
    return slow;
}

}  // namespace

TEST(MaxStatus, AllCriteriaMetGivesUnknownWithNothingToAsk) {
    auto rs = capped("unknown");
    ASSERT_TRUE(rs);
    const Json a = parse(R"({"statuut": "werknemer", "uren": 38})");
    EXPECT_EQ(statusOf(rs, a), Status::Unknown);
    Evaluation e = evaluate(*rs, a, kDate);
    EXPECT_TRUE(e.next.empty()) << "nothing the person can answer decides it";
    for (const CriterionOutcome& c : e.results.at(0).criteria) EXPECT_EQ(c.status, CriterionStatus::Met);
}

TEST(MaxStatus, ACriterionNotMetStillSaysNotEligible) {
    auto rs = capped("unknown");
    ASSERT_TRUE(rs);
    EXPECT_EQ(statusOf(rs, parse(R"({"statuut": "werknemer", "uren": 20})")), Status::NotEligible);
}

TEST(MaxStatus, AnOpenCriterionIsStillAsked) {
    auto rs = capped("unknown");
    ASSERT_TRUE(rs);
    const Json a = parse(R"({"statuut": "werknemer"})");
    EXPECT_EQ(statusOf(rs, a), Status::Unknown);
    Evaluation e = evaluate(*rs, a, kDate);
    ASSERT_EQ(e.next.size(), 1u);
    EXPECT_EQ(e.next[0]->id, "uren");
}

TEST(MaxStatus, EligibleIsTheDefaultAndOnlyOtherValue) {
    auto rs = capped("eligible");
    ASSERT_TRUE(rs);
    EXPECT_EQ(statusOf(rs, parse(R"({"statuut": "werknemer", "uren": 38})")), Status::Eligible);
    // The other version, without the member, is not capped.
    const Json b = parse(R"({"statuut": "werknemer", "uren": 20, "in-vlaanderen": true, "erkend": true})");
    EXPECT_EQ(evaluate(*capped("unknown"), b, *Date::parse("2025-03-01")).results[0].status, Status::Eligible);
}

TEST(MaxStatus, AnythingElseIsRefusedWithItsPointer) {
    for (const Json& bad : {Json("maybe"), Json(""), Json(true)}) {
        Json doc = minimalRuleset();
        doc["results"][0]["versions"][1]["maxStatus"] = bad;
        Problems p = problemsOf(doc);
        ASSERT_EQ(p.size(), 1u) << bad.dump();
        EXPECT_EQ(p[0].path, "/results/0/versions/1/maxStatus");
    }
}
