// Helpers shared by the tests: reading files and building small rulesets.
#pragma once

#include <string>
#include <vector>

#include "wegwijzer/wegwijzer.hpp"

namespace wegwijzer::testing {

std::string readFile(const std::string& path);
Json parse(const std::string& text);  // fails the test on invalid JSON

// A minimal valid ruleset (one locale-pair, a few questions, one result),
// as JSON, for tests to mutate.
Json minimalRuleset();
// minimalRuleset(), loaded (a test failure when it does not load).
std::shared_ptr<const Ruleset> minimalLoaded();

// The rulesets in rules/ that have cases (folder names, sorted).
std::vector<std::string> rulesetDirsWithCases();

// Loads a ruleset document; returns the problems (empty when it loaded).
Problems problemsOf(const Json& document);

}  // namespace wegwijzer::testing
