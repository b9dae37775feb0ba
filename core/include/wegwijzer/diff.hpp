// The consequence of a rule change: for each result, every combination of
// the answers it depends on, judged by the old and the new rules.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "wegwijzer/evaluation.hpp"

namespace wegwijzer {

struct ChangeKind {
    std::string from;  // "eligible", "not-eligible", "absent" (no version in force), or "amount"
    std::string to;
    std::size_t combinations = 0;
    std::vector<Json> examples;  // a few answer combinations (question id -> answer)
    // Who is affected: per question, the answers seen in these combinations,
    // or "any" when every answer of the question occurs.
    std::map<std::string, std::vector<std::string>> who;
};

struct ResultDiff {
    std::string result;
    std::vector<std::string> questions;  // the questions this result depends on, old or new
    std::size_t combinations = 0;        // the enumerated space of this result
    std::size_t changed = 0;             // combinations whose verdict or amounts differ
    std::vector<ChangeKind> kinds;
};

struct RulesetDiff {
    std::vector<ResultDiff> results;
    std::vector<std::string> textChanges;  // questions, criteria, amounts, sources, links: what changed
    std::size_t combinations = 0;          // sum over results
    bool truncated = false;                // a result's space was larger than the limit
};

struct DiffOptions {
    Date oldDate;
    Date newDate;
    std::size_t examplesPerKind = 3;
    std::size_t maxCombinationsPerResult = 5000000;
};

// Enumerates, per result, the answers to the questions it reads in either
// ruleset (and the questions their askIf reads), one answer per class the
// rules can tell apart (thresholds of both rulesets, a value on each side);
// a question whose askIf is false in both rulesets is not varied.
RulesetDiff diffRulesets(const Ruleset& oldRules, const Ruleset& newRules, const DiffOptions& options);

}  // namespace wegwijzer
