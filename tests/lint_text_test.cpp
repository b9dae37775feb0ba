// Lint warnings about versions, sources and texts (docs/rules-format.md,
// section 12), and the "authoring" member that configures them (section 2).

#include <gtest/gtest.h>

#include "test_support.hpp"

using namespace wegwijzer;
using wegwijzer::testing::minimalRuleset;
using wegwijzer::testing::parse;
using wegwijzer::testing::problemsOf;

namespace {

Problems warningsOf(const Json& doc) {
    LoadedRuleset loaded = loadRulesetDocument(doc);
    EXPECT_TRUE(loaded.ruleset) << (loaded.problems.empty() ? "" : loaded.problems[0].path + ": " +
                                                                       loaded.problems[0].message);
    if (!loaded.ruleset) return {};
    return lintWarnings(*loaded.ruleset);
}

std::string show(const Problems& problems) {
    std::string out;
    for (const Problem& p : problems) out += "\n  " + p.path + ": " + p.message;
    return out;
}

// The warnings whose message contains `part`.
Problems only(const Problems& all, const std::string& part) {
    Problems out;
    for (const Problem& p : all) {
        if (p.message.find(part) != std::string::npos) out.push_back(p);
    }
    return out;
}

std::vector<std::string> paths(const Problems& problems) {
    std::vector<std::string> out;
    for (const Problem& p : problems) out.push_back(p.path);
    return out;
}

Json& version(Json& doc, int v) { return doc["results"][0]["versions"][v]; }
Json& criterion(Json& doc, int v, int c) { return version(doc, v)["criteria"][c]; }

// n words: "w1 w2 ... wn" (no sentence end inside).
std::string words(int n) {
    std::string out;
    for (int i = 1; i <= n; ++i) out += (i == 1 ? "w" : " w") + std::to_string(i);
    return out;
}

Json withTerm(Json doc) {
    doc["authoring"] = parse(R"({"terms": [{"term": "POP", "explained": {
        "nl": ["persoonlijk ontwikkelingsplan"], "en": ["personal development plan", "development plan"]}}]})");
    return doc;
}

const char* kPopNl = "term \"POP\" is used without explanation in this text: add \"persoonlijk ontwikkelingsplan\" "
                     "or replace the term";

}  // namespace

// ------------------------------------------------------------------ authoring

TEST(Authoring, DefaultsWhenAbsent) {
    LoadedRuleset loaded = loadRulesetDocument(minimalRuleset());
    ASSERT_TRUE(loaded.ruleset);
    EXPECT_TRUE(loaded.ruleset->authoring.officialHosts.empty());
    EXPECT_TRUE(loaded.ruleset->authoring.terms.empty());
    EXPECT_EQ(loaded.ruleset->authoring.maxSentenceWords, 20);
    EXPECT_EQ(loaded.ruleset->authoring.maxHelpWords, 40);
}

TEST(Authoring, Loads) {
    Json doc = minimalRuleset();
    doc["authoring"] = parse(R"({"officialHosts": ["vlaanderen.be", "werk.belgie.be", "economie-werk.brussels"],
        "terms": [{"term": "POP", "explained": {"nl": ["persoonlijk ontwikkelingsplan"], "en": ["personal development plan"]}}],
        "maxSentenceWords": 25, "maxHelpWords": 60})");
    criterion(doc, 0, 0)["source"]["unofficial"] = "No official page gives this.";
    LoadedRuleset loaded = loadRulesetDocument(doc);
    ASSERT_TRUE(loaded.ruleset) << show(loaded.problems);
    const Authoring& a = loaded.ruleset->authoring;
    EXPECT_EQ(a.officialHosts, (std::vector<std::string>{"vlaanderen.be", "werk.belgie.be", "economie-werk.brussels"}));
    ASSERT_EQ(a.terms.size(), 1u);
    EXPECT_EQ(a.terms[0].term, "POP");
    EXPECT_EQ(a.terms[0].explained.at("nl"), std::vector<std::string>{"persoonlijk ontwikkelingsplan"});
    EXPECT_EQ(a.maxSentenceWords, 25);
    EXPECT_EQ(a.maxHelpWords, 60);
    EXPECT_EQ(loaded.ruleset->results[0].versions[0].criteria[0].source.unofficial, "No official page gives this.");
}

