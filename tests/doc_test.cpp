// The Dutch rendering of a ruleset (`wegwijzer doc`, cli/doc.cpp): conditions
// in words, every criterion with its source, and the cautions.

#include <gtest/gtest.h>

#include "doc.hpp"
#include "test_support.hpp"

using namespace wegwijzer;
using wegwijzer::testing::minimalLoaded;
using wegwijzer::testing::minimalRuleset;
using wegwijzer::testing::parse;

TEST(Doc, DescribesConditionsInDutch) {
    EXPECT_EQ(describeExpression(parse(R"({"and": [{"in": [{"var": "statuut"}, ["a", "b"]]}, {">=": [{"var": "x"}, 12.5]}]})")),
              "(`statuut` is een van: \"a\", \"b\") en (`x` ≥ 12,5)");
    EXPECT_EQ(describeExpression(parse(R"({"!": [{"var": "pop"}]})")), "niet (`pop`)");
}

TEST(Doc, RendersEveryCriterionWithItsSource) {
    auto rs = minimalLoaded();
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
