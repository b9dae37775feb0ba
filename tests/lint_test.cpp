// Lint warnings: each kind, on a variant of the minimal ruleset.

#include <gtest/gtest.h>

#include "test_support.hpp"

using namespace wegwijzer;
using wegwijzer::testing::minimalRuleset;
using wegwijzer::testing::parse;

namespace {

Problems warningsOf(const Json& doc, const std::set<std::string>* withCases = nullptr) {
    LoadedRuleset loaded = loadRulesetDocument(doc);
    EXPECT_TRUE(loaded.ruleset) << (loaded.problems.empty() ? "" : loaded.problems[0].message);
    if (!loaded.ruleset) return {};
    LintOptions options;
    options.resultsWithCases = withCases;
    return lintWarnings(*loaded.ruleset, options);
}

Json& test0(Json& doc) { return doc["results"][0]["versions"][0]["criteria"][0]["test"]; }

}  // namespace

TEST(LintWarnings, NoneForTheMinimalRuleset) { EXPECT_TRUE(warningsOf(minimalRuleset()).empty()); }

TEST(LintWarnings, CriterionThatCanNeverBeMet) {
    Json doc = minimalRuleset();
    test0(doc) = parse(R"({"and": [{"===": [{"var": "statuut"}, "werknemer"]}, {"===": [{"var": "statuut"}, "zelfstandige"]}]})");
    Problems w = warningsOf(doc);
    ASSERT_EQ(w.size(), 1u);
    EXPECT_EQ(w[0].path, "/results/0/versions/0/criteria/0/test");
    EXPECT_NE(w[0].message.find("can never be met"), std::string::npos);
}

TEST(LintWarnings, CriterionThatCanNeverFail) {
    Json doc = minimalRuleset();
    // uren is asked only of employees; for them it is between 0 and 60.
    test0(doc) = parse(R"({"or": [{"!==": [{"var": "statuut"}, "werknemer"]}, {"<=": [{"var": "uren"}, 60]}]})");
    Problems w = warningsOf(doc);
    ASSERT_EQ(w.size(), 1u);
    EXPECT_NE(w[0].message.find("can never fail"), std::string::npos);
}

TEST(LintWarnings, QuestionThatNothingReads) {
    Json doc = minimalRuleset();
    doc["questions"].push_back(parse(R"({"id": "leeftijd", "type": "number", "min": 0, "max": 120,
                                        "text": {"nl": "Leeftijd?", "en": "Age?"}})"));
    Problems w = warningsOf(doc);
    ASSERT_EQ(w.size(), 1u);
    EXPECT_EQ(w[0].path, "/questions/4");
}

TEST(LintWarnings, ResultThatNoCaseExpects) {
    std::set<std::string> none;
    Problems w = warningsOf(minimalRuleset(), &none);
    ASSERT_EQ(w.size(), 1u);
    EXPECT_NE(w[0].message.find("no case expects anything of result \"premie\""), std::string::npos);
    std::set<std::string> premie{"premie"};
    EXPECT_TRUE(warningsOf(minimalRuleset(), &premie).empty());
}

TEST(LintWarnings, TextThatLooksUntranslated) {
    Json doc = minimalRuleset();
    doc["results"][0]["summary"] = parse(R"({"nl": "Geld voor je opleiding.", "en": "Geld voor je opleiding."})");
    Problems w = warningsOf(doc);
    ASSERT_EQ(w.size(), 1u);
    EXPECT_EQ(w[0].path, "/results/0/summary");
}
