#include "wegwijzer/program.hpp"

#include <algorithm>
#include <cmath>

#include "node.hpp"

namespace wegwijzer {

// ------------------------------------------------------------------ values
//
// A value while running: what a Value is in rule mode, without arrays,
// objects or anything owned, so it copies as plain bytes. Strings point into
// the ruleset (literals, option values), the program (the evaluation date)
// or the outcome's dateText (date answers). Errors carry no message: the
// outcome is flagged and evaluate() gives the message.
namespace {

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
            case Kind::Number: return number != 0 && !std::isnan(number);
            case Kind::String: return length != 0;
            default: return false;
        }
    }
    bool falsy() const {
        switch (kind) {
            case Kind::Null: return true;
            case Kind::Boolean: return !boolean;
            case Kind::Number: return number == 0;
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

Truth category(const Cell& c) {
    if (c.kind == Kind::Unknown) return kUnknown;
    if (c.kind == Kind::Error) return kError;
    if (c.truthy()) return kTruthy;
    return c.falsy() ? kFalsy : kNeither;
}

Truth truthOf(bool b) { return b ? kTruthy : kFalsy; }

// The value of something that gives only booleans, unknown or errors (the
// fused forms, and/or of them, "!"), from its truth.
Cell booleanCell(Truth t) {
    if (t == kUnknown) return Cell::unknown();
    if (t == kError) return Cell::error();
    return Cell::of(t == kTruthy);
}

bool isInteger(const Cell& c) {
    return c.kind == Kind::Number && std::floor(c.number) == c.number && std::fabs(c.number) <= 9007199254740992.0;
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

bool isFused(Code code) { return code >= Code::SlotIsOption; }

}  // namespace

struct Program::Instruction {
    Code code = Code::Literal;
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
    Cell literal = Cell::null();
};

struct Program::Answer {
    QuestionType type = QuestionType::Boolean;
    double low = 0;           // the valid range: number min/max, choice 0..options-1
    double high = 0;
    std::uint32_t options = 0;  // Choice: where its options' values start in code_
};

Program::Program() = default;
Program::~Program() = default;
std::size_t Program::instructionCount() const { return code_.size(); }

// ----------------------------------------------------------------- lowering

namespace {

bool isChoiceSlot(const Node& n) { return n.op == Op::VarSlot && !n.variable->options.empty(); }

int optionIndex(const Variable& v, std::string_view text) {
    for (std::size_t i = 0; i < v.options.size(); ++i) {
        if (v.options[i] == text) return static_cast<int>(i);
    }
    return -1;
}

Cell literalCell(const Value& v) {
    switch (v.kind()) {
        case Value::Kind::Boolean: return Cell::of(v.asBoolean());
        case Value::Kind::Number: return Cell::num(v.asNumber());
        case Value::Kind::String: return Cell::str(v.asString());
        default: return Cell::null();
    }
}

}  // namespace

struct Lowering {
    Program& p;
    std::string why;

    using Instruction = Program::Instruction;

    // Returns the index of the instruction for `n`, or -1 (with `why`).
    std::int32_t lower(const Node& n) {
        Instruction ins;
        ins.op = n.op;
        switch (n.op) {
            case Op::Literal:
                if (n.literal.kind() != Value::Kind::Null && n.literal.kind() != Value::Kind::Boolean &&
                    n.literal.kind() != Value::Kind::Number && n.literal.kind() != Value::Kind::String) {
                    return fail(n, "a literal of this kind");
                }
                ins.code = Code::Literal;
                ins.literal = literalCell(n.literal);
                return emit(ins);
            case Op::VarSlot:
                ins.code = Code::Slot;
                ins.slot = n.variable->slot;
                return emit(ins);
            case Op::If: ins.code = Code::If; break;
            case Op::And: ins.code = Code::And; break;
            case Op::Or: ins.code = Code::Or; break;
            case Op::Not: {
                const std::int32_t inner = lower(*n.args[0]);
                if (inner < 0) return -1;
                Instruction& leaf = p.code_[static_cast<std::size_t>(inner)];
                if (isFused(leaf.code)) {
                    // Each gives a boolean, unknown or an error: "!" flips the boolean only.
                    leaf.negate = !leaf.negate;
                    return inner;
                }
                ins.code = Code::Not;
                return emitWith(ins, {inner});
            }
            case Op::StrictEquals:
            case Op::NotStrictEquals: {
                ins.flag = n.op == Op::NotStrictEquals;
                for (int side = 0; side < 2; ++side) {
                    const Node& var = *n.args[side];
                    const Node& lit = *n.args[1 - side];
                    if (var.op != Op::VarSlot || lit.op != Op::Literal) continue;
                    const Value::Kind k = lit.literal.kind();
                    if (k != Value::Kind::Null && k != Value::Kind::Boolean && k != Value::Kind::Number &&
                        k != Value::Kind::String) {
                        continue;
                    }
                    ins.negate = ins.flag;
                    ins.slot = var.variable->slot;
                    ins.literal = literalCell(lit.literal);
                    const int index = isChoiceSlot(var) && lit.literal.isString()
                                          ? optionIndex(*var.variable, lit.literal.asString())
                                          : -1;
                    // An option (the compiler refuses other strings) compares by index.
                    if (index >= 0 && index <= 32766) {
                        ins.code = Code::SlotIsOption;
                        ins.option = static_cast<std::int16_t>(index);
                    } else {
                        ins.code = Code::SlotIs;
                    }
                    return emit(ins);
                }
                ins.code = Code::Equals;
                break;
            }
            case Op::In: {
                const Node& haystack = *n.args[1];
                if (haystack.op != Op::ArrayLiteral || !haystack.constant) {
                    return fail(n, "\"in\" over an array computed while evaluating");
                }
                if (isChoiceSlot(*n.args[0]) && n.args[0]->variable->options.size() <= 64) {
                    bool fused = true;
                    for (const auto& item : haystack.args) {
                        if (item->literal.isNull()) {
                            ins.flag = true;
                        } else if (item->literal.isString()) {
                            const int index = optionIndex(*n.args[0]->variable, item->literal.asString());
                            if (index < 0) fused = false;
                            else ins.options |= std::uint64_t{1} << index;
                        }
                        // other kinds never equal a string or null
                    }
                    if (fused) {
                        ins.code = Code::SlotInOptions;
                        ins.slot = n.args[0]->variable->slot;
                        return emit(ins);
                    }
                    ins.options = 0;
                    ins.flag = false;
                }
                ins.code = Code::InLiterals;
                std::vector<std::int32_t> items;
                const std::int32_t needle = lower(*n.args[0]);
                if (needle < 0) return -1;
                items.push_back(needle);
                for (const auto& item : haystack.args) {
                    const std::int32_t at = lower(*item);
                    if (at < 0) return -1;
                    items.push_back(at);
                }
                return emitWith(ins, items);
            }
            case Op::Less:
            case Op::Greater:
            case Op::LessOrEqual:
            case Op::GreaterOrEqual:
            case Op::Before:
            case Op::After:
            case Op::NotBefore:
            case Op::NotAfter:
                ins.flag = n.integersOnly;
                if (n.args.size() == 2 && !n.integersOnly && n.op != Op::Before && n.op != Op::After &&
                    n.op != Op::NotBefore && n.op != Op::NotAfter) {
                    for (int side = 0; side < 2; ++side) {
                        const Node& var = *n.args[side];
                        const Node& lit = *n.args[1 - side];
                        if (var.op == Op::VarSlot && lit.op == Op::Literal && lit.literal.isNumber()) {
                            ins.code = Code::SlotVsNumber;
                            ins.slot = var.variable->slot;
                            ins.number = lit.literal.asNumber();
                            ins.flag = side == 0;
                            return emit(ins);
                        }
                    }
                }
                ins.code = Code::Compare;
                break;
            case Op::Plus:
                ins.code = Code::Arithmetic;
                ins.flag = n.integersOnly;
                break;
            case Op::Minus:
            case Op::Times:
            case Op::Divide:
            case Op::Min:
            case Op::Max:
                ins.code = Code::Arithmetic;
                break;
            case Op::PlusTime:
                ins.code = Code::PlusTime;
                ins.amount = n.amount;
                ins.unit = n.unit;
                break;
            case Op::DccDateOfBirth:
                ins.code = Code::DateOfBirth;
                break;
            case Op::ArrayLiteral: return fail(n, "an array outside \"in\"");
            case Op::Reduce: return fail(n, "\"reduce\"");
            case Op::ExtractFromUVCI: return fail(n, "\"extractFromUVCI\"");
            case Op::VarData:
            case Op::VarLambda: return fail(n, "a var outside the ruleset's questions");
        }
        std::vector<std::int32_t> args;
        for (const auto& arg : n.args) {
            const std::int32_t at = lower(*arg);
            if (at < 0) return -1;
            args.push_back(at);
        }
        if (ins.code == Code::And || ins.code == Code::Or) {
            bool leaves = true;
            for (std::size_t k = 0; k < args.size(); ++k) {
                leaves = leaves && args[k] == args[0] + static_cast<std::int32_t>(k) &&
                         isFused(p.code_[static_cast<std::size_t>(args[k])].code);
            }
            if (leaves) {
                ins.code = ins.code == Code::And ? Code::AndLeaves : Code::OrLeaves;
                ins.first = static_cast<std::uint32_t>(args[0]);
                ins.count = static_cast<std::uint32_t>(args.size());
                return emit(ins);
            }
        }
        return emitWith(ins, args);
    }

    std::int32_t emit(const Instruction& ins) {
        p.code_.push_back(ins);
        return static_cast<std::int32_t>(p.code_.size() - 1);
    }

    std::int32_t emitWith(Instruction ins, const std::vector<std::int32_t>& args) {
        ins.first = static_cast<std::uint32_t>(p.operands_.size());
        ins.count = static_cast<std::uint32_t>(args.size());
        for (std::int32_t a : args) p.operands_.push_back(static_cast<std::uint32_t>(a));
        return emit(ins);
    }

    std::int32_t fail(const Node& n, const char* what) {
        if (why.empty()) why = std::string(what) + " at " + n.pointer + " (the fast path does not have it)";
        return -1;
    }

    std::int32_t expression(const Expression& e) {
        if (!e.valid()) return fail0("an invalid expression");
        return lower(*e.root());
    }

    std::int32_t fail0(const char* what) {
        if (why.empty()) why = what;
        return -1;
    }
};

std::shared_ptr<const Program> Program::build(std::shared_ptr<const Ruleset> ruleset, const Date& date,
                                              std::string* why) {
    std::shared_ptr<Program> p(new Program());
    p->ruleset_ = ruleset;
    p->date_ = date;
    p->dateString_ = date.toString();
    Lowering lowering{*p, {}};
    using Instruction = Program::Instruction;
    const auto refuse = [&]() -> std::shared_ptr<const Program> {
        if (why) *why = lowering.why;
        return nullptr;
    };
    for (const Question& q : ruleset->questions) {
        std::int32_t at = -1;
        if (q.askIf.valid() && (at = lowering.expression(q.askIf)) < 0) return refuse();
        p->askIf_.push_back(at);
        // A choice answer's value, one per option, ready to copy into its slot.
        Program::Answer answer;
        answer.type = q.type;
        answer.low = q.type == QuestionType::Number ? q.min : 0;
        answer.high = q.type == QuestionType::Number ? q.max : static_cast<double>(q.options.size()) - 1;
        answer.options = static_cast<std::uint32_t>(p->code_.size());
        p->answers_.push_back(answer);
        for (std::size_t k = 0; k < q.options.size(); ++k) {
            Instruction option;
            option.literal = Cell::str(q.options[k].value, k < 32767 ? static_cast<int>(k) : -1);
            p->code_.push_back(option);
        }
    }
    for (int index : ruleset->askOrder) {
        if (p->askIf_[static_cast<std::size_t>(index)] >= 0) p->asked_.push_back(static_cast<std::uint32_t>(index));
    }
    for (const Result& res : ruleset->results) {
        const Version* v = res.versionAt(date);
        if (v == nullptr) continue;
        p->results_.push_back({&res, v, static_cast<std::uint32_t>(p->criterionCode_.size()),
                               static_cast<std::uint32_t>(p->amountCode_.size()),
                               static_cast<std::uint32_t>(v->criteria.size()),
                               static_cast<std::uint32_t>(v->amounts.size())});
        for (const Criterion& c : v->criteria) {
            const std::int32_t at = lowering.expression(c.test);
            if (at < 0) return refuse();
            p->criterionCode_.push_back(static_cast<std::uint32_t>(at));
        }
        for (const Amount& a : v->amounts) {
            const std::int32_t at = lowering.expression(a.value);
            if (at < 0) return refuse();
            p->amountCode_.push_back(static_cast<std::uint32_t>(at));
        }
    }
    return p;
}

ProgramOutcome Program::makeOutcome() const {
    ProgramOutcome out;
    out.applies.assign(ruleset_->questions.size(), Applies::Undecided);
    out.statuses.assign(results_.size(), Status::Unknown);
    out.criteria.assign(criterionCode_.size(), CriterionStatus::Open);
    out.amounts.assign(amountCode_.size(), kNotAnswered);
    out.dateText.assign(ruleset_->questions.size() * 10, '0');
    return out;
}

// ------------------------------------------------------------------ running

namespace {

// Writes YYYY-MM-DD (years 0000-9999) into `to`.
void spell(const Date& d, char* to) {
    auto digits = [&](int value, int width, int at) {
        for (int i = width - 1; i >= 0; --i) {
            to[at + i] = static_cast<char>('0' + value % 10);
            value /= 10;
        }
    };
    digits(d.year, 4, 0);
    to[4] = '-';
    digits(d.month, 2, 5);
    to[7] = '-';
    digits(d.day, 2, 8);
}

bool wholeIn(double x, double lo, double hi) { return x >= lo && x <= hi && std::floor(x) == x; }

}  // namespace

struct Runner {
    using Instruction = Program::Instruction;
    const Program& p;
    const Cell* slots;
    const Instruction* code = p.code_.data();
    const std::uint32_t* operands = p.operands_.data();

    Cell operand(const Instruction& ins, std::uint32_t i) const { return eval(operands[ins.first + i]); }
    // An operand's truth; a fused form (the usual operand of and/or) without a call.
    __attribute__((always_inline)) Truth truthOperand(const Instruction& ins, std::uint32_t i) const {
        const std::uint32_t at = operands[ins.first + i];
        const Instruction& operand = code[at];
        return isFused(operand.code) ? fused(operand) : truth(at);
    }

    // The fused forms: a boolean (negated on request), unknown, or an error.
    __attribute__((always_inline)) Truth fused(const Instruction& ins) const {
        const Cell& v = slots[ins.slot];
        if (v.kind == Kind::Unknown) return kUnknown;
        bool b;
        switch (ins.code) {
            case Code::SlotIsOption: b = v.kind == Kind::String && v.option == ins.option; break;
            case Code::SlotIs: b = same(v, ins.literal); break;
            case Code::SlotInOptions:
                b = v.kind == Kind::Null ? ins.flag : v.option >= 0 && ((ins.options >> v.option) & 1U) != 0;
                break;
            default:  // SlotVsNumber
                if (v.kind != Kind::Number) return kError;
                b = ins.flag ? holds(ins.op, v.number, ins.number) : holds(ins.op, ins.number, v.number);
                break;
        }
        return truthOf(b != ins.negate);
    }

    __attribute__((always_inline)) Truth leaves(const Instruction& ins) const {
        const Truth decides = ins.code == Code::AndLeaves ? kFalsy : kTruthy;
        bool sawUnknown = false;
        for (std::uint32_t i = 0; i < ins.count; ++i) {
            const Truth t = fused(code[ins.first + i]);  // a boolean, unknown or an error
            if (t == kError || t == decides) return t;
            sawUnknown = sawUnknown || t == kUnknown;
        }
        return sawUnknown ? kUnknown : (ins.code == Code::AndLeaves ? kTruthy : kFalsy);
    }

    // truth(), with the two most common roots (a fused form; and/or of
    // fused forms) handled without a call.
    __attribute__((always_inline)) Truth rootTruth(std::uint32_t at) const {
        const Instruction& ins = code[at];
        if (isFused(ins.code)) return fused(ins);
        if (ins.code == Code::AndLeaves || ins.code == Code::OrLeaves) return leaves(ins);
        return truth(at);
    }

    // The truth category of instruction `at`: what evaluating it and asking
    // isTruthy/isFalsy would give, without building the value where it can.
    __attribute__((noinline)) Truth truth(std::uint32_t at) const {
        const Instruction& ins = code[at];
        switch (ins.code) {
            case Code::SlotIsOption:
            case Code::SlotIs:
            case Code::SlotInOptions:
            case Code::SlotVsNumber: return fused(ins);
            case Code::Slot: return category(slots[ins.slot]);
            case Code::Literal: return category(ins.literal);
            case Code::Not: {
                const Truth t = truthOperand(ins, 0);
                if (t == kTruthy) return kFalsy;
                if (t == kFalsy) return kTruthy;
                return t == kNeither ? kError : t;
            }
            case Code::AndLeaves:
            case Code::OrLeaves: return leaves(ins);
            case Code::And:
            case Code::Or: {
                // As evalJunction: the category of the value it returns.
                const Truth decides = ins.code == Code::And ? kFalsy : kTruthy;
                const Truth passes = ins.code == Code::And ? kTruthy : kFalsy;
                bool sawUnknown = false;
                for (std::uint32_t i = 0; i < ins.count; ++i) {
                    const Truth t = truthOperand(ins, i);
                    if (t == kError || t == decides) return t;
                    if (t == kUnknown) sawUnknown = true;
                    else if (t != passes) return kError;
                }
                return sawUnknown ? kUnknown : passes;
            }
            case Code::If: {
                const Truth guard = truthOperand(ins, 0);
                if (guard == kTruthy) return truthOperand(ins, 1);
                if (guard == kFalsy) return truthOperand(ins, 2);
                if (guard != kUnknown) return kError;
                return category(evalIf(ins));  // both branches' values decide
            }
            default: return category(eval(at));
        }
    }

    Cell eval(std::uint32_t at) const {
        const Instruction& ins = code[at];
        switch (ins.code) {
            case Code::Literal: return ins.literal;
            case Code::Slot: return slots[ins.slot];
            case Code::SlotIsOption:
            case Code::SlotIs:
            case Code::SlotInOptions:
            case Code::SlotVsNumber: return booleanCell(fused(ins));
            case Code::If: return evalIf(ins);
            case Code::AndLeaves:
            case Code::OrLeaves: return booleanCell(leaves(ins));
            case Code::And:
            case Code::Or: return evalJunction(ins);
            case Code::Not: return booleanCell(truth(at));  // gives only booleans, unknown or errors too
            case Code::InLiterals: {
                Cell needle = operand(ins, 0);
                if (needle.stops()) return needle;
                for (std::uint32_t i = 1; i < ins.count; ++i) {
                    if (same(needle, code[operands[ins.first + i]].literal)) return Cell::of(true);
                }
                return Cell::of(false);
            }
            default: return evalStrict(ins);
        }
    }

    // Strict operations: every operand first; the first error, else the first
    // unknown, stops. Up to four operands on the stack (min/max may have more).
    __attribute__((noinline)) Cell evalStrict(const Instruction& ins) const {
        Cell inline_[4];
        std::vector<Cell> heap;
        Cell* v = inline_;
        if (ins.count > 4) {
            heap.resize(ins.count);
            v = heap.data();
        }
        const Cell* stop = nullptr;
        for (std::uint32_t i = 0; i < ins.count; ++i) {
            v[i] = operand(ins, i);
            if (v[i].kind == Kind::Error) {
                if (stop == nullptr || stop->kind != Kind::Error) stop = &v[i];
            } else if (v[i].kind == Kind::Unknown && stop == nullptr) {
                stop = &v[i];
            }
        }
        if (stop != nullptr) return *stop;
        return strict(ins, v);
    }

    static bool holds(Op op, double a, double b) {
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

    Cell strict(const Instruction& ins, const Cell* v) const {
        switch (ins.code) {
            case Code::Equals: return Cell::of(same(v[0], v[1]) != ins.flag);
            case Code::Compare: {
                const bool dates = ins.op == Op::Before || ins.op == Op::After || ins.op == Op::NotBefore ||
                                   ins.op == Op::NotAfter;
                for (std::uint32_t i = 0; i < ins.count; ++i) {
                    const bool good = dates ? v[i].kind == Kind::DateTime
                                            : (ins.flag ? isInteger(v[i]) : v[i].kind == Kind::Number);
                    if (!good) return Cell::error();
                }
                auto key = [dates](const Cell& x) { return dates ? static_cast<double>(x.time) : x.number; };
                bool result = holds(ins.op, key(v[0]), key(v[1]));
                if (ins.count == 3) result = result && holds(ins.op, key(v[1]), key(v[2]));
                return Cell::of(result);
            }
            case Code::Arithmetic: {
                for (std::uint32_t i = 0; i < ins.count; ++i) {
                    if (v[i].kind != Kind::Number || (ins.flag && !isInteger(v[i]))) return Cell::error();
                }
                double r = v[0].number;
                for (std::uint32_t i = 1; i < ins.count; ++i) {
                    const double x = v[i].number;
                    switch (ins.op) {
                        case Op::Plus: r += x; break;
                        case Op::Minus: r -= x; break;
                        case Op::Times: r *= x; break;
                        case Op::Divide:
                            if (x == 0) return Cell::error();
                            r /= x;
                            break;
                        case Op::Min: r = std::min(r, x); break;
                        default: r = std::max(r, x); break;
                    }
                }
                return std::isfinite(r) ? Cell::num(r) : Cell::error();
            }
            case Code::PlusTime:
            case Code::DateOfBirth: {
                if (v[0].kind != Kind::String) return Cell::error();
                auto t = parseDateTime(v[0].text());
                if (!t) return Cell::error();
                return Cell::at(ins.code == Code::PlusTime ? plusTime(*t, ins.amount, ins.unit) : *t);
            }
            default: return Cell::error();
        }
    }

    // and/or with Kleene logic: a deciding operand wins even after an unknown one.
    Cell evalJunction(const Instruction& ins) const {
        const bool isAnd = ins.code == Code::And;
        bool sawUnknown = false;
        Cell last;
        for (std::uint32_t i = 0; i < ins.count; ++i) {
            last = operand(ins, i);
            if (last.kind == Kind::Error) return last;
            if (last.kind == Kind::Unknown) {
                sawUnknown = true;
                continue;
            }
            if (isAnd ? last.falsy() : last.truthy()) return last;
            if (!(isAnd ? last.truthy() : last.falsy())) return Cell::error();
        }
        return sawUnknown ? Cell::unknown() : last;
    }

    Cell evalIf(const Instruction& ins) const {
        const Truth guard = truthOperand(ins, 0);
        if (guard == kTruthy) return operand(ins, 1);
        if (guard == kFalsy) return operand(ins, 2);
        if (guard == kUnknown) {
            Cell a = operand(ins, 1);
            Cell b = operand(ins, 2);
            if (a.kind == Kind::Error) return a;
            if (b.kind == Kind::Error) return b;
            return same(a, b) ? a : Cell::unknown();
        }
        return Cell::error();
    }
};

void Program::run(const double* answers, ProgramOutcome& out) const {
    const std::size_t n = answers_.size();
    out.invalidAnswer = -1;
    out.ruleErrors = false;

    // The slots the rules read: each question's answer (Unknown when not
    // answered or invalid), then null or Unknown where askIf says so; the last
    // slot is the evaluation date. Small rulesets stay on the stack.
    constexpr std::size_t kInline = 64;
    Cell slotsInline[kInline + 1];
    std::vector<Cell> slotsHeap;
    Cell* slots = slotsInline;
    if (n > kInline) {
        slotsHeap.resize(n + 1);
        slots = slotsHeap.data();
    }
    for (std::size_t i = 0; i < n; ++i) {
        const double a = answers[i];
        Cell c = Cell::unknown();
        if (!std::isnan(a)) {
            const Answer& plan = answers_[i];
            bool valid = false;
            switch (plan.type) {
                case QuestionType::Boolean:
                    valid = a == 0 || a == 1;
                    if (valid) c = Cell::of(a == 1);
                    break;
                case QuestionType::Choice:
                    valid = wholeIn(a, 0, plan.high);
                    if (valid) c = code_[plan.options + static_cast<std::size_t>(a)].literal;
                    break;
                case QuestionType::Number:
                    valid = a >= plan.low && a <= plan.high;
                    if (valid) c = Cell::num(a);
                    break;
                case QuestionType::Date:
                    // 0000-01-01 is day -719528, 9999-12-31 day 2932896.
                    valid = wholeIn(a, -719528, 2932896);
                    if (valid) {
                        char* text = out.dateText.data() + i * 10;
                        spell(Date::fromDaysSinceEpoch(static_cast<std::int64_t>(a)), text);
                        c = Cell::str(std::string_view(text, 10));
                    }
                    break;
            }
            if (!valid && out.invalidAnswer < 0) out.invalidAnswer = static_cast<int>(i);
        }
        slots[i] = c;
        out.applies[i] = Applies::Yes;
    }
    slots[n] = Cell::str(dateString_);

    // askIf, in an order where each reads only settled slots (as settle()):
    // the later slots hold answers not settled yet, but no askIf reads them.
    const Runner runner{*this, slots};
    for (const std::uint32_t i : asked_) {
        const Truth guard = runner.rootTruth(static_cast<std::uint32_t>(askIf_[i]));
        if (guard == kTruthy) continue;
        if (guard == kError) out.ruleErrors = true;
        if (guard == kFalsy) {
            slots[i] = Cell::null();
            out.applies[i] = Applies::No;
        } else {
            slots[i] = Cell::unknown();
            out.applies[i] = Applies::Undecided;
        }
    }

    CriterionStatus* criteriaOut = out.criteria.data();
    double* amountsOut = out.amounts.data();
    for (std::size_t r = 0; r < results_.size(); ++r) {
        const ResultSlice& slice = results_[r];
        const std::size_t criteria = slice.criterionCount;
        bool open = false;
        bool notMet = false;
        bool failed = false;
        for (std::size_t k = 0; k < criteria; ++k) {
            const std::size_t at = slice.firstCriterion + k;
            const Truth t = runner.rootTruth(criterionCode_[at]);
            CriterionStatus s;
            if (t == kError) {
                failed = true;
                s = CriterionStatus::Open;
            } else if (t == kUnknown) {
                s = CriterionStatus::Open;
            } else {
                s = t == kTruthy ? CriterionStatus::Met : CriterionStatus::NotMet;
            }
            criteriaOut[at] = s;
            notMet = notMet || s == CriterionStatus::NotMet;
            open = open || s == CriterionStatus::Open;
        }
        const Status status = versionStatus(*slice.version, notMet, open);
        out.statuses[r] = status;
        // As evaluate(): a failed operation counts only where no criterion decided "no".
        if (status != Status::NotEligible && failed) out.ruleErrors = true;
        const std::size_t amounts = slice.amountCount;
        for (std::size_t k = 0; k < amounts; ++k) {
            const std::size_t at = slice.firstAmount + k;
            amountsOut[at] = kNotAnswered;
            if (status == Status::NotEligible) continue;
            const Cell v = runner.eval(amountCode_[at]);
            if (v.kind == Kind::Error) out.ruleErrors = true;
            else if (v.kind == Kind::Number) amountsOut[at] = v.number;
        }
    }
}

std::optional<double> encodeAnswer(const Question& q, const Json& a) {
    const CheckedAnswer checked = checkAnswer(q, a);  // the one validity rule (answers.hpp)
    if (!checked.valid()) return std::nullopt;  // also {"unknown": true}: no number says it
    const Value& v = checked.value;
    if (v.isUnknown()) return kNotAnswered;  // null
    switch (q.type) {
        case QuestionType::Boolean: return v.asBoolean() ? 1.0 : 0.0;
        case QuestionType::Number: return v.asNumber();
        case QuestionType::Choice:
            for (std::size_t i = 0; i < q.options.size(); ++i) {
                if (q.options[i].value == v.asString()) return static_cast<double>(i);
            }
            break;
        case QuestionType::Date: return static_cast<double>(Date::parse(v.asString())->daysSinceEpoch());
    }
    return std::nullopt;
}

int encodeAnswers(const Ruleset& ruleset, const Json& answers, double* out) {
    int firstRefused = -1;
    for (std::size_t i = 0; i < ruleset.questions.size(); ++i) {
        out[i] = kNotAnswered;
        if (!answers.is_object()) continue;
        auto it = answers.find(ruleset.questions[i].id);
        if (it == answers.end()) continue;
        auto encoded = encodeAnswer(ruleset.questions[i], *it);
        if (encoded) out[i] = *encoded;
        else if (firstRefused < 0) firstRefused = static_cast<int>(i);
    }
    return firstRefused;
}

}  // namespace wegwijzer
