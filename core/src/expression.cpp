// Evaluating compiled expressions (rules-format §5.2-5.5, §6): values,
// errors and unknowns, within the step budget of §5.7; and the walks the
// evaluation and the tools need (slots read, slots an unknown waits for,
// thresholds, worst-case steps). The compiler is in compile.cpp.

#include "wegwijzer/expression.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "node.hpp"
#include "semantics.hpp"

namespace wegwijzer {

namespace {

// --------------------------------------------------------------- evaluator

struct Frame {
    Value accumulator;
    Value current;
};

struct Context {
    const Json* data = nullptr;                // CertLogic mode
    const std::vector<Value>* slots = nullptr;  // rule mode
    Value root;                                 // data as a Value
    std::uint64_t limit = kStepsPerEvaluation;  // the step budget
    mutable std::uint64_t steps = 0;            // steps taken

    bool exhausted() const { return steps > limit; }
};

Value drill(Value v, const std::vector<std::string>& path) {
    for (const std::string& fragment : path) {
        if (v.kind() == Value::Kind::Object) {
            v = v.member(fragment);
        } else if (v.kind() == Value::Kind::Array) {
            char* end = nullptr;
            unsigned long index = std::strtoul(fragment.c_str(), &end, 10);
            if (end == fragment.c_str() || !(fragment[0] >= '0' && fragment[0] <= '9')) return Value::null();
            v = v.at(index);
        } else {
            return Value::null();
        }
    }
    return v;
}

Value evaluateNode(const Node& n, const Context& ctx, const Frame* frame);

// The evaluated operands of a strict operation: on the stack for up to four
// (nearly all), so evaluating allocates nothing for them.
class Operands {
public:
    Operands(const Node& n, const Context& ctx, const Frame* frame) : size_(n.args.size()) {
        if (size_ > kInline) heap_.resize(size_);
        Value* out = size_ > kInline ? heap_.data() : inline_;
        for (std::size_t i = 0; i < size_; ++i) out[i] = evaluateNode(*n.args[i], ctx, frame);
    }
    std::size_t size() const { return size_; }
    const Value& operator[](std::size_t i) const { return size_ > kInline ? heap_[i] : inline_[i]; }

private:
    static constexpr std::size_t kInline = 4;
    std::size_t size_;
    Value inline_[kInline];
    std::vector<Value> heap_;
};

// The first error or (in rule mode) Unknown among evaluated operands, if any.
const Value* firstErrorOrUnknown(const Operands& values) {
    const Value* unknown = nullptr;
    for (std::size_t i = 0; i < values.size(); ++i) {
        const Value& v = values[i];
        if (v.isError()) return &v;
        if (v.isUnknown() && unknown == nullptr) unknown = &v;
    }
    return unknown;
}

std::vector<Value> evaluateAll(const Node& n, const Context& ctx, const Frame* frame) {
    std::vector<Value> values;
    values.reserve(n.args.size());
    for (const auto& arg : n.args) values.push_back(evaluateNode(*arg, ctx, frame));
    return values;
}

Value neitherTruthyNorFalsy(const Node& n, const Value& v) {
    return Value::error(n.pointer, std::string("an operand of \"") + opName(n.op) + "\" is " + kindName(v.kind()) +
                                       ", which is neither true nor false");
}

// and/or with Kleene logic: a deciding operand wins even after an unknown one.
Value evaluateJunction(const Node& n, const Context& ctx, const Frame* frame) {
    const bool isAnd = n.op == Op::And;
    bool sawUnknown = false;
    Value last;
    for (const auto& arg : n.args) {
        last = evaluateNode(*arg, ctx, frame);
        if (last.isError()) return last;
        if (last.isUnknown()) {
            sawUnknown = true;
            continue;
        }
        const bool decides = isAnd ? last.isFalsy() : last.isTruthy();
        const bool passes = isAnd ? last.isTruthy() : last.isFalsy();
        if (decides) return last;
        if (!passes) return neitherTruthyNorFalsy(n, last);
    }
    return sawUnknown ? Value::unknown() : last;
}

Value evaluateIf(const Node& n, const Context& ctx, const Frame* frame) {
    Value guard = evaluateNode(*n.args[0], ctx, frame);
    if (guard.isError()) return guard;
    if (guard.isTruthy()) return evaluateNode(*n.args[1], ctx, frame);
    if (guard.isFalsy()) return evaluateNode(*n.args[2], ctx, frame);
    if (guard.isUnknown()) {
        Value a = evaluateNode(*n.args[1], ctx, frame);
        Value b = evaluateNode(*n.args[2], ctx, frame);
        if (a.isError()) return a;
        if (b.isError()) return b;
        return strictEquals(a, b) ? a : Value::unknown();
    }
    return Value::error(n.pointer, std::string("the guard of \"if\" is ") + kindName(guard.kind()) +
                                       ", which is neither true nor false");
}

Value compare(const Node& n, const Operands& v) {
    const bool dates = isDateComparison(n.op);
    for (std::size_t i = 0; i < v.size(); ++i) {
        const bool good = dates ? v[i].kind() == Value::Kind::DateTime
                                : (n.integersOnly ? v[i].isInteger() : v[i].isNumber());
        if (!good) {
            return Value::error(n.pointer, std::string("operand ") + ordinal(i) + " of \"" + opName(n.op) +
                                               "\" must be " +
                                               (dates ? "a date-time" : (n.integersOnly ? "an integer" : "a number")) +
                                               ", but is " + kindName(v[i].kind()));
        }
    }
    auto key = [dates](const Value& x) { return dates ? static_cast<double>(x.asDateTime()) : x.asNumber(); };
    bool result = semantics::holds(n.op, key(v[0]), key(v[1]));
    if (v.size() == 3) result = result && semantics::holds(n.op, key(v[1]), key(v[2]));
    return Value::boolean(result);
}

Value arithmetic(const Node& n, const Operands& v, bool certLogicIntegers) {
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (!v[i].isNumber() || (certLogicIntegers && !v[i].isInteger())) {
            return Value::error(n.pointer, std::string("operand ") + ordinal(i) + " of \"" + opName(n.op) +
                                               "\" must be " + (certLogicIntegers ? "an integer" : "a number") +
                                               ", but is " + kindName(v[i].kind()));
        }
    }
    double r = v[0].asNumber();
    for (std::size_t i = 1; i < v.size(); ++i) {
        if (!semantics::arithmeticStep(n.op, r, v[i].asNumber())) return Value::error(n.pointer, "division by zero");
    }
    if (!std::isfinite(r)) return Value::error(n.pointer, "the result of \"" + std::string(opName(n.op)) +
                                                              "\" is too large");
    return Value::number(r);
}

Value evaluateIn(const Node& n, const Value& needle, const Value& haystack) {
    if (haystack.isNull()) return Value::boolean(false);  // CertLogic "ins with nulls"
    if (haystack.kind() != Value::Kind::Array) {
        return Value::error(n.pointer, std::string("the right-hand side of \"in\" must be an array, but is ") +
                                           kindName(haystack.kind()));
    }
    bool sawUnknown = false;
    for (std::size_t i = 0; i < haystack.size(); ++i) {
        Value item = haystack.at(i);
        if (item.isUnknown()) sawUnknown = true;
        if (strictEquals(needle, item)) return Value::boolean(true);
    }
    return sawUnknown ? Value::unknown() : Value::boolean(false);
}

// `in` with a literal array (the usual "statuut is one of ..."): compares
// against the compiled items, without building the array.
Value evaluateInConstant(const Node& n, const Context& ctx, const Frame* frame) {
    Value needle = evaluateNode(*n.args[0], ctx, frame);
    if (needle.isError() || needle.isUnknown()) return needle;
    for (const auto& item : n.args[1]->args) {
        if (strictEquals(needle, item->literal)) return Value::boolean(true);
    }
    return Value::boolean(false);
}

Value evaluateReduce(const Node& n, const Context& ctx, const Frame* frame) {
    Value operand = evaluateNode(*n.args[0], ctx, frame);
    if (operand.isError() || operand.isUnknown()) return operand;
    Value accumulator = evaluateNode(*n.args[2], ctx, frame);
    if (operand.isNull()) return accumulator;
    if (operand.kind() != Value::Kind::Array) {
        return Value::error(n.pointer, std::string("the operand of \"reduce\" must be an array or null, but is ") +
                                           kindName(operand.kind()));
    }
    for (std::size_t i = 0; i < operand.size(); ++i) {
        if (accumulator.isError()) return accumulator;
        Frame inner{accumulator, operand.at(i)};
        accumulator = evaluateNode(*n.args[1], ctx, &inner);
    }
    return accumulator;
}

Value evaluateExtractFromUVCI(const Node& n, const Value& uvci, const Value& index) {
    if (uvci.isNull()) return Value::null();
    if (!uvci.isString()) {
        return Value::error(n.pointer, "the first operand of \"extractFromUVCI\" must be a string or null");
    }
    if (!index.isInteger()) return Value::error(n.pointer, "the index of \"extractFromUVCI\" must be an integer");
    std::string_view s = uvci.asString();
    if (s.substr(0, 9) == "URN:UVCI:") s.remove_prefix(9);
    std::vector<std::string_view> fragments;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= s.size(); ++i) {
        if (i == s.size() || s[i] == '/' || s[i] == '#' || s[i] == ':') {
            fragments.push_back(s.substr(start, i - start));
            start = i + 1;
        }
    }
    const double idx = index.asNumber();
    if (idx < 0 || idx >= static_cast<double>(fragments.size())) return Value::null();
    return Value::ownedString(std::string(fragments[static_cast<std::size_t>(idx)]));
}

