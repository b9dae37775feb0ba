#include "test_support.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

namespace wegwijzer::testing {

std::vector<std::string> rulesetDirsWithCases() {
    namespace fs = std::filesystem;
    std::vector<std::string> out;
    for (const auto& entry : fs::directory_iterator(WEGWIJZER_RULES_DIR)) {
        if (fs::exists(entry.path() / "ruleset.json") && fs::is_directory(entry.path() / "cases")) {
            out.push_back(entry.path().filename().string());
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    EXPECT_TRUE(in.good()) << "cannot read " << path;
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

Json parse(const std::string& text) {
    JsonResult r = parseJson(text);
    EXPECT_TRUE(r.value.has_value()) << r.problem.message << " in " << text;
    return r.value.value_or(Json());
}

Json minimalRuleset() {
    return parse(R"({
  "format": "wegwijzer-ruleset/1",
  "id": "mini",
  "version": 1,
  "published": "2025-01-01",
  "expires": "2026-12-31",
  "locales": ["nl", "en"],
  "title": {"nl": "Mini", "en": "Mini"},
  "questions": [
    {"id": "statuut", "type": "choice", "text": {"nl": "Statuut?", "en": "Status?"},
     "options": [{"value": "werknemer", "text": {"nl": "Werknemer", "en": "Employee"}},
                 {"value": "zelfstandige", "text": {"nl": "Zelfstandige", "en": "Self-employed"}}]},
    {"id": "uren", "type": "number", "min": 0, "max": 60, "text": {"nl": "Uren?", "en": "Hours?"},
     "askIf": {"===": [{"var": "statuut"}, "werknemer"]}},
    {"id": "in-vlaanderen", "type": "boolean", "text": {"nl": "Vlaanderen?", "en": "Flanders?"}},
    {"id": "erkend", "type": "boolean", "scope": "course", "text": {"nl": "Erkend?", "en": "Recognised?"}}
  ],
  "results": [
    {"id": "premie", "kind": "incentive", "pillar": "geld",
     "title": {"nl": "Premie", "en": "Bonus"}, "summary": {"nl": "Geld.", "en": "Money."},
     "versions": [
       {"validFrom": "2024-09-01", "validUntil": "2025-08-31",
        "criteria": [
          {"id": "werknemer", "test": {"===": [{"var": "statuut"}, "werknemer"]},
           "met": {"nl": "Je bent werknemer.", "en": "You are an employee."},
           "notMet": {"nl": "Je bent geen werknemer.", "en": "You are not an employee."},
           "source": {"url": "https://example.org/werknemer"}},
          {"id": "vlaanderen", "test": {"var": "in-vlaanderen"},
           "met": {"nl": "Je woont in Vlaanderen.", "en": "You live in Flanders."},
           "notMet": {"nl": "Je woont niet in Vlaanderen.", "en": "You do not live in Flanders."},
           "source": {"url": "https://example.org/vlaanderen"}},
          {"id": "erkend", "test": {"var": "erkend"},
           "met": {"nl": "De opleiding is erkend.", "en": "The course is recognised."},
           "notMet": {"nl": "De opleiding is niet erkend.", "en": "The course is not recognised."},
           "source": {"url": "https://example.org/erkend"}}
        ],
        "amounts": [{"id": "bedrag", "unit": "euro", "value": {"*": [{"var": "uren"}, 10]},
                     "text": {"nl": "Bedrag", "en": "Amount"}}]},
       {"validFrom": "2025-09-01",
        "criteria": [
          {"id": "werknemer", "test": {"===": [{"var": "statuut"}, "werknemer"]},
           "met": {"nl": "Je bent werknemer.", "en": "You are an employee."},
           "notMet": {"nl": "Je bent geen werknemer.", "en": "You are not an employee."},
           "source": {"url": "https://example.org/werknemer"}},
          {"id": "voltijds", "test": {">=": [{"var": "uren"}, 38]},
           "met": {"nl": "Je werkt voltijds.", "en": "You work full time."},
           "notMet": {"nl": "Je werkt niet voltijds.", "en": "You do not work full time."},
           "source": {"url": "https://example.org/voltijds"}}
        ]}
     ]}
  ]
})");
}

std::shared_ptr<const Ruleset> minimalLoaded() {
    LoadedRuleset loaded = loadRulesetDocument(minimalRuleset());
    EXPECT_TRUE(loaded.ruleset);
    return loaded.ruleset;
}

Problems problemsOf(const Json& document) { return loadRulesetDocument(document).problems; }

}  // namespace wegwijzer::testing
