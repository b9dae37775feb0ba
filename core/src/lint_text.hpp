// What lint.cpp takes from lint_text.cpp (private to the core).
#pragma once

#include <string>
#include <string_view>

#include "wegwijzer/problem.hpp"
#include "wegwijzer/ruleset.hpp"

namespace wegwijzer {

// ASCII letters in lower case; other bytes as they are.
std::string asciiLower(std::string_view s);

// The warnings about the texts a person reads: long sentences, long help,
// unexplained terms, in that order.
void textWarnings(const Ruleset& rs, Problems& out);

}  // namespace wegwijzer