Value toDateTime(const Node& n, const Value& v, const char* what) {
    if (!v.isString()) {
        return Value::error(n.pointer, std::string("the date argument of \"") + what + "\" must be a string, but is " +
                                           kindName(v.kind()));
    }
    auto t = parseDateTime(v.asString());
    if (!t) {
        return Value::error(n.pointer, "not an allowed date or date-time format: " + std::string(v.asString()));
    }
    return Value::dateTime(*t);
}

Value outOfSteps(const Node& n, const Context& ctx) {
    return Value::error(n.pointer, "the evaluation was stopped after " + std::to_string(ctx.limit) +
                                       " steps: the expression asks for too much work (rules-format §5.7)");
}

Value evaluateNode(const Node& n, const Context& ctx, const Frame* frame) {
    if (++ctx.steps > ctx.limit) return outOfSteps(n, ctx);
    switch (n.op) {
        case Op::Literal:
            return n.literal;
        case Op::ArrayLiteral: {
            if (n.constant) return n.literal;  // built once, when compiled
            std::vector<Value> items = evaluateAll(n, ctx, frame);
            for (const Value& item : items) {
                if (item.isError()) return item;
            }
            return Value::array(std::move(items));
        }
        case Op::VarData:
            return drill(ctx.root, n.path);
        case Op::VarSlot:
            return ctx.slots ? (*ctx.slots)[static_cast<std::size_t>(n.variable->slot)] : Value::null();
        case Op::VarLambda:
            return drill(n.lambdaCurrent ? frame->current : frame->accumulator, n.path);
        case Op::If:
            return evaluateIf(n, ctx, frame);
        case Op::And:
        case Op::Or:
            return evaluateJunction(n, ctx, frame);
        case Op::Not: {
            Value v = evaluateNode(*n.args[0], ctx, frame);
            if (v.isError() || v.isUnknown()) return v;
            if (v.isFalsy()) return Value::boolean(true);
            if (v.isTruthy()) return Value::boolean(false);
            return neitherTruthyNorFalsy(n, v);
        }
        case Op::Reduce:
            return evaluateReduce(n, ctx, frame);
        default:
            break;
    }
    // Strict operations: every operand is evaluated first.
    if (n.op == Op::In && n.args[1]->constant) return evaluateInConstant(n, ctx, frame);
    const Operands v(n, ctx, frame);
    if (const Value* stop = firstErrorOrUnknown(v)) return *stop;
    if (isNumberComparison(n.op) || isDateComparison(n.op)) return compare(n, v);
    switch (n.op) {
        case Op::StrictEquals:
            return Value::boolean(strictEquals(v[0], v[1]));
        case Op::NotStrictEquals:
            return Value::boolean(!strictEquals(v[0], v[1]));
        case Op::In:
            return evaluateIn(n, v[0], v[1]);
        case Op::Plus:
            return arithmetic(n, v, n.integersOnly);
        case Op::Minus:
        case Op::Times:
        case Op::Divide:
        case Op::Min:
        case Op::Max:
            return arithmetic(n, v, false);
        case Op::PlusTime: {
            Value t = toDateTime(n, v[0], "plusTime");
            return t.isError() ? t : Value::dateTime(plusTime(t.asDateTime(), n.amount, n.unit));
        }
        case Op::DccDateOfBirth:
            return toDateTime(n, v[0], "dccDateOfBirth");
        case Op::ExtractFromUVCI:
            return evaluateExtractFromUVCI(n, v[0], v[1]);
        default:
            return Value::error(n.pointer, "unhandled operation");
    }
}

