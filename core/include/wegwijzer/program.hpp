// The fast path: the rules in force on one date, lowered once to flat code
// that reads answers encoded as numbers.
//
// For callers that evaluate many answer sets, or the same person after every
// answer: the widget, the benchmarks, tools that enumerate answer spaces. It
// gives what evaluate() gives for which questions apply, every criterion,
// every status and every amount, and nothing else: no texts, no next
// questions, no progress, no messages (a failed operation is flagged;
// evaluate() on the same answers says which and where). The native tests
// check that both agree on every rule case and on every answer class of both
// rulesets (tests/program_test.cpp), the wasm parity run checks it again in
// WebAssembly.
//
// Running it allocates nothing and reads no JSON: the answers come in as one
// double per question (see Encoding below), the outcome goes into buffers
// made once by makeOutcome().
#pragma once

#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "wegwijzer/date.hpp"
#include "wegwijzer/evaluation.hpp"
#include "wegwijzer/json.hpp"
#include "wegwijzer/ruleset.hpp"

namespace wegwijzer {

// Encoding: one double per question, in the ruleset's question order.
//   not answered   NaN
//   boolean        0 (false) or 1 (true)
//   choice         the index of the option in the question's options
//   number         the number itself (within the question's min and max)
//   date           days since 1970-01-01 (a day of the years 0000 to 9999)
// Anything else (an index out of range, 0.5 for a boolean, a number outside
// the range) is an invalid answer: it is left out, as evaluate() leaves out
// an invalid JSON answer, and flagged in ProgramOutcome::invalidAnswer.
inline constexpr double kNotAnswered = std::numeric_limits<double>::quiet_NaN();

// The encoding of a JSON answer (as evaluate() reads it): NaN for null,
// nullopt when evaluate() would refuse the answer.
std::optional<double> encodeAnswer(const Question& question, const Json& answer);

// A JSON answers object (question id -> answer) encoded into `out`, one
// number per question of `ruleset`: NaN where not answered, and where
// evaluate() would refuse the answer (left out, as evaluate() leaves it out).
// Keys that are no question are skipped. Returns the index of the first
// refused answer, or -1.
int encodeAnswers(const Ruleset& ruleset, const Json& answers, double* out);

// Whether a question applies to the person, after askIf.
enum class Applies : std::int8_t { Undecided = -1, No = 0, Yes = 1 };

struct ProgramOutcome {
    std::vector<Applies> applies;             // per question
    std::vector<Status> statuses;             // per result in force (Program::results())
    std::vector<CriterionStatus> criteria;    // every criterion of the results in force, in order
    std::vector<double> amounts;              // every amount of the results in force; NaN when not determined
    int invalidAnswer = -1;                   // the first question whose encoded answer is invalid, or -1
    bool ruleErrors = false;                  // an operation failed (evaluate() reports it in ruleErrors)

    // Where date answers are spelled out while running (expressions read them as text).
    std::vector<char> dateText;
};

class Program {
public:
    struct ResultSlice {
        const Result* result = nullptr;
        const Version* version = nullptr;
        std::uint32_t firstCriterion = 0;  // index into ProgramOutcome::criteria
        std::uint32_t firstAmount = 0;     // index into ProgramOutcome::amounts
        std::uint32_t criterionCount = 0;
        std::uint32_t amountCount = 0;
    };

    // Lowers the versions in force on `date`. Null, with the reason in `why`,
    // when an expression uses something the fast path does not have (reduce,
    // extractFromUVCI, an array computed at run time): use evaluate() then.
    static std::shared_ptr<const Program> build(std::shared_ptr<const Ruleset> ruleset, const Date& date,
                                                std::string* why = nullptr);

    const Ruleset& ruleset() const { return *ruleset_; }
    const Date& date() const { return date_; }
    const std::vector<ResultSlice>& results() const { return results_; }
    std::size_t criterionCount() const { return criterionCode_.size(); }
    std::size_t amountCount() const { return amountCode_.size(); }
    std::size_t instructionCount() const;

    // Buffers of the right sizes for run().
    ProgramOutcome makeOutcome() const;
    // Evaluates one answer set (ruleset().questions.size() doubles).
    void run(const double* answers, ProgramOutcome& out) const;

    struct Instruction;  // internal (program.cpp)
    struct Answer;       // internal: how to read one question's encoded answer

    ~Program();

private:
    Program();
    friend struct Lowering;
    friend struct Runner;

    std::shared_ptr<const Ruleset> ruleset_;
    Date date_;
    std::string dateString_;
    std::vector<ResultSlice> results_;
    std::vector<Instruction> code_;
    std::vector<std::uint32_t> operands_;   // instruction indices, by Instruction::first
    std::vector<std::int32_t> askIf_;       // per question: root instruction of its askIf, or -1
    std::vector<std::uint32_t> asked_;      // the questions with an askIf, in the ruleset's askOrder
    std::vector<Answer> answers_;           // per question
    std::vector<std::uint32_t> criterionCode_;
    std::vector<std::uint32_t> amountCode_;
};

}  // namespace wegwijzer
