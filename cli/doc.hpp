// `wegwijzer doc`: the ruleset as a readable Dutch document for policy staff.
#pragma once

#include <string>

#include "wegwijzer/ruleset.hpp"

namespace wegwijzer {

// Markdown, in Dutch: every question, every result with its versions,
// criteria (as a readable condition, with texts and sources), amounts and links.
std::string renderRulesetDocument(const Ruleset& ruleset, const std::string& sourcePath);

// A JsonLogic expression as a readable Dutch condition.
std::string describeExpression(const Json& expression);

}  // namespace wegwijzer