// ---------------------------------------------------------- analysis walks

void markRead(const Node& n, std::vector<bool>& read) {
    if (n.op == Op::VarSlot) read[static_cast<std::size_t>(n.variable->slot)] = true;
    for (const auto& arg : n.args) markRead(*arg, read);
}

// Unknown, or an array holding something unknown (at any depth): a value
// that can keep an expression open.
bool holdsUnknown(const Value& v) {
    if (v.isUnknown()) return true;
    if (v.kind() != Value::Kind::Array) return false;
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (holdsUnknown(v.at(i))) return true;
    }
    return false;
}

void markOpen(const Node& n, const Context& ctx, const Frame* frame, std::vector<bool>& open) {
    switch (n.op) {
        case Op::Literal:
        case Op::VarData:
        case Op::VarLambda:
            return;
        case Op::VarSlot: {
            const auto slot = static_cast<std::size_t>(n.variable->slot);
            if ((*ctx.slots)[slot].isUnknown()) open[slot] = true;
            return;
        }
        case Op::If: {
            Value guard = evaluateNode(*n.args[0], ctx, frame);
            if (guard.isUnknown()) {
                markOpen(*n.args[0], ctx, frame, open);
                for (std::size_t i = 1; i < 3; ++i) {
                    if (holdsUnknown(evaluateNode(*n.args[i], ctx, frame))) markOpen(*n.args[i], ctx, frame, open);
                }
            } else {
                markOpen(*n.args[guard.isTruthy() ? 1 : 2], ctx, frame, open);
            }
            return;
        }
        case Op::Reduce: {
            // The lambda runs in its own context: count every unknown slot it reads.
            for (std::size_t i : {std::size_t{0}, std::size_t{2}}) {
                if (holdsUnknown(evaluateNode(*n.args[i], ctx, frame))) markOpen(*n.args[i], ctx, frame, open);
            }
            std::vector<bool> read(open.size(), false);
            markRead(*n.args[1], read);
            for (std::size_t i = 0; i < read.size(); ++i) {
                if (read[i] && (*ctx.slots)[i].isUnknown()) open[i] = true;
            }
            return;
        }
        default:
            // For every other operation (and/or only get here when undecided),
            // each operand that is itself unknown keeps the whole open.
            for (const auto& arg : n.args) {
                if (holdsUnknown(evaluateNode(*arg, ctx, frame))) markOpen(*arg, ctx, frame, open);
            }
    }
}

