// Running the fast path (program.hpp): one answer set through the lowered
// code, into the outcome's buffers, without allocating. The lowering is in
// program.cpp.

#include <algorithm>
#include <cmath>

#include "program_code.hpp"

namespace wegwijzer {

using namespace vm;

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
                b = ins.flag ? semantics::holds(ins.op, v.number, ins.number)
                             : semantics::holds(ins.op, ins.number, v.number);
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

    Cell strict(const Instruction& ins, const Cell* v) const {
        switch (ins.code) {
            case Code::Equals: return Cell::of(same(v[0], v[1]) != ins.flag);
            case Code::Compare: {
                const bool dates = isDateComparison(ins.op);
                for (std::uint32_t i = 0; i < ins.count; ++i) {
                    const bool good = dates ? v[i].kind == Kind::DateTime
                                            : (ins.flag ? isInteger(v[i]) : v[i].kind == Kind::Number);
                    if (!good) return Cell::error();
                }
                auto key = [dates](const Cell& x) { return dates ? static_cast<double>(x.time) : x.number; };
                bool result = semantics::holds(ins.op, key(v[0]), key(v[1]));
                if (ins.count == 3) result = result && semantics::holds(ins.op, key(v[1]), key(v[2]));
                return Cell::of(result);
            }
            case Code::Arithmetic: {
                for (std::uint32_t i = 0; i < ins.count; ++i) {
                    if (v[i].kind != Kind::Number || (ins.flag && !isInteger(v[i]))) return Cell::error();
                }
                double r = v[0].number;
                for (std::uint32_t i = 1; i < ins.count; ++i) {
                    if (!semantics::arithmeticStep(ins.op, r, v[i].number)) return Cell::error();
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

}  // namespace wegwijzer