TEST(Authoring, LoaderRefusesMalformedAuthoring) {
    const std::vector<std::pair<std::string, std::string>> bad = {
        {R"("vlaanderen.be")", "/authoring"},
        {R"({"officialHost": ["vlaanderen.be"]})", "/authoring/officialHost"},
        {R"({"officialHosts": "vlaanderen.be"})", "/authoring/officialHosts"},
        {R"({"officialHosts": []})", "/authoring/officialHosts"},
        {R"({"officialHosts": ["https://vlaanderen.be"]})", "/authoring/officialHosts/0"},
        {R"({"officialHosts": ["Vlaanderen.be"]})", "/authoring/officialHosts/0"},
        {R"({"officialHosts": ["vlaanderen.be."]})", "/authoring/officialHosts/0"},
        {R"({"officialHosts": ["-vlaanderen.be"]})", "/authoring/officialHosts/0"},
        {R"({"officialHosts": ["vlaanderen..be"]})", "/authoring/officialHosts/0"},
        {R"({"officialHosts": [""]})", "/authoring/officialHosts/0"},
        {R"({"officialHosts": [7]})", "/authoring/officialHosts/0"},
        {R"({"officialHosts": ["vdab.be", "vdab.be"]})", "/authoring/officialHosts/1"},
        {R"({"terms": {"POP": ["plan"]}})", "/authoring/terms"},
        {R"({"terms": ["POP"]})", "/authoring/terms/0"},
        {R"({"terms": [{"explained": {"nl": ["plan"], "en": ["plan"]}}]})", "/authoring/terms/0"},
        {R"({"terms": [{"term": "", "explained": {"nl": ["plan"], "en": ["plan"]}}]})", "/authoring/terms/0/term"},
        {R"({"terms": [{"term": "POP"}]})", "/authoring/terms/0"},
        {R"({"terms": [{"term": "POP", "uitleg": 1, "explained": {"nl": ["plan"], "en": ["plan"]}}]})",
         "/authoring/terms/0/uitleg"},
        {R"({"terms": [{"term": "POP", "explained": ["plan"]}]})", "/authoring/terms/0/explained"},
        {R"({"terms": [{"term": "POP", "explained": {"nl": ["plan"]}}]})", "/authoring/terms/0/explained"},
        {R"({"terms": [{"term": "POP", "explained": {"nl": ["plan"], "en": ["plan"], "fr": ["plan"]}}]})",
         "/authoring/terms/0/explained/fr"},
        {R"({"terms": [{"term": "POP", "explained": {"nl": "plan", "en": ["plan"]}}]})",
         "/authoring/terms/0/explained/nl"},
        {R"({"terms": [{"term": "POP", "explained": {"nl": [], "en": ["plan"]}}]})", "/authoring/terms/0/explained/nl"},
        {R"({"terms": [{"term": "POP", "explained": {"nl": ["plan"], "en": ["plan", ""]}}]})",
         "/authoring/terms/0/explained/en/1"},
        {R"({"terms": [{"term": "POP", "explained": {"nl": ["a"], "en": ["a"]}},
                       {"term": "POP", "explained": {"nl": ["b"], "en": ["b"]}}]})",
         "/authoring/terms/1/term"},
        {R"({"maxSentenceWords": 0})", "/authoring/maxSentenceWords"},
        {R"({"maxSentenceWords": 12.5})", "/authoring/maxSentenceWords"},
        {R"({"maxSentenceWords": "20"})", "/authoring/maxSentenceWords"},
        {R"({"maxHelpWords": 1001})", "/authoring/maxHelpWords"},
        {R"({"maxHelpWords": -40})", "/authoring/maxHelpWords"},
    };
    for (const auto& [authoring, pointer] : bad) {
        Json doc = minimalRuleset();
        doc["authoring"] = parse(authoring);
        const Problems problems = problemsOf(doc);
        EXPECT_NE(std::find(paths(problems).begin(), paths(problems).end(), pointer), paths(problems).end())
            << authoring << ": expected a problem at " << pointer << show(problems);
    }
}

