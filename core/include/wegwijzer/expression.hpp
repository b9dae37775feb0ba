// Expressions: JsonLogic in the CertLogic subset, plus the documented
// extensions of the Wegwijzer dialect (docs/rules-format.md, "Expressions").
//
// An expression is compiled once from JSON into a checked tree. Compilation
// reports every problem with a JSON Pointer; evaluation of a compiled tree
// cannot run code, is bounded in depth, and never throws: a failed operation
// evaluates to an Error value.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "wegwijzer/json.hpp"
#include "wegwijzer/problem.hpp"
#include "wegwijzer/value.hpp"

namespace wegwijzer {

enum class Dialect {
    CertLogic,  // the strict subset: integers only, no extensions
    Wegwijzer,  // CertLogic plus or, !==, -, *, /, min, max and non-integer numbers
};

// What the compiler knows of a value's type before evaluation.
enum class StaticType { Any, Null, Boolean, Number, String, Date, DateTime, Array };
const char* staticTypeName(StaticType type);

// A variable that a rule may read: a question's answer (or a built-in such as
// the evaluation date), found in a slot of the evaluation's answer vector.
struct Variable {
    std::string name;
    int slot = -1;
    StaticType type = StaticType::Any;
    std::vector<std::string> options;  // allowed values of a choice question; empty = any
};

// Names the variables of a ruleset. Without a scope, `var` reads paths in a
// JSON data context (the CertLogic way).
class Scope {
public:
    virtual ~Scope() = default;
    virtual const Variable* find(std::string_view name) const = 0;
};

struct CompileOptions {
    Dialect dialect = Dialect::Wegwijzer;
    const Scope* scope = nullptr;  // rule mode when set
    std::string path;              // JSON Pointer of the expression in its document
    std::size_t maxDepth = 64;     // nested operations
    // The document the expression is a node of, when it is kept anyway (a
    // loaded ruleset's): the expression's source() shares it instead of
    // copying the node.
    std::shared_ptr<const Json> document;
};

// Step counts (Expression::worstCaseSteps, the load limits of rules-format
// §5.7) saturate at kStepsCap instead of overflowing.
inline constexpr std::uint64_t kStepsCap = std::uint64_t{1} << 62;
inline std::uint64_t addSteps(std::uint64_t a, std::uint64_t b) { return a + b < kStepsCap ? a + b : kStepsCap; }  // a, b <= the cap
inline std::uint64_t timesSteps(std::uint64_t a, std::uint64_t b) { return b != 0 && a > kStepsCap / b ? kStepsCap : a * b; }

// The step budget of one evaluation at run time (rules-format §5.7): behind
// the load-time limits, a second line of defence. An evaluation that would
// take more steps stops with an Error value instead of running on.
inline constexpr std::uint64_t kStepsPerEvaluation = 100000;        // rule mode, one evaluate() or markOpenSlots()
inline constexpr std::uint64_t kStepsPerDataEvaluation = 10000000;  // CertLogic mode: the data can be of any size

// Adds up the steps several evaluations took (planning's budget).
struct StepMeter {
    std::uint64_t steps = 0;
};

struct Node;  // internal

class Expression {
public:
    Expression() = default;
    bool valid() const { return root_ != nullptr; }
    StaticType type() const;

    // Evaluates against a JSON data context (CertLogic mode), in at most
    // kStepsPerDataEvaluation steps.
    Value evaluate(const Json& data) const;
    // Evaluates against answer slots (rule mode); an unanswered slot holds
    // Unknown. At most kStepsPerEvaluation steps; they are added to `meter`.
    Value evaluate(const std::vector<Value>& slots, StepMeter* meter = nullptr) const;

    // Rule mode, for an expression that evaluates to Unknown: marks the slots
    // whose unknown values keep it unknown (Kleene: operands that already
    // decide an `and`/`or`/`if` are not followed). When that takes more than
    // kStepsPerEvaluation steps, marks every unknown slot it reads instead
    // (more questions stay open, never fewer).
    void markOpenSlots(const std::vector<Value>& slots, std::vector<bool>& open, StepMeter* meter = nullptr) const;
    // Marks every slot the expression can read.
    void markReadSlots(std::vector<bool>& read) const;
    // Every number literal compared with a variable (for enumerating answer spaces).
    void collectThresholds(std::vector<std::pair<int, double>>& slotAndValue) const;

    // Rule mode: how many operations one evaluation can take at most (every
    // node once; a `reduce` runs its lambda once per item, and no array of
    // the rules is longer than the longest array written in the expression,
    // since answers are never arrays). Saturates at 2^62. The load limits of
    // rules-format §5.7 are checked on it.
    std::uint64_t worstCaseSteps() const;

    // The expression as written (for rendering it to people); null when invalid.
    const Json& source() const;

    // The compiled tree (core/src/node.hpp), for the core's own lowering to
    // flat code (program.hpp); null when invalid.
    const Node* root() const { return root_.get(); }

    friend Expression compile(const Json& json, const CompileOptions& options, Problems& problems);

private:
    std::shared_ptr<const Node> root_;
    std::shared_ptr<const Json> source_;
};

// Compiles `json`. On any problem, returns an invalid Expression and appends
// the problems (each with its JSON Pointer) to `problems`.
Expression compile(const Json& json, const CompileOptions& options, Problems& problems);

}  // namespace wegwijzer
