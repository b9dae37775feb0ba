// Evaluating a ruleset for one person (or one course) on one date.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "wegwijzer/answers.hpp"
#include "wegwijzer/date.hpp"
#include "wegwijzer/json.hpp"
#include "wegwijzer/problem.hpp"
#include "wegwijzer/ruleset.hpp"

namespace wegwijzer {

// One byte each: the fast path (program.hpp) hands arrays of them to JavaScript.
enum class Status : std::uint8_t { Eligible, NotEligible, Unknown };
enum class CriterionStatus : std::uint8_t { Met, NotMet, Open };

const char* statusName(Status status);  // "eligible", "not-eligible", "unknown"
std::optional<Status> parseStatus(std::string_view text);
const char* criterionStatusName(CriterionStatus status);  // "met", "not-met", "open"

// A version's status from its criteria (rules-format §7.4): not-eligible when
// one is not met, else unknown when one is open or the version has
// "maxStatus": "unknown", else eligible. evaluate() and the fast path both use it.
Status versionStatus(const Version& version, bool notMet, bool open);

struct CriterionOutcome {
    const Criterion* criterion = nullptr;
    CriterionStatus status = CriterionStatus::Open;
    std::vector<const Question*> openQuestions;  // Open only: the questions it still waits for
};

struct AmountOutcome {
    const Amount* amount = nullptr;
    double value = 0;
};

struct ResultOutcome {
    const Result* result = nullptr;
    const Version* version = nullptr;  // the version in force on the evaluation date
    Status status = Status::Unknown;
    bool pursued = true;  // the person wants to know it (the goal question); the interview decides only these
    std::vector<CriterionOutcome> criteria;  // in the ruleset's order
    std::vector<AmountOutcome> amounts;      // determined amounts (not for not-eligible results)
};

struct Progress {
    std::size_t answered = 0;   // answers that count (their question applies)
    std::size_t remaining = 0;  // questions that can still change a pursued result, at most
    double expected = 0;        // questions still to come, expected (rules-format §8.5); 0 when none
};

struct Evaluation {
    Date date;
    std::vector<ResultOutcome> results;  // results with a version in force on `date`
    std::vector<const Question*> next;   // questions worth asking now, best first
    std::vector<const Question*> notApplicable;  // questions whose askIf is false: an answer has no effect
    Progress progress;
    Problems problems;                   // invalid answers (paths into the answers)
    Problems ruleErrors;                 // operations of the rules that failed (paths into the ruleset)
};

struct EvaluateOptions {
    bool planNext = true;  // compute and order the next questions
    const Result* only = nullptr;  // evaluate just this result (analysis tools)
    // Planning stops after this many steps (rules-format §5.7); the questions
    // not tried by then keep the rules' order, and a rule error says so.
    std::uint64_t planningSteps = limits::kPlanningSteps;
};

// Evaluates `answers` (a JSON object: question id -> value; null = not
// answered). Invalid answers are reported in `problems` and left out.
Evaluation evaluate(const Ruleset& ruleset, const Json& answers, const Date& date, const EvaluateOptions& options = {});
// The same, on answers already read (answers.hpp): no JSON, no problems to report.
Evaluation evaluate(const Ruleset& ruleset, const Answers& answers, const Date& date, const EvaluateOptions& options = {});

// One result on a course page: can this course unlock it, and for whom?
struct CourseOutcome {
    const Result* result = nullptr;
    const Version* version = nullptr;
    Status status = Status::Unknown;            // Eligible: for everyone; NotEligible: for no one
    bool course = false;                        // a criterion of the version reads a course question
    std::vector<const Criterion*> blockedBy;    // criteria the course fails
    std::vector<CriterionOutcome> dependsOn;    // personal criteria still open
    std::vector<AmountOutcome> amounts;         // amounts the facts alone settle (none when not-eligible)
};

struct CourseView {
    Date date;
    std::vector<CourseOutcome> results;
    Problems problems;
};

// `facts` may only answer course questions ("scope": "course").
CourseView courseView(const Ruleset& ruleset, const Json& facts, const Date& date);

}  // namespace wegwijzer