TEST(Authoring, LoaderRefusesAMalformedUnofficialReason) {
    for (const char* value : {R"("")", "true", R"(["reason"])"}) {
        Json doc = minimalRuleset();
        criterion(doc, 0, 0)["source"]["unofficial"] = parse(value);
        const Problems problems = problemsOf(doc);
        ASSERT_EQ(problems.size(), 1u) << value << show(problems);
        EXPECT_EQ(problems[0].path, "/results/0/versions/0/criteria/0/source/unofficial");
    }
}

TEST(Authoring, EvaluationIgnoresIt) {
    Json plain = minimalRuleset();
    Json configured = withTerm(minimalRuleset());
    configured["authoring"]["officialHosts"] = parse(R"(["vlaanderen.be"])");
    criterion(configured, 0, 0)["source"]["unofficial"] = "example.org is not official";
    LoadedRuleset a = loadRulesetDocument(plain);
    LoadedRuleset b = loadRulesetDocument(configured);
    ASSERT_TRUE(a.ruleset && b.ruleset);
    const Json answers = parse(R"({"statuut": "werknemer", "uren": 38, "in-vlaanderen": true})");
    const Date date = *Date::parse("2025-01-01");
    EXPECT_EQ(toJson(evaluate(*a.ruleset, answers, date), *a.ruleset, "nl"),
              toJson(evaluate(*b.ruleset, answers, date), *b.ruleset, "nl"));
}

// ------------------------------------------------------------------ version gaps

TEST(LintVersionGaps, NoneWhenVersionsCoverUpToExpires) {
    EXPECT_TRUE(only(warningsOf(minimalRuleset()), "no version in force").empty());
}

TEST(LintVersionGaps, OneWarningPerGapUpToExpires) {
    Json doc = minimalRuleset();  // expires 2026-12-31; versions 2024-09-01..2025-08-31 and 2025-09-01..
    version(doc, 1)["validFrom"] = "2025-10-01";
    version(doc, 1)["validUntil"] = "2026-06-30";
    Problems w = only(warningsOf(doc), "no version in force");
    ASSERT_EQ(w.size(), 2u) << show(w);
    EXPECT_EQ(w[0].path, "/results/0");
    EXPECT_EQ(w[0].message, "result \"premie\" has no version in force from 2025-09-01 to 2025-09-30");
    EXPECT_EQ(w[1].message, "result \"premie\" has no version in force from 2026-07-01 to 2026-12-31");

    // Corrected: the second version starts where the first ends and stays open.
    version(doc, 1)["validFrom"] = "2025-09-01";
    version(doc, 1).erase("validUntil");
    EXPECT_TRUE(only(warningsOf(doc), "no version in force").empty());
}

TEST(LintVersionGaps, UnsortedVersionsAndBoundaries) {
    Json doc = minimalRuleset();
    // Versions in reverse order, the later one ending exactly on expires.
    std::swap(version(doc, 0), version(doc, 1));
    version(doc, 0)["validUntil"] = "2026-12-31";
    EXPECT_TRUE(only(warningsOf(doc), "no version in force").empty()) << show(warningsOf(doc));
    // One day short of expires.
    version(doc, 0)["validUntil"] = "2026-12-30";
    Problems w = only(warningsOf(doc), "no version in force");
    ASSERT_EQ(w.size(), 1u);
    EXPECT_EQ(w[0].message, "result \"premie\" has no version in force from 2026-12-31 to 2026-12-31");
    // A version that starts after expires: the gap before it ends at expires.
    version(doc, 0)["validFrom"] = "2027-03-01";
    version(doc, 0).erase("validUntil");
    w = only(warningsOf(doc), "no version in force");
    ASSERT_EQ(w.size(), 1u);
    EXPECT_EQ(w[0].message, "result \"premie\" has no version in force from 2025-09-01 to 2026-12-31");
}

TEST(LintVersionGaps, NothingBeforeTheEarliestVersionAndNothingAfterExpires) {
    Json doc = minimalRuleset();
    doc["results"][0]["versions"] = Json::array({version(doc, 1)});
    version(doc, 0)["validFrom"] = "2027-01-01";  // after expires: no days to cover
    EXPECT_TRUE(only(warningsOf(doc), "no version in force").empty());
}

// ------------------------------------------------------------------ sources

TEST(LintSources, NotCheckedWithoutOfficialHosts) {
    Json doc = withTerm(minimalRuleset());
    EXPECT_TRUE(only(warningsOf(doc), "host").empty());
}

