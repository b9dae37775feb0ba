// Rule cases: a person's answers on a date and the results the facts say
// they must get. The same case files run natively and through WebAssembly.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wegwijzer/evaluation.hpp"

namespace wegwijzer {

struct Expectation {
    Status status = Status::Unknown;
    std::map<std::string, double> amounts;  // amount id -> value; only the listed ones are checked
};

struct Case {
    std::string name;
    std::string pointer;  // where in its file
    Date date;
    Json answers;
    std::map<std::string, Expectation> expect;     // result id -> expectation
    std::optional<std::vector<std::string>> next;  // exact expected next questions, in order
};

struct LoadedCases {
    std::vector<Case> cases;
    Problems problems;
};

// Reads a case file: {"cases": [case, ...]} or one case object.
LoadedCases parseCases(std::string_view text);

struct CaseOutcome {
    bool passed = true;
    std::vector<std::string> failures;  // plain sentences
    Evaluation evaluation;
};

// Criterion coverage: which criterion of which version was seen met / not met.
class Coverage {
public:
    void record(const Evaluation& evaluation);
    struct Gap {
        std::string result;
        std::string validFrom;
        std::string criterion;
        bool seenMet = false;
        bool seenNotMet = false;
    };
    // Criteria of `ruleset` not seen both met and not met.
    std::vector<Gap> gaps(const Ruleset& ruleset) const;
    std::size_t total(const Ruleset& ruleset) const;

private:
    std::map<const Criterion*, std::pair<bool, bool>> seen_;
};

CaseOutcome runCase(const Ruleset& ruleset, const Case& c);

}  // namespace wegwijzer
