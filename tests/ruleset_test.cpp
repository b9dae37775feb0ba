// Loading validates everything: each kind of problem, with its JSON Pointer.

#include <string>

#include <gtest/gtest.h>

#include "test_support.hpp"

using namespace wegwijzer;
using wegwijzer::testing::minimalRuleset;
using wegwijzer::testing::parse;
using wegwijzer::testing::problemsOf;

namespace {

// Asserts that loading gives exactly one problem, at `path`, whose message contains `words`.
void expectOneProblem(const Json& doc, const std::string& path, const std::string& words) {
    Problems p = problemsOf(doc);
    ASSERT_EQ(p.size(), 1u) << (p.empty() ? "no problem" : p[0].path + ": " + p[0].message + " (and more)");
    EXPECT_EQ(p[0].path, path);
    EXPECT_NE(p[0].message.find(words), std::string::npos) << p[0].message;
}

Json& firstTest(Json& doc) { return doc["results"][0]["versions"][0]["criteria"][0]["test"]; }

}  // namespace

TEST(LoadRuleset, AcceptsTheMinimalRuleset) {
    LoadedRuleset loaded = loadRulesetDocument(minimalRuleset());
    ASSERT_TRUE(loaded.ruleset) << loaded.problems[0].path << ": " << loaded.problems[0].message;
    EXPECT_EQ(loaded.ruleset->questions.size(), 4u);
    EXPECT_EQ(loaded.ruleset->results[0].versions.size(), 2u);
}

TEST(LoadRuleset, ExpressionsFromTextKeepTheirSourceAfterTheRulesAreGone) {
    // loadRuleset keeps the parsed document for the expressions' source (diff,
    // doc) instead of copying each one: the same JSON as the document's, and
    // shared, so an expression outlives the rules it came from.
    const Json doc = minimalRuleset();
    Expression test, askIf;
    {
        LoadedRuleset loaded = loadRuleset(doc.dump(2));
        ASSERT_TRUE(loaded.ruleset);
        test = loaded.ruleset->results[0].versions[1].criteria[1].test;
        for (const Question& q : loaded.ruleset->questions) {
            if (q.askIf.valid()) askIf = q.askIf;
        }
        EXPECT_EQ(loaded.ruleset->results[0].versions[0].amounts[0].value.source(),
                  doc["results"][0]["versions"][0]["amounts"][0]["value"]);
    }
    EXPECT_EQ(test.source(), doc["results"][0]["versions"][1]["criteria"][1]["test"]);
    ASSERT_TRUE(askIf.valid()) << "the minimal ruleset has a question with askIf";
    bool found = false;
    for (const Json& q : doc["questions"]) found = found || (q.contains("askIf") && q["askIf"] == askIf.source());
    EXPECT_TRUE(found);
}

TEST(LoadRuleset, UnknownOperator) {
    Json doc = minimalRuleset();
    firstTest(doc) = parse(R"({"regex": [{"var": "statuut"}, "werk.*"]})");
    expectOneProblem(doc, "/results/0/versions/0/criteria/0/test", "unrecognised operator: \"regex\"");
}

TEST(LoadRuleset, WrongArity) {
    Json doc = minimalRuleset();
    firstTest(doc) = parse(R"({"===": [{"var": "statuut"}]})");
    expectOneProblem(doc, "/results/0/versions/0/criteria/0/test", "takes 2 operands, but has 1");
}

TEST(LoadRuleset, VarThatNamesNoQuestion) {
    Json doc = minimalRuleset();
    firstTest(doc) = parse(R"({"var": "leeftijd"})");
    expectOneProblem(doc, "/results/0/versions/0/criteria/0/test", "\"leeftijd\" names no question");
}

TEST(LoadRuleset, ComparingIncompatibleTypes) {
    Json doc = minimalRuleset();
    firstTest(doc) = parse(R"({"<": [{"var": "statuut"}, 3]})");
    expectOneProblem(doc, "/results/0/versions/0/criteria/0/test/</0", "must be a number, but it is a string");
}

TEST(LoadRuleset, OptionValueTheQuestionDoesNotHave) {
    Json doc = minimalRuleset();
    firstTest(doc) = parse(R"({"===": [{"var": "statuut"}, "ambtenaar"]})");
    expectOneProblem(doc, "/results/0/versions/0/criteria/0/test/===/1", "has no option \"ambtenaar\"");
}

TEST(LoadRuleset, CriterionThatIsNotBoolean) {
    Json doc = minimalRuleset();
    firstTest(doc) = parse(R"({"var": "uren"})");
    expectOneProblem(doc, "/results/0/versions/0/criteria/0/test", "must give a boolean, but gives a number");
}

TEST(LoadRuleset, MissingLocaleText) {
    Json doc = minimalRuleset();
    doc["questions"][1]["text"].erase("en");
    expectOneProblem(doc, "/questions/1/text", "the text in locale \"en\" is missing");
}

TEST(LoadRuleset, UndeclaredLocaleText) {
    Json doc = minimalRuleset();
    doc["title"]["fr"] = "Mini";
    expectOneProblem(doc, "/title/fr", "not listed in /locales");
}

