// What evaluation.cpp (judging, rules-format §6-7) and planning.cpp (next
// questions and progress, §8) share: the sheet of one evaluation and the
// steps both take on it. Private to the core, like node.hpp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "wegwijzer/evaluation.hpp"
#include "wegwijzer/expression.hpp"

namespace wegwijzer {

// The answers of one evaluation, by slot. `given` holds what the person
// answered; `slots` what the rules see: the answer where the question applies,
// null where its askIf is false, Unknown where not answered or not yet settled.
struct Sheet {
    std::vector<Value> given;
    std::vector<Value> slots;
    std::vector<bool> declined;  // answered "I don't know" ({"unknown": true}): not asked again
};

// evaluation.cpp
// Applies askIf: fills `slots` from `given`, in an order where each askIf
// reads only settled slots.
void settle(const Ruleset& rs, Sheet& sheet, Problems* problems, StepMeter* meter = nullptr);
// One criterion on the slots: met, not met, or open (unknown, or an error,
// reported in `problems` when given).
CriterionStatus judge(const Criterion& c, const std::vector<Value>& slots, Problems* problems, StepMeter* meter = nullptr);
Status combine(const Version& v, const std::vector<CriterionOutcome>& criteria);

// planning.cpp
// Follows open slots through askIf: the questions an unsettled askIf waits for.
void expandThroughAskIf(const Ruleset& rs, const Sheet& sheet, std::vector<bool>& open);
// Which results the person wants to know about (the goal question, §3.1).
std::vector<bool> pursuedResults(const Ruleset& rs, const Sheet& sheet);

// The open set (§8.3), in two parts: the questions a verdict of a pursued
// result waits for, and those only an amount waits for.
struct OpenSet {
    std::vector<bool> verdict;
    std::vector<bool> amount;
    std::size_t undecided = 0;  // pursued results whose status is unknown
};
OpenSet openSet(const Ruleset& rs, const Sheet& sheet, const Date& date, const std::vector<bool>& pursued);
// §8.5: an upper bound of the questions still to be asked.
std::size_t remainingOf(const Ruleset& rs, const Sheet& sheet, const OpenSet& open);
// §8.3: the candidates to ask now.
std::vector<const Question*> candidatesOf(const Ruleset& rs, const Sheet& sheet, const OpenSet& open);
// §8.4: orders the candidates by the questions expected to follow; returns
// that expectation (this question included). Stops after `budget` steps.
double orderByExpectedQuestions(const Ruleset& rs, const Sheet& sheet, const Date& date, const std::vector<bool>& pursued,
                                std::size_t undecided, std::size_t remaining, std::vector<const Question*>& candidates,
                                std::uint64_t budget, Problems& ruleErrors);

}  // namespace wegwijzer
