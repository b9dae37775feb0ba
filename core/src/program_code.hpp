// The fast path's code (program.hpp), shared by its lowering (program.cpp)
// and its runner (program_run.cpp). Private to the core, like node.hpp.
#pragma once

#include <cmath>
#include <cstdint>

#include "node.hpp"
#include "semantics.hpp"
#include "wegwijzer/program.hpp"

namespace wegwijzer {

// ------------------------------------------------------------------ values
//
// A value while running: what a Value is in rule mode, without arrays,
// objects or anything owned, so it copies as plain bytes. Strings point into
// the ruleset (literals, option values), the program (the evaluation date)
// or the outcome's dateText (date answers). Errors carry no message: the
// outcome is flagged and evaluate() gives the message.
namespace vm {

enum class Kind : std::uint8_t { Null, Boolean, Number, String, DateTime, Unknown, Error };

struct Cell {
    // No default member values: arrays of cells cost nothing until written.
    Kind kind;
    bool boolean;
    std::int16_t option;   // a choice answer: the option's index, else -1
    std::uint32_t length;  // String: the text's length
    union {
        double number;
        Instant time;
        const char* chars;  // String
    };

    static Cell make(Kind k) {
        Cell c;
        c.kind = k;
        c.boolean = false;
        c.option = -1;
        c.length = 0;
        c.number = 0;
        return c;
    }
    static Cell null() { return make(Kind::Null); }
    static Cell unknown() { return make(Kind::Unknown); }
    static Cell error() { return make(Kind::Error); }
    static Cell of(bool b) {
        Cell c = make(Kind::Boolean);
        c.boolean = b;
        return c;
    }
    static Cell num(double n) {
        Cell c = make(Kind::Number);
        c.number = n;
        return c;
    }
    static Cell str(std::string_view s, int option = -1) {
        Cell c = make(Kind::String);
        c.chars = s.data();
        c.length = static_cast<std::uint32_t>(s.size());
        c.option = static_cast<std::int16_t>(option);
        return c;
    }
    static Cell at(Instant t) {
        Cell c = make(Kind::DateTime);
        c.time = t;
        return c;
    }

    std::string_view text() const { return {chars, length}; }
    bool stops() const { return kind == Kind::Error || kind == Kind::Unknown; }
    // CertLogic truthiness, as Value::isTruthy / isFalsy.
    bool truthy() const {
        switch (kind) {
            case Kind::Boolean: return boolean;
            case Kind::Number: return semantics::numberTruthy(number);
            case Kind::String: return length != 0;
            default: return false;
        }
    }
    bool falsy() const {
        switch (kind) {
            case Kind::Null: return true;
            case Kind::Boolean: return !boolean;
            case Kind::Number: return semantics::numberFalsy(number);
            case Kind::String: return length == 0;
            default: return false;
        }
    }
};

__attribute__((always_inline)) inline bool same(const Cell& a, const Cell& b) {  // strictEquals
    if (a.kind != b.kind) return false;
    switch (a.kind) {
        case Kind::Null: return true;
        case Kind::Boolean: return a.boolean == b.boolean;
        case Kind::Number: return a.number == b.number;
        case Kind::String: return a.text() == b.text();
        case Kind::DateTime: return a.time == b.time;
        default: return false;
    }
}

// What a consumer of truthiness (a criterion, askIf, and/or/!, the guard of
// if) needs of a value: its category, in a register instead of a Cell.
enum Truth : std::uint8_t { kFalsy, kTruthy, kUnknown, kError, kNeither };

inline Truth category(const Cell& c) {
    if (c.kind == Kind::Unknown) return kUnknown;
    if (c.kind == Kind::Error) return kError;
    if (c.truthy()) return kTruthy;
    return c.falsy() ? kFalsy : kNeither;
}

inline Truth truthOf(bool b) { return b ? kTruthy : kFalsy; }

// The value of something that gives only booleans, unknown or errors (the
// fused forms, and/or of them, "!"), from its truth.
inline Cell booleanCell(Truth t) {
    if (t == kUnknown) return Cell::unknown();
    if (t == kError) return Cell::error();
    return Cell::of(t == kTruthy);
}

inline bool isInteger(const Cell& c) {
    return c.kind == Kind::Number && semantics::isInteger(c.number);
}

enum class Code : std::uint8_t {
    Literal,
    Slot,
    If,
    And,
    Or,
    Not,
    Equals,      // === (negate: !==)
    Compare,     // <, >, <=, >=, before, after, not-before, not-after
    InLiterals,  // in, with an array of literals
    Arithmetic,  // +, -, *, /, min, max
    PlusTime,
    DateOfBirth,
    AndLeaves,  // and/or whose operands are all fused forms, one after the other in
    OrLeaves,   // the code (first = the first of them): no operand list to follow
    // Fused forms of the most common shapes (same results, fewer steps).
    // They stay last: isFused() tells them apart by that.
    SlotIsOption,   // {"===": [{"var": choice}, "option"]}, either order
    SlotIs,         // {"===": [{"var": x}, literal]}, either order, for other questions
    SlotInOptions,  // {"in": [{"var": choice}, ["option", ...]]}
    SlotVsNumber,   // {">=": [{"var": number}, 18]}, either order, two operands
};

inline bool isFused(Code code) { return code >= Code::SlotIsOption; }

}  // namespace vm

struct Program::Instruction {
    vm::Code code = vm::Code::Literal;
    Op op = Op::Literal;          // Compare, Arithmetic, SlotVsNumber: which one
    bool flag = false;            // Equals: negate; Arithmetic, Compare: integers only; SlotInOptions: null is in;
                                  // SlotVsNumber: the slot is the left operand
    bool negate = false;          // fused forms (Slot*): the boolean result is negated (!==, or under "!")
    std::uint32_t first = 0;      // operands_[first .. first + count)
    std::uint32_t count = 0;
    std::int32_t slot = -1;
    std::int16_t option = -1;     // SlotIsOption
    std::uint64_t options = 0;    // SlotInOptions: one bit per option
    double number = 0;            // SlotVsNumber
    std::int64_t amount = 0;      // PlusTime
    TimeUnit unit = TimeUnit::Day;
    vm::Cell literal = vm::Cell::null();
};

struct Program::Answer {
    QuestionType type = QuestionType::Boolean;
    double low = 0;           // the valid range: number min/max, choice 0..options-1
    double high = 0;
    std::uint32_t options = 0;  // Choice: where its options' values start in code_
};

}  // namespace wegwijzer
