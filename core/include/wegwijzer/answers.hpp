// A person's answers, read once and checked by one rule (rules-format §7.1).
//
// JSON is read only at the edges (the command, the wasm module, case files),
// by Answers::read. The evaluation, the fast path's encoding (program.hpp),
// diff and lint take an answer's value from checkAnswer, so that what counts
// as a valid answer is written once.
#pragma once

#include <string>
#include <vector>

#include "wegwijzer/json.hpp"
#include "wegwijzer/problem.hpp"
#include "wegwijzer/ruleset.hpp"
#include "wegwijzer/value.hpp"

namespace wegwijzer {

// One answer to one question: its value (a boolean, a number, a choice's
// option value, a date's YYYY-MM-DD text), or why the question refuses it
// (the value is then unknown). Null is no answer: unknown, no refusal.
struct CheckedAnswer {
    Value value = Value::unknown();
    std::string refusal;  // plain English; empty when the answer is valid
    bool valid() const { return refusal.empty(); }
};
// The value of a choice borrows the question's own option text: it lives as
// long as the ruleset.
CheckedAnswer checkAnswer(const Question& question, const Json& answer);

// {"unknown": true}: the person does not know (rules-format §7.1).
bool isDontKnow(const Json& answer);

// The answers to a ruleset's questions, one place per slot (the evaluation
// date's slot is left unknown: the evaluation fills it).
struct Answers {
    std::vector<Value> given;    // unknown where not answered, "I don't know" or refused
    std::vector<bool> declined;  // "I don't know": not asked again

    // Reads {question id: answer}. Each refused answer and each key that is
    // no question becomes a problem with the answer's pointer, and is left out.
    static Answers read(const Ruleset& ruleset, const Json& answers, Problems& problems);
};

}  // namespace wegwijzer