std::size_t longestArray(const Node& n) {
    std::size_t longest = n.op == Op::ArrayLiteral ? n.args.size() : 0;
    for (const auto& arg : n.args) longest = std::max(longest, longestArray(*arg));
    return longest;
}

std::uint64_t stepsOf(const Node& n, std::size_t longest) {
    if (n.op == Op::Reduce) {
        const std::uint64_t lambda = addSteps(1, stepsOf(*n.args[1], longest));
        return addSteps(addSteps(1, addSteps(stepsOf(*n.args[0], longest), stepsOf(*n.args[2], longest))),
                        timesSteps(longest, lambda));
    }
    std::uint64_t steps = 1;
    for (const auto& arg : n.args) steps = addSteps(steps, stepsOf(*arg, longest));
    return steps;
}

void collectThresholdsIn(const Node& n, std::vector<std::pair<int, double>>& out) {
    const bool comparison = n.op == Op::Less || n.op == Op::Greater || n.op == Op::LessOrEqual ||
                            n.op == Op::GreaterOrEqual || n.op == Op::StrictEquals ||
                            n.op == Op::NotStrictEquals;
    if (comparison) {
        for (const auto& a : n.args) {
            if (a->op != Op::VarSlot) continue;
            for (const auto& b : n.args) {
                if (b->op == Op::Literal && b->literal.isNumber()) {
                    out.emplace_back(a->variable->slot, b->literal.asNumber());
                }
            }
        }
    }
    for (const auto& arg : n.args) collectThresholdsIn(*arg, out);
}

}  // namespace