TEST(LintSources, HostMatching) {
    struct Case {
        const char* url;
        bool official;
    };
    const Case cases[] = {
        {"https://example.org/x", true},
        {"https://www.example.org/x", true},
        {"https://a.b.example.org/x", true},
        {"https://EXAMPLE.Org/x", true},
        {"https://example.org:443/x", true},
        {"https://example.org./x", true},
        {"https://user@www.example.org/x", true},
        {"https://example.org?x=1", true},
        {"https://example.org#top", true},
        {"https://example.org", true},
        {"https://evil-example.org/x", false},
        {"https://wwwexample.org/x", false},
        {"https://example.org.evil.com/x", false},
        {"https://example.organic/x", false},
        {"https://example.org@evil.com/x", false},
        {"https://org/x", false},
        {"https://example.com/example.org", false},
    };
    for (const Case& c : cases) {
        Json doc = minimalRuleset();
        doc["authoring"] = parse(R"({"officialHosts": ["example.org", "vdab.be"]})");
        criterion(doc, 0, 0)["source"]["url"] = c.url;
        Problems w = only(warningsOf(doc), "host");
        if (c.official) {
            EXPECT_TRUE(w.empty()) << c.url << show(w);
        } else {
            ASSERT_EQ(w.size(), 1u) << c.url << show(w);
            EXPECT_EQ(w[0].path, "/results/0/versions/0/criteria/0/source/url");
        }
    }
}

TEST(LintSources, NonOfficialSourceNeedsAReason) {
    Json doc = minimalRuleset();
    doc["authoring"] = parse(R"({"officialHosts": ["vlaanderen.be"]})");
    for (Json& v : doc["results"][0]["versions"]) {
        for (Json& c : v["criteria"]) c["source"]["url"] = "https://www.vlaanderen.be/premie";
    }
    criterion(doc, 1, 1)["source"]["url"] = "https://www.lexalert.be/nl/article/premie";
    Problems w = warningsOf(doc);
    ASSERT_EQ(w.size(), 1u) << show(w);
    EXPECT_EQ(w[0].path, "/results/0/versions/1/criteria/1/source/url");
    EXPECT_EQ(w[0].message, "the source host \"www.lexalert.be\" is not an official host (authoring.officialHosts): "
                            "cite an official page, or give the reason in \"unofficial\"");

    criterion(doc, 1, 1)["source"]["unofficial"] = "No official page gives this.";
    EXPECT_TRUE(warningsOf(doc).empty()) << show(warningsOf(doc));
}

TEST(LintSources, UnofficialReasonOnAnOfficialHostIsStale) {
    Json doc = minimalRuleset();
    doc["authoring"] = parse(R"({"officialHosts": ["example.org"]})");
    criterion(doc, 0, 1)["source"]["unofficial"] = "No official page gives this.";
    Problems w = warningsOf(doc);
    ASSERT_EQ(w.size(), 1u) << show(w);
    EXPECT_EQ(w[0].path, "/results/0/versions/0/criteria/1/source/unofficial");
    EXPECT_EQ(w[0].message,
              "the source host \"example.org\" is official, but the source is marked \"unofficial\": remove the marker");
    criterion(doc, 0, 1)["source"].erase("unofficial");
    EXPECT_TRUE(warningsOf(doc).empty());
}

TEST(LintSources, ApplyLinksAreNotChecked) {
    Json doc = minimalRuleset();
    doc["authoring"] = parse(R"({"officialHosts": ["example.org"]})");
    version(doc, 1)["apply"] = parse(R"([{"text": {"nl": "Schrijf je in", "en": "Sign up"},
                                           "url": "https://www.opleidingsverstrekker.be/inschrijven"}])");
    EXPECT_TRUE(warningsOf(doc).empty()) << show(warningsOf(doc));
}

// ------------------------------------------------------------------ long sentences and help

