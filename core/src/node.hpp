// The compiled form of an expression, shared inside the core by the tree
// evaluator (expression.cpp) and the flat fast path (program.cpp). Not part
// of the public API.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "wegwijzer/date.hpp"
#include "wegwijzer/expression.hpp"
#include "wegwijzer/value.hpp"

namespace wegwijzer {

enum class Op {
    Literal,
    ArrayLiteral,
    VarData,    // path into the JSON data context
    VarSlot,    // a ruleset variable
    VarLambda,  // `current` or `accumulator` inside a reduce lambda
    If,
    StrictEquals,
    NotStrictEquals,
    And,
    Or,
    Not,
    Less,
    Greater,
    LessOrEqual,
    GreaterOrEqual,
    In,
    Plus,
    Minus,
    Times,
    Divide,
    Min,
    Max,
    Reduce,
    PlusTime,
    Before,
    After,
    NotBefore,
    NotAfter,
    ExtractFromUVCI,
    DccDateOfBirth,
};

struct Node {
    Op op = Op::Literal;
    StaticType type = StaticType::Any;
    std::string pointer;
    Value literal;                           // Literal
    std::string literalText;                 // storage for a string literal
    std::vector<std::string> path;           // VarData, VarLambda (after the field)
    bool lambdaCurrent = false;              // VarLambda: current (true) or accumulator
    const Variable* variable = nullptr;      // VarSlot
    TimeUnit unit = TimeUnit::Day;           // PlusTime
    std::int64_t amount = 0;                 // PlusTime
    bool integersOnly = false;               // Plus in the CertLogic dialect
    bool constant = false;                   // ArrayLiteral of literals only: `literal` holds it
    std::vector<std::unique_ptr<Node>> args;
};

}  // namespace wegwijzer
