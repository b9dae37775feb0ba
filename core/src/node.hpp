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
#include "op.hpp"

namespace wegwijzer {

// The operator's name as written in rules ("var" for the var forms).
const char* opName(Op op);  // compile.cpp
// "#1", "#2", ...: an operand's place in messages.
inline std::string ordinal(std::size_t i) { return "#" + std::to_string(i + 1); }

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
