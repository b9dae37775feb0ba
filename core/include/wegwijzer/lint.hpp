// Warnings about a ruleset that loads but is probably not what its authors
// meant. Unlike load problems, warnings do not stop a ruleset from being used.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "wegwijzer/problem.hpp"
#include "wegwijzer/ruleset.hpp"

namespace wegwijzer {

struct LintOptions {
    // Result ids that some case expects; when set, a result no case
    // mentions is a warning.
    const std::set<std::string>* resultsWithCases = nullptr;
    std::size_t maxCombinations = 200000;  // per criterion, for dead conditions
    // The steps (rules-format §5.7) the dead-condition check may take in all;
    // criteria not checked by then get no such warning.
    std::uint64_t maxExplorerSteps = 5000000;
    // Out: the steps it took (for the limits' tests and figures).
    std::uint64_t* explorerSteps = nullptr;
};

// - a criterion that can never be met, or never fail, whatever the answers
//   (every combination of the answer classes of the questions it reads);
// - a question that no criterion, amount or askIf reads;
// - a result that no case mentions (with resultsWithCases);
// - a text that is the same in two locales (probably not translated);
// - a day between a result's earliest validFrom and the ruleset's expires
//   with no version in force (one warning per gap);
// - with authoring.officialHosts, a criterion source on a host that is not
//   official and has no "unofficial" reason, or one that is official and has;
// - a sentence of more than authoring.maxSentenceWords words in a text a
//   person reads, a help text of more than authoring.maxHelpWords words;
// - a term of authoring.terms used in a text that does not explain it, when
//   no always-shown text of its block does either.
// (docs/rules-format.md, section 12.)
// (A source is a URL with a note about this criterion's reading; the same URL
// rightly carries different notes, so differing notes are not a warning.)
Problems lintWarnings(const Ruleset& ruleset, const LintOptions& options = {});

}  // namespace wegwijzer