TEST(LoadRuleset, DuplicateQuestionId) {
    Json doc = minimalRuleset();
    doc["questions"].push_back(doc["questions"][2]);
    expectOneProblem(doc, "/questions/4", "duplicate question id \"in-vlaanderen\"");
}

TEST(LoadRuleset, DuplicateCriterionId) {
    Json doc = minimalRuleset();
    doc["results"][0]["versions"][0]["criteria"][1]["id"] = "werknemer";
    expectOneProblem(doc, "/results/0/versions/0/criteria/1", "duplicate criterion id");
}

TEST(LoadRuleset, OverlappingValidityWindows) {
    Json doc = minimalRuleset();
    doc["results"][0]["versions"][1]["validFrom"] = "2025-08-31";
    expectOneProblem(doc, "/results/0/versions/1/validFrom", "overlaps with version 0");
}

TEST(LoadRuleset, AdjacentValidityWindowsDoNotOverlap) {
    EXPECT_TRUE(problemsOf(minimalRuleset()).empty());  // 2025-08-31 then 2025-09-01
}

TEST(LoadRuleset, AskIfThatDependsOnItself) {
    Json doc = minimalRuleset();
    doc["questions"][1]["askIf"] = parse(R"({">": [{"var": "uren"}, 0]})");
    expectOneProblem(doc, "/questions/1/askIf", "depends on its own answer");
}

TEST(LoadRuleset, AskIfCycleThroughAnotherQuestion) {
    Json doc = minimalRuleset();
    doc["questions"][0]["askIf"] = parse(R"({">": [{"var": "uren"}, 0]})");
    Problems p = problemsOf(doc);
    ASSERT_FALSE(p.empty());
    EXPECT_NE(p[0].message.find("on its own answer"), std::string::npos) << p[0].message;
}

TEST(LoadRuleset, UnknownMemberIsATypo) {
    Json doc = minimalRuleset();
    doc["results"][0]["versions"][0]["critera"] = Json::array();
    expectOneProblem(doc, "/results/0/versions/0/critera", "unknown member \"critera\"");
}

TEST(LoadRuleset, ReportsEveryProblemNotJustTheFirst) {
    Json doc = minimalRuleset();
    doc["questions"][1]["text"].erase("en");
    firstTest(doc) = parse(R"({"var": "leeftijd"})");
    doc["results"][0]["versions"][0]["criteria"][1]["source"]["url"] = "http://insecure.example";
    EXPECT_EQ(problemsOf(doc).size(), 3u);
}

TEST(LoadRuleset, TruncatedTextIsAProblemNotACrash) {
    const std::string text = minimalRuleset().dump();
    for (std::size_t cut : {std::size_t{0}, std::size_t{1}, text.size() / 3, text.size() / 2, text.size() - 1}) {
        LoadedRuleset loaded = loadRuleset(std::string_view(text).substr(0, cut));
        EXPECT_FALSE(loaded.ruleset);
        ASSERT_EQ(loaded.problems.size(), 1u);
    }
}

TEST(LoadRuleset, CollectsThresholdsPerQuestion) {
    LoadedRuleset loaded = loadRulesetDocument(minimalRuleset());
    ASSERT_TRUE(loaded.ruleset);
    EXPECT_EQ(loaded.ruleset->question("uren")->thresholds, (std::vector<double>{38}));
}

TEST(LoadRuleset, VersionCaution) {
    Json doc = minimalRuleset();
    doc["results"][0]["versions"][1]["caution"] = parse(R"({"nl": "Nog niet bevestigd.", "en": "Not confirmed yet."})");
    LoadedRuleset loaded = loadRulesetDocument(doc);
    ASSERT_TRUE(loaded.ruleset) << loaded.problems[0].path << ": " << loaded.problems[0].message;
    EXPECT_EQ(textIn(loaded.ruleset->results[0].versions[1].caution, "en"), "Not confirmed yet.");
    EXPECT_TRUE(loaded.ruleset->results[0].versions[0].caution.empty());
}

TEST(LoadRuleset, MalformedVersionCaution) {
    const std::string at = "/results/0/versions/1/caution";
    Json doc = minimalRuleset();
    doc["results"][0]["versions"][1]["caution"] = "Nog niet bevestigd.";
    expectOneProblem(doc, at, "text per locale");
    doc["results"][0]["versions"][1]["caution"] = parse(R"({"nl": "Nog niet bevestigd."})");
    expectOneProblem(doc, at, "\"en\" is missing");
    doc["results"][0]["versions"][1]["caution"] = parse(R"({"nl": "Nog niet bevestigd.", "en": ""})");
    expectOneProblem(doc, at + "/en", "non-empty string");
    doc["results"][0]["versions"][1]["caution"] = parse(R"({"nl": "Nog niet bevestigd.", "en": "Not yet.", "fr": "Pas encore."})");
    expectOneProblem(doc, at + "/fr", "not listed in /locales");
}
