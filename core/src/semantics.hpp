// The value rules both evaluators apply (rules-format §5.2-5.3): the tree
// walker on Values (value.cpp, expression.cpp) and the fast path on Cells
// (program_code.hpp, program_run.cpp). Written once, so that the two cannot
// drift apart; the parity tests check that they agree on every rule case.
// Private to the core.
#pragma once

#include <algorithm>
#include <cmath>

#include "op.hpp"

namespace wegwijzer::semantics {

// CertLogic's integers: whole numbers that a double holds exactly.
inline bool isInteger(double x) { return std::floor(x) == x && std::fabs(x) <= 9007199254740992.0; }

// Truthiness of a number (§5.2): not zero is truthy, zero is falsy.
inline bool numberTruthy(double x) { return x != 0 && !std::isnan(x); }
inline bool numberFalsy(double x) { return x == 0; }

// a op b for < > <= >= on numbers, and before, after, not-before, not-after
// on instants (as numbers of milliseconds).
inline bool holds(Op op, double a, double b) {
    switch (op) {
        case Op::Less:
        case Op::Before: return a < b;
        case Op::Greater:
        case Op::After: return a > b;
        case Op::LessOrEqual:
        case Op::NotAfter: return a <= b;
        default: return a >= b;
    }
}

// One step of + - * / min max: acc = acc op x. False on a division by zero
// (an error); a result that is not finite is the caller's to refuse.
inline bool arithmeticStep(Op op, double& acc, double x) {
    switch (op) {
        case Op::Plus: acc += x; break;
        case Op::Minus: acc -= x; break;
        case Op::Times: acc *= x; break;
        case Op::Divide:
            if (x == 0) return false;
            acc /= x;
            break;
        case Op::Min: acc = std::min(acc, x); break;
        default: acc = std::max(acc, x); break;
    }
    return true;
}

}  // namespace wegwijzer::semantics