TEST(LintSentences, LongSentenceIsQuoted) {
    Json doc = minimalRuleset();
    const std::string sentence = "Je bent " + words(19) + ".";  // 21 words
    criterion(doc, 0, 0)["met"]["nl"] = "Kort. " + sentence + " Ook kort!";
    Problems w = warningsOf(doc);
    ASSERT_EQ(w.size(), 1u) << show(w);
    EXPECT_EQ(w[0].path, "/results/0/versions/0/criteria/0/met/nl");
    EXPECT_EQ(w[0].message, "sentence of 21 words (at most 20): \"" + sentence + "\"");

    // Corrected: split in two sentences.
    criterion(doc, 0, 0)["met"]["nl"] = "Je bent werknemer. " + words(19) + ".";
    EXPECT_TRUE(warningsOf(doc).empty()) << show(warningsOf(doc));
}

TEST(LintSentences, TwentyWordsIsTheDefaultLimit) {
    Json doc = minimalRuleset();
    criterion(doc, 0, 0)["met"]["en"] = words(20) + ".";
    EXPECT_TRUE(warningsOf(doc).empty());
    criterion(doc, 0, 0)["met"]["en"] = words(21);  // no final stop: still a sentence
    EXPECT_EQ(warningsOf(doc).size(), 1u);
    doc["authoring"] = parse(R"({"maxSentenceWords": 21})");
    EXPECT_TRUE(warningsOf(doc).empty());
    doc["authoring"] = parse(R"({"maxSentenceWords": 6})");
    criterion(doc, 0, 0)["met"]["en"] = words(6) + "? " + words(6) + "! " + words(7) + ".";
    Problems w = warningsOf(doc);
    ASSERT_EQ(w.size(), 1u) << show(w);
    EXPECT_EQ(w[0].message, "sentence of 7 words (at most 6): \"" + words(7) + ".\"");
}

TEST(LintSentences, WhatCountsAsAWordAndASentenceEnd) {
    Json doc = minimalRuleset();
    doc["authoring"] = parse(R"({"maxSentenceWords": 5})");
    const auto warned = [&](const std::string& text) {
        criterion(doc, 0, 0)["met"]["nl"] = text;
        return !only(warningsOf(doc), "sentence of").empty() &&
               only(warningsOf(doc), "sentence of")[0].path == "/results/0/versions/0/criteria/0/met/nl";
    };
    // Five words: "-", an en dash, the euro sign and "..." have no letter or digit; "3.5" does not end a sentence.
    EXPECT_FALSE(warned("Je krijgt - \xE2\x80\x93 \xE2\x82\xAC 3.5 of \xC3\xA9\xC3\xA9n ..."));
    EXPECT_TRUE(warned("Je krijgt - \xE2\x80\x93 \xE2\x82\xAC 3.5 of \xC3\xA9\xC3\xA9n extra ..."));
    // "..." before a space ends a sentence too.
    EXPECT_FALSE(warned("een twee drie vier ... vijf zes"));
    // Tabs, new lines and no-break spaces separate words too.
    EXPECT_TRUE(warned("een\ttwee\ndrie\xC2\xA0vier vijf\xE2\x80\xAFzes"));
    EXPECT_FALSE(warned("een\ttwee\ndrie\xC2\xA0vier vijf"));
    // A stop inside a token does not end the sentence; one before a space or at the end does.
    EXPECT_TRUE(warned("een twee drie.vier vijf zes zeven"));
    EXPECT_FALSE(warned("een twee drie. vier vijf zes zeven"));
    EXPECT_FALSE(warned("een twee drie!\nvier vijf zes?"));
}