const Json& Expression::source() const {
    static const Json kNull;
    return source_ ? *source_ : kNull;
}

StaticType Expression::type() const { return root_ ? root_->type : StaticType::Any; }

Value Expression::evaluate(const Json& data) const {
    if (!root_) return Value::error("", "the expression is not valid");
    Context ctx;
    ctx.data = &data;
    ctx.root = Value::fromJson(data);
    ctx.limit = kStepsPerDataEvaluation;
    return evaluateNode(*root_, ctx, nullptr);
}

Value Expression::evaluate(const std::vector<Value>& slots, StepMeter* meter) const {
    if (!root_) return Value::error("", "the expression is not valid");
    Context ctx;
    ctx.slots = &slots;
    Value v = evaluateNode(*root_, ctx, nullptr);
    if (meter) meter->steps = addSteps(meter->steps, ctx.steps);
    return v;
}

void Expression::markOpenSlots(const std::vector<Value>& slots, std::vector<bool>& open, StepMeter* meter) const {
    if (!root_) return;
    Context ctx;
    ctx.slots = &slots;
    const Value v = evaluateNode(*root_, ctx, nullptr);
    if (v.isUnknown()) markOpen(*root_, ctx, nullptr, open);
    if (ctx.exhausted()) {
        // Stopped part way: every unknown slot it reads may keep it open.
        std::vector<bool> read(open.size(), false);
        markRead(*root_, read);
        for (std::size_t k = 0; k < read.size(); ++k) {
            if (read[k] && slots[k].isUnknown()) open[k] = true;
        }
    }
    if (meter) meter->steps = addSteps(meter->steps, ctx.steps);
}

void Expression::markReadSlots(std::vector<bool>& read) const {
    if (root_) markRead(*root_, read);
}

std::uint64_t Expression::worstCaseSteps() const { return root_ ? stepsOf(*root_, longestArray(*root_)) : 0; }

void Expression::collectThresholds(std::vector<std::pair<int, double>>& slotAndValue) const {
    if (root_) collectThresholdsIn(*root_, slotAndValue);
}

}  // namespace wegwijzer
