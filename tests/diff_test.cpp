// wegwijzer::diffRulesets on the minimal ruleset, across its two versions:
// the expected counts are worked out by hand in the comments.

#include <gtest/gtest.h>

#include "test_support.hpp"

using namespace wegwijzer;
using wegwijzer::testing::minimalRuleset;
using wegwijzer::testing::parse;

namespace {

const ChangeKind* kind(const ResultDiff& r, const std::string& from, const std::string& to) {
    for (const ChangeKind& k : r.kinds) {
        if (k.from == from && k.to == to) return &k;
    }
    return nullptr;
}

}  // namespace

TEST(Diff, CountsEveryKindOfChangeBetweenTwoVersions) {
    LoadedRuleset loaded = loadRulesetDocument(minimalRuleset());
    ASSERT_TRUE(loaded.ruleset);
    DiffOptions options;
    options.oldDate = *Date::parse("2025-03-01");  // werknemer, in Vlaanderen, erkend; amount uren x 10
    options.newDate = *Date::parse("2025-09-01");  // werknemer, uren >= 38; no amount
    RulesetDiff d = diffRulesets(*loaded.ruleset, *loaded.ruleset, options);
    ASSERT_EQ(d.results.size(), 1u);
    const ResultDiff& r = d.results[0];
    // zelfstandige: uren does not apply: 2 x 2 = 4; werknemer: uren {0, 38, 60} x 2 x 2 = 12.
    EXPECT_EQ(r.combinations, 16u);
    ASSERT_NE(kind(r, "eligible", "not-eligible"), nullptr);
    EXPECT_EQ(kind(r, "eligible", "not-eligible")->combinations, 1u);  // uren 0, in Vlaanderen, erkend
    ASSERT_NE(kind(r, "not-eligible", "eligible"), nullptr);
    EXPECT_EQ(kind(r, "not-eligible", "eligible")->combinations, 6u);  // uren 38/60, not (Vlaanderen and erkend)
    ASSERT_EQ(r.changed, 9u);  // + 2 whose amount disappears (uren 38/60, Vlaanderen, erkend)
    EXPECT_EQ(kind(r, "not-eligible", "eligible")->who.at("statuut"), std::vector<std::string>{"\"werknemer\""});
    EXPECT_FALSE(d.truncated);
}

TEST(Diff, NoChangeMeansNoChangedCombinations) {
    LoadedRuleset loaded = loadRulesetDocument(minimalRuleset());
    DiffOptions options;
    options.oldDate = options.newDate = *Date::parse("2025-09-01");
    RulesetDiff d = diffRulesets(*loaded.ruleset, *loaded.ruleset, options);
    EXPECT_EQ(d.results[0].changed, 0u);
    EXPECT_TRUE(d.textChanges.empty());
}

TEST(Diff, ReportsChangedTextsAndConditions) {
    Json doc = minimalRuleset();
    LoadedRuleset before = loadRulesetDocument(doc);
    doc["results"][0]["versions"][1]["criteria"][1]["test"] = Json::parse(R"({">=": [{"var": "uren"}, 30]})");
    doc["results"][0]["versions"][1]["criteria"][1]["source"]["url"] = "https://example.org/nieuw";
    doc["questions"][0]["text"]["nl"] = "Wat is je statuut?";
    LoadedRuleset after = loadRulesetDocument(doc);
    ASSERT_TRUE(after.ruleset);
    DiffOptions options;
    options.oldDate = options.newDate = *Date::parse("2025-09-01");
    RulesetDiff d = diffRulesets(*before.ruleset, *after.ruleset, options);
    EXPECT_EQ(d.textChanges.size(), 3u);
    EXPECT_EQ(d.results[0].changed, 2u);  // werknemer with uren 30 or 34 (the classes from 30 up to 38)
}

TEST(Diff, ReportsAChangedVersionCaution) {
    Json doc = minimalRuleset();
    LoadedRuleset before = loadRulesetDocument(doc);
    doc["results"][0]["versions"][1]["caution"] = Json::parse(R"({"nl": "Nog niet bevestigd.", "en": "Not confirmed."})");
    LoadedRuleset after = loadRulesetDocument(doc);
    ASSERT_TRUE(after.ruleset);
    DiffOptions options;
    options.oldDate = options.newDate = *Date::parse("2025-09-01");
    RulesetDiff d = diffRulesets(*before.ruleset, *after.ruleset, options);
    EXPECT_EQ(d.textChanges, std::vector<std::string>{"premie / version (caution): text changed"});
    EXPECT_EQ(d.results[0].changed, 0u);  // a caution changes no verdict
}

// Rules the fast path cannot run (a reduce) are judged through evaluate():
// the same counts as the first test, whose rules run on the fast path.
TEST(Diff, RulesWithoutAFastPathGiveTheSameCounts) {
    Json doc = minimalRuleset();
    const Json sameTest = parse(R"({"===": [{"reduce": [[1], {"var": "data.statuut"}, ""]}, "werknemer"]})");
    for (Json& version : doc["results"][0]["versions"]) version["criteria"][0]["test"] = sameTest;
    LoadedRuleset loaded = loadRulesetDocument(doc);
    ASSERT_TRUE(loaded.ruleset) << loaded.problems[0].path << ": " << loaded.problems[0].message;
    DiffOptions options;
    options.oldDate = *Date::parse("2025-03-01");
    options.newDate = *Date::parse("2025-09-01");
    ASSERT_EQ(Program::build(loaded.ruleset, options.oldDate), nullptr);
    ASSERT_EQ(Program::build(loaded.ruleset, options.newDate), nullptr);
    RulesetDiff d = diffRulesets(*loaded.ruleset, *loaded.ruleset, options);
    ASSERT_EQ(d.results.size(), 1u);
    const ResultDiff& r = d.results[0];
    EXPECT_EQ(r.combinations, 16u);
    ASSERT_NE(kind(r, "eligible", "not-eligible"), nullptr);
    EXPECT_EQ(kind(r, "eligible", "not-eligible")->combinations, 1u);
    ASSERT_NE(kind(r, "not-eligible", "eligible"), nullptr);
    EXPECT_EQ(kind(r, "not-eligible", "eligible")->combinations, 6u);
    EXPECT_EQ(r.changed, 9u);
}