TEST(LintSentences, EveryTextAPersonReadsButNotSourceNotes) {
    Json doc = minimalRuleset();
    doc["authoring"] = parse(R"({"maxSentenceWords": 6, "maxHelpWords": 100})");
    const std::string longText = "een twee drie vier vijf zes zeven";
    doc["title"]["nl"] = longText;
    doc["questions"][0]["text"]["nl"] = longText;
    doc["questions"][0]["help"] = parse(R"({"nl": "een twee drie vier vijf zes zeven", "en": "Help."})");
    doc["questions"][0]["options"][1]["text"]["nl"] = longText;
    doc["questions"][1]["unit"] = parse(R"({"nl": "een twee drie vier vijf zes zeven", "en": "hours"})");
    doc["results"][0]["title"]["nl"] = longText;
    doc["results"][0]["summary"]["nl"] = longText;
    version(doc, 0)["caution"] = parse(R"({"nl": "een twee drie vier vijf zes zeven", "en": "Unsure."})");
    criterion(doc, 0, 0)["met"]["nl"] = longText;
    criterion(doc, 0, 0)["notMet"]["nl"] = longText;
    criterion(doc, 0, 0)["caution"] = parse(R"({"nl": "een twee drie vier vijf zes zeven", "en": "Careful."})");
    criterion(doc, 0, 0)["source"]["note"] = "A long note for the authors, which nobody else reads.";
    version(doc, 0)["amounts"][0]["text"]["nl"] = longText;
    version(doc, 0)["apply"] = parse(R"([{"text": {"nl": "een twee drie vier vijf zes zeven", "en": "Apply"},
                                           "url": "https://example.org/apply"}])");
    const std::vector<std::string> expected = {
        "/title/nl",
        "/questions/0/text/nl",
        "/questions/0/help/nl",
        "/questions/0/options/1/text/nl",
        "/questions/1/unit/nl",
        "/results/0/title/nl",
        "/results/0/summary/nl",
        "/results/0/versions/0/caution/nl",
        "/results/0/versions/0/criteria/0/met/nl",
        "/results/0/versions/0/criteria/0/notMet/nl",
        "/results/0/versions/0/criteria/0/caution/nl",
        "/results/0/versions/0/amounts/0/text/nl",
        "/results/0/versions/0/apply/0/text/nl",
    };
    EXPECT_EQ(paths(warningsOf(doc)), expected) << show(warningsOf(doc));
}

TEST(LintHelp, LongHelpPerLocale) {
    Json doc = minimalRuleset();
    // 41 words in short sentences: no long sentence, but a long help.
    std::string help;
    for (int i = 0; i < 8; ++i) help += "Een twee drie vier vijf. ";
    help += "Zes.";
    doc["questions"][0]["help"] = parse(R"({"nl": "", "en": "Short help."})");
    doc["questions"][0]["help"]["nl"] = help;
    Problems w = warningsOf(doc);
    ASSERT_EQ(w.size(), 1u) << show(w);
    EXPECT_EQ(w[0].path, "/questions/0/help/nl");
    EXPECT_EQ(w[0].message, "help of 41 words (at most 40): shorten it or split the question");

    // 40 words: the default limit.
    doc["questions"][0]["help"]["nl"] = help.substr(0, help.size() - 5);
    EXPECT_TRUE(warningsOf(doc).empty()) << show(warningsOf(doc));
    doc["questions"][0]["help"]["nl"] = help;
    doc["authoring"] = parse(R"({"maxHelpWords": 41})");
    EXPECT_TRUE(warningsOf(doc).empty());
}

// ------------------------------------------------------------------ terms

TEST(LintTerms, UnexplainedTermInACriterionText) {
    Json doc = withTerm(minimalRuleset());
    criterion(doc, 0, 0)["met"]["nl"] = "Je volgt de opleiding uit je POP.";
    Problems w = warningsOf(doc);
    ASSERT_EQ(w.size(), 1u) << show(w);
    EXPECT_EQ(w[0].path, "/results/0/versions/0/criteria/0/met/nl");
    EXPECT_EQ(w[0].message, kPopNl);

    // Corrected: the text explains the term (case-insensitively).
    criterion(doc, 0, 0)["met"]["nl"] = "Je volgt de opleiding uit je POP (Persoonlijk Ontwikkelingsplan).";
    EXPECT_TRUE(warningsOf(doc).empty()) << show(warningsOf(doc));
}

TEST(LintTerms, OneWarningPerTextAndLocale) {
    Json doc = withTerm(minimalRuleset());
    criterion(doc, 0, 0)["met"]["nl"] = "POP. Nog eens POP.";
    criterion(doc, 0, 0)["met"]["en"] = "Your POP.";
    Problems w = warningsOf(doc);
    ASSERT_EQ(w.size(), 2u) << show(w);
    EXPECT_EQ(w[0].path, "/results/0/versions/0/criteria/0/met/nl");
    EXPECT_EQ(w[1].path, "/results/0/versions/0/criteria/0/met/en");
    EXPECT_EQ(w[1].message, "term \"POP\" is used without explanation in this text: add \"personal development plan\" "
                            "or replace the term");
    // Any phrase of the locale explains it; a phrase of another locale does not.
    criterion(doc, 0, 0)["met"]["en"] = "Your POP (development plan).";
    criterion(doc, 0, 0)["met"]["nl"] = "POP (personal development plan).";
    w = warningsOf(doc);
    ASSERT_EQ(w.size(), 1u) << show(w);
    EXPECT_EQ(w[0].path, "/results/0/versions/0/criteria/0/met/nl");
}

