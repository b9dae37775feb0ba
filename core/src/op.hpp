// The operators of the rule language (rules-format §5.3), as the compiled
// tree (node.hpp), the fast path (program_code.hpp) and the value rules
// (semantics.hpp) name them. Private to the core.
#pragma once

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

// < > <= >= on numbers; before, after, not-before, not-after on date-times
// (rules-format §5.3): each pair of the enum's order above.
inline bool isNumberComparison(Op op) { return op >= Op::Less && op <= Op::GreaterOrEqual; }
inline bool isDateComparison(Op op) { return op >= Op::Before && op <= Op::NotAfter; }

}  // namespace wegwijzer