TEST(LintTerms, WholeWordsCaseSensitive) {
    struct Case {
        const char* text;
        bool uses;
    };
    const Case cases[] = {
        {"POP", true},           {"Je POP.", true},         {"(POP)", true},          {"POP-gesprek", true},
        {"het POP\xE2\x80\x99s", true}, {"POPs", false},     {"aPOP", false},          {"POP2", false},
        {"pop", false},          {"Pop", false},            {"\xC3\xA9POP", false},   {"POP\xC3\xA9", false},
    };
    for (const Case& c : cases) {
        Json doc = withTerm(minimalRuleset());
        criterion(doc, 0, 0)["met"]["nl"] = c.text;
        EXPECT_EQ(warningsOf(doc).size(), c.uses ? 1u : 0u) << c.text << show(warningsOf(doc));
    }
}

TEST(LintTerms, OverlappingTermsAndPhrases) {
    Json doc = minimalRuleset();
    doc["authoring"] = parse(R"({"terms": [
        {"term": "ABC", "explained": {"nl": ["alfa"], "en": ["alpha"]}},
        {"term": "BC", "explained": {"nl": ["beta"], "en": ["beta"]}},
        {"term": "C", "explained": {"nl": ["alfabet"], "en": ["alphabet"]}}]})");
    criterion(doc, 0, 0)["met"]["nl"] = "Het ABC en BC.";  // ABC and BC as words; C only inside them
    Problems w = warningsOf(doc);
    ASSERT_EQ(w.size(), 2u) << show(w);
    EXPECT_NE(w[0].message.find("\"ABC\""), std::string::npos);
    EXPECT_NE(w[1].message.find("\"BC\""), std::string::npos);
    // "alfabet" holds "alfa" too: it explains both C and ABC; "beta" explains BC.
    criterion(doc, 0, 0)["met"]["nl"] = "Het ABC en BC en C: het alfabet, beta.";
    EXPECT_TRUE(warningsOf(doc).empty()) << show(warningsOf(doc));
}

TEST(LintTerms, QuestionTextAndHelpExplainForTheWholeQuestion) {
    Json doc = withTerm(minimalRuleset());
    Json& q = doc["questions"][0];
    q["text"] = parse(R"({"nl": "Staat de opleiding in je POP?", "en": "Is the training in your POP?"})");
    q["options"][0]["text"] = parse(R"({"nl": "Ja, in mijn POP", "en": "Yes, in my POP"})");
    Problems w = warningsOf(doc);
    EXPECT_EQ(paths(w), (std::vector<std::string>{"/questions/0/text/nl", "/questions/0/options/0/text/nl",
                                                  "/questions/0/text/en", "/questions/0/options/0/text/en"}))
        << show(w);

    // The help is always shown with the text: it explains the term for the text and the options.
    q["help"] = parse(R"({"nl": "Je persoonlijk ontwikkelingsplan.", "en": "Your personal development plan."})");
    EXPECT_TRUE(warningsOf(doc).empty()) << show(warningsOf(doc));

    // An option is not always shown: explaining it there does not help the text.
    q.erase("help");
    q["options"][0]["text"] = parse(R"j({"nl": "Ja (persoonlijk ontwikkelingsplan)", "en": "Yes (development plan)"})j");
    EXPECT_EQ(paths(warningsOf(doc)), (std::vector<std::string>{"/questions/0/text/nl", "/questions/0/text/en"}));
}

TEST(LintTerms, ResultTitleAndSummaryExplainForEveryVersion) {
    Json doc = withTerm(minimalRuleset());
    criterion(doc, 0, 0)["notMet"]["nl"] = "De opleiding staat niet in je POP.";
    criterion(doc, 1, 1)["met"]["nl"] = "Je POP is in orde.";
    EXPECT_EQ(paths(warningsOf(doc)), (std::vector<std::string>{"/results/0/versions/0/criteria/0/notMet/nl",
                                                                "/results/0/versions/1/criteria/1/met/nl"}));
    doc["results"][0]["summary"]["nl"] = "Geld voor een opleiding uit je persoonlijk ontwikkelingsplan.";
    EXPECT_TRUE(warningsOf(doc).empty()) << show(warningsOf(doc));
}

TEST(LintTerms, ACriterionTextExplainsOnlyItself) {
    Json doc = withTerm(minimalRuleset());
    criterion(doc, 0, 0)["met"]["nl"] = "Je POP (persoonlijk ontwikkelingsplan) is in orde.";
    criterion(doc, 0, 0)["notMet"]["nl"] = "Je POP is niet in orde.";
    Problems w = warningsOf(doc);
    ASSERT_EQ(w.size(), 1u) << show(w);
    EXPECT_EQ(w[0].path, "/results/0/versions/0/criteria/0/notMet/nl");
}

TEST(LintTerms, AVersionCautionExplainsForItsOwnVersion) {
    Json doc = withTerm(minimalRuleset());
    criterion(doc, 0, 0)["notMet"]["nl"] = "De opleiding staat niet in je POP.";
    criterion(doc, 1, 0)["notMet"]["nl"] = "De opleiding staat niet in je POP.";
    version(doc, 0)["caution"] = parse(R"({"nl": "Een POP is een persoonlijk ontwikkelingsplan.", "en": "Unsure."})");
    EXPECT_EQ(paths(warningsOf(doc)), (std::vector<std::string>{"/results/0/versions/1/criteria/0/notMet/nl"}));
    // A version caution that uses the term unexplained is warned about itself.
    version(doc, 1)["caution"] = parse(R"({"nl": "Vraag je POP na.", "en": "Unsure."})");
    EXPECT_EQ(paths(warningsOf(doc)), (std::vector<std::string>{"/results/0/versions/1/caution/nl",
                                                                "/results/0/versions/1/criteria/0/notMet/nl"}));
}

TEST(LintTerms, TheTitleCountsOnVersionCautionsOnlyWhenEveryVersionExplains) {
    Json doc = withTerm(minimalRuleset());
    doc["results"][0]["title"]["nl"] = "Premie voor je POP";
    version(doc, 0)["caution"] = parse(R"({"nl": "Over je persoonlijk ontwikkelingsplan.", "en": "Unsure."})");
    EXPECT_EQ(paths(warningsOf(doc)), (std::vector<std::string>{"/results/0/title/nl"}));
    version(doc, 1)["caution"] = parse(R"({"nl": "Ook over je persoonlijk ontwikkelingsplan.", "en": "Unsure."})");
    EXPECT_TRUE(warningsOf(doc).empty()) << show(warningsOf(doc));
}

TEST(LintTerms, AVersionCautionExplainsNothingOutsideItsVersion) {
    // The last version's caution explains the term in Dutch; the English pass
    // then checks the questions first: that caution must not count there.
    Json doc = withTerm(minimalRuleset());
    version(doc, 1)["caution"] = parse(R"({"nl": "Over je persoonlijk ontwikkelingsplan.", "en": "Unsure."})");
    doc["questions"][0]["options"][0]["text"] = parse(R"({"nl": "Ja", "en": "Yes, my POP"})");
    EXPECT_EQ(paths(warningsOf(doc)), (std::vector<std::string>{"/questions/0/options/0/text/en"}));
}

TEST(LintTerms, NoTermsNoWarnings) {
    Json doc = minimalRuleset();
    criterion(doc, 0, 0)["met"]["nl"] = "Je POP.";
    EXPECT_TRUE(warningsOf(doc).empty());
}

// ------------------------------------------------------------------ the example ruleset

TEST(LintTextExample, TheExampleRulesetHasNoWarnings) {
    const std::string text = wegwijzer::testing::readFile(std::string(WEGWIJZER_RULES_DIR) + "/example/ruleset.json");
    LoadedRuleset loaded = loadRuleset(text);
    ASSERT_TRUE(loaded.ruleset) << show(loaded.problems);
    EXPECT_FALSE(loaded.ruleset->authoring.officialHosts.empty());
    EXPECT_FALSE(loaded.ruleset->authoring.terms.empty());
    EXPECT_TRUE(lintWarnings(*loaded.ruleset).empty()) << show(lintWarnings(*loaded.ruleset));
}
