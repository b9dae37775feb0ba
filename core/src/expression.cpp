#include "wegwijzer/expression.hpp"

#include "node.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace wegwijzer {

namespace {

struct OperatorSpec {
    const char* name;
    Op op;
    std::size_t minArgs;
    std::size_t maxArgs;  // 0 = no maximum
    bool extension;       // not in CertLogic
};

constexpr std::size_t kMany = 0;

const OperatorSpec kOperators[] = {
    {"if", Op::If, 3, 3, false},
    {"===", Op::StrictEquals, 2, 2, false},
    {"!==", Op::NotStrictEquals, 2, 2, true},
    {"and", Op::And, 2, kMany, false},
    {"or", Op::Or, 2, kMany, true},
    {"!", Op::Not, 1, 1, false},
    {"<", Op::Less, 2, 3, false},
    {">", Op::Greater, 2, 3, false},
    {"<=", Op::LessOrEqual, 2, 3, false},
    {">=", Op::GreaterOrEqual, 2, 3, false},
    {"in", Op::In, 2, 2, false},
    {"+", Op::Plus, 2, 2, false},
    {"-", Op::Minus, 2, 2, true},
    {"*", Op::Times, 2, 2, true},
    {"/", Op::Divide, 2, 2, true},
    {"min", Op::Min, 1, kMany, true},
    {"max", Op::Max, 1, kMany, true},
    {"reduce", Op::Reduce, 3, 3, false},
    {"plusTime", Op::PlusTime, 3, 3, false},
    {"before", Op::Before, 2, 3, false},
    {"after", Op::After, 2, 3, false},
    {"not-before", Op::NotBefore, 2, 3, false},
    {"not-after", Op::NotAfter, 2, 3, false},
    {"extractFromUVCI", Op::ExtractFromUVCI, 2, 2, false},
    {"dccDateOfBirth", Op::DccDateOfBirth, 1, 1, false},
};

const OperatorSpec* findOperator(std::string_view name) {
    for (const auto& spec : kOperators) {
        if (name == spec.name) return &spec;
    }
    return nullptr;
}

const char* opName(Op op) {
    for (const auto& spec : kOperators) {
        if (spec.op == op) return spec.name;
    }
    return "var";
}

bool isNumeric(StaticType t) { return t == StaticType::Number || t == StaticType::Any; }

bool compatible(StaticType a, StaticType b) {
    if (a == StaticType::Any || b == StaticType::Any || a == StaticType::Null || b == StaticType::Null) return true;
    if ((a == StaticType::String && b == StaticType::Date) || (a == StaticType::Date && b == StaticType::String)) {
        return true;
    }
    return a == b;
}

std::string ordinal(std::size_t i) { return "#" + std::to_string(i + 1); }

// ---------------------------------------------------------------- compiler

class Compiler {
public:
    Compiler(const CompileOptions& options, Problems& problems) : options_(options), problems_(problems) {}

    std::unique_ptr<Node> compile(const Json& j, const std::string& pointer, std::size_t depth, int lambdaDepth) {
        auto node = std::make_unique<Node>();
        node->pointer = pointer;
        if (depth > options_.maxDepth) {
            report(pointer, "expression nested deeper than " + std::to_string(options_.maxDepth) + " operations");
            return nullptr;
        }
        switch (j.type()) {
            case Json::value_t::boolean:
                node->literal = Value::boolean(j.get<bool>());
                node->type = StaticType::Boolean;
                return node;
            case Json::value_t::number_integer:
            case Json::value_t::number_unsigned:
            case Json::value_t::number_float:
                if (!isIntegral(j) && (options_.dialect == Dialect::CertLogic || !std::isfinite(j.get<double>()))) {
                    report(pointer, j.dump() + " is a non-integer number");
                    return nullptr;
                }
                node->literal = Value::number(j.get<double>());
                node->type = StaticType::Number;
                return node;
            case Json::value_t::string:
                node->literalText = j.get<std::string>();
                node->literal = Value::borrowedString(node->literalText);
                node->type = Date::parse(node->literalText) ? StaticType::Date : StaticType::String;
                return node;
            case Json::value_t::array: {
                node->op = Op::ArrayLiteral;
                node->type = StaticType::Array;
                bool ok = true;
                for (std::size_t i = 0; i < j.size(); ++i) {
                    auto item = compile(j[i], pointerAppend(pointer, i), depth + 1, lambdaDepth);
                    ok = ok && item != nullptr;
                    node->args.push_back(std::move(item));
                }
                if (!ok) return nullptr;
                node->constant = std::all_of(node->args.begin(), node->args.end(),
                                             [](const auto& item) { return item->op == Op::Literal; });
                if (node->constant) {
                    std::vector<Value> items;
                    for (const auto& item : node->args) items.push_back(item->literal);
                    node->literal = Value::array(std::move(items));
                }
                return node;
            }
            case Json::value_t::object:
                return compileOperation(std::move(node), j, depth, lambdaDepth);
            default:
                report(pointer, "invalid CertLogic expression");
                return nullptr;
        }
    }

private:
    void report(const std::string& pointer, std::string message) {
        problems_.push_back({pointer, std::move(message)});
    }

    std::unique_ptr<Node> compileOperation(std::unique_ptr<Node> node, const Json& j, std::size_t depth,
                                           int lambdaDepth) {
        const std::string& pointer = node->pointer;
        if (j.size() != 1) {
            report(pointer, "expression object must have exactly one key, but it has " + std::to_string(j.size()));
            return nullptr;
        }
        const std::string& name = j.begin().key();
        const Json& operands = j.begin().value();
        const std::string operandsPointer = pointerAppend(pointer, name);
        if (name == "var") return compileVar(std::move(node), operands, lambdaDepth);
        if (!operands.is_array()) {
            report(pointer, "operation not of the form { \"<operator>\": [ <values...> ] }");
            return nullptr;
        }
        const OperatorSpec* spec = findOperator(name);
        if (spec == nullptr || (spec->extension && options_.dialect == Dialect::CertLogic)) {
            std::string message = "unrecognised operator: \"" + name + "\"";
            if (spec != nullptr) message += " (a Wegwijzer extension, not part of CertLogic)";
            report(pointer, message);
            return nullptr;
        }
        if (operands.empty() || operands.size() < spec->minArgs ||
            (spec->maxArgs != kMany && operands.size() > spec->maxArgs)) {
            std::string expected = std::to_string(spec->minArgs);
            if (spec->maxArgs == kMany) {
                expected = "at least " + expected;
            } else if (spec->maxArgs != spec->minArgs) {
                expected += " or " + std::to_string(spec->maxArgs);
            }
            const bool one = spec->minArgs == 1 && (spec->maxArgs == 1 || spec->maxArgs == kMany);
            report(pointer, "\"" + name + "\" takes " + expected + (one ? " operand" : " operands") + ", but has " +
                                std::to_string(operands.size()));
            return nullptr;
        }
        node->op = spec->op;
        node->integersOnly = options_.dialect == Dialect::CertLogic;

        if (spec->op == Op::PlusTime) return compilePlusTime(std::move(node), operands, operandsPointer, depth,
                                                             lambdaDepth);
        bool ok = true;
        for (std::size_t i = 0; i < operands.size(); ++i) {
            // The reduce lambda sees its own data context {current, accumulator, data}.
            const int innerLambda = (spec->op == Op::Reduce && i == 1) ? lambdaDepth + 1 : lambdaDepth;
            auto arg = compile(operands[i], pointerAppend(operandsPointer, i), depth + 1, innerLambda);
            ok = ok && arg != nullptr;
            node->args.push_back(std::move(arg));
        }
        if (!ok) return nullptr;
        return typeCheck(*node, name) ? std::move(node) : nullptr;
    }

    std::unique_ptr<Node> compilePlusTime(std::unique_ptr<Node> node, const Json& operands,
                                          const std::string& operandsPointer, std::size_t depth, int lambdaDepth) {
        auto date = compile(operands[0], pointerAppend(operandsPointer, 0), depth + 1, lambdaDepth);
        bool ok = date != nullptr;
        if (!isIntegral(operands[1])) {
            report(pointerAppend(operandsPointer, 1), "\"amount\" argument (#2) of \"plusTime\" must be an integer");
            ok = false;
        } else if (std::fabs(operands[1].get<double>()) > 1000000) {
            report(pointerAppend(operandsPointer, 1), "\"amount\" argument (#2) of \"plusTime\" is out of range");
            ok = false;
        } else {
            node->amount = static_cast<std::int64_t>(operands[1].get<double>());
        }
        auto unit = operands[2].is_string() ? parseTimeUnit(operands[2].get_ref<const std::string&>()) : std::nullopt;
        if (!unit) {
            report(pointerAppend(operandsPointer, 2),
                   "\"unit\" argument (#3) of \"plusTime\" must be a string with one of the time units: year, "
                   "month, day, hour");
            ok = false;
        } else {
            node->unit = *unit;
        }
        if (date && options_.scope != nullptr && !compatible(date->type, StaticType::String)) {
            report(date->pointer, std::string("date argument of \"plusTime\" must be a date string, not ") +
                                      staticTypeName(date->type));
            ok = false;
        }
        if (!ok) return nullptr;
        node->args.push_back(std::move(date));
        node->type = StaticType::DateTime;
        return node;
    }

    static bool validPath(const std::string& path) {
        if (path.empty()) return true;
        std::size_t start = 0;
        while (true) {
            std::size_t dot = path.find('.', start);
            std::string_view fragment(path.data() + start, (dot == std::string::npos ? path.size() : dot) - start);
            if (fragment.empty()) return false;
            for (char c : fragment) {
                if (static_cast<unsigned char>(c) <= ' ') return false;
            }
            if (dot == std::string::npos) return true;
            start = dot + 1;
        }
    }

    static std::vector<std::string> splitPath(const std::string& path) {
        std::vector<std::string> out;
        if (path.empty()) return out;
        std::size_t start = 0;
        while (true) {
            std::size_t dot = path.find('.', start);
            out.push_back(path.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
            if (dot == std::string::npos) return out;
            start = dot + 1;
        }
    }

    std::unique_ptr<Node> compileVar(std::unique_ptr<Node> node, const Json& operand, int lambdaDepth) {
        if (!operand.is_string()) {
            report(node->pointer, "not of the form { \"var\": \"<path>\" }");
            return nullptr;
        }
        const std::string& path = operand.get_ref<const std::string&>();
        if (!validPath(path)) {
            report(node->pointer, "data access path doesn't have a valid format: " + path);
            return nullptr;
        }
        std::vector<std::string> fragments = splitPath(path);
        if (lambdaDepth > 0) {
            if (!fragments.empty() && (fragments[0] == "current" || fragments[0] == "accumulator")) {
                node->op = Op::VarLambda;
                node->lambdaCurrent = fragments[0] == "current";
                fragments.erase(fragments.begin());
                node->path = std::move(fragments);
                return node;
            }
            if (fragments.empty() || fragments[0] != "data") {
                if (options_.scope != nullptr) {
                    report(node->pointer, "inside a reduce lambda, var can read only \"current\", \"accumulator\" "
                                          "and \"data.<name>\", not \"" + path + "\"");
                    return nullptr;
                }
                node->op = Op::Literal;  // CertLogic: any other name in the lambda's context is null
                node->type = StaticType::Null;
                return node;
            }
            fragments.erase(fragments.begin());  // "data.x" reads the evaluation's own data context
        }
        if (options_.scope == nullptr) {
            node->op = Op::VarData;
            node->path = std::move(fragments);
            return node;
        }
        if (fragments.size() != 1) {
            report(node->pointer, "\"" + path + "\" is not a question id: answers have no parts to drill into");
            return nullptr;
        }
        const Variable* variable = options_.scope->find(fragments[0]);
        if (variable == nullptr) {
            report(node->pointer, "\"" + fragments[0] + "\" names no question of this ruleset");
            return nullptr;
        }
        node->op = Op::VarSlot;
        node->variable = variable;
        node->type = variable->type;
        return node;
    }

    // Rule mode checks types; CertLogic checks happen at evaluation.
    bool typeCheck(Node& node, const std::string& name) {
        auto& args = node.args;
        bool ok = true;
        // Types are checked in rule mode only: in the data mode of CertLogic a
        // type error is an evaluation error (e.g. {"===": [1, "1"]} is false).
        const bool checking = options_.scope != nullptr;
        auto need = [&](std::size_t i, bool good, const char* what) {
            if (!good && checking) {
                report(args[i]->pointer, "operand " + ordinal(i) + " of \"" + name + "\" must be " + what +
                                             ", but it is " + staticTypeName(args[i]->type));
                ok = false;
            }
        };
        switch (node.op) {
            case Op::If:
                node.type = args[1]->type == args[2]->type ? args[1]->type : StaticType::Any;
                if (args[1]->type == StaticType::Null) node.type = args[2]->type;
                if (args[2]->type == StaticType::Null) node.type = args[1]->type;
                break;
            case Op::And:
            case Op::Or:
                node.type = std::all_of(args.begin(), args.end(),
                                         [](const auto& a) { return a->type == StaticType::Boolean; })
                                 ? StaticType::Boolean
                                 : StaticType::Any;
                break;
            case Op::Not:
                node.type = StaticType::Boolean;
                break;
            case Op::StrictEquals:
            case Op::NotStrictEquals:
                node.type = StaticType::Boolean;
                if (checking && !compatible(args[0]->type, args[1]->type)) {
                    report(node.pointer, "\"" + name + "\" compares " + staticTypeName(args[0]->type) + " with " +
                                              staticTypeName(args[1]->type) + "; they can never be equal");
                    ok = false;
                }
                ok = checkOption(*args[0], *args[1]) && checkOption(*args[1], *args[0]) && ok;
                break;
            case Op::In:
                node.type = StaticType::Boolean;
                need(1, args[1]->type == StaticType::Array || args[1]->type == StaticType::Any, "an array");
                if (args[1]->op == Op::ArrayLiteral) {
                    for (const auto& item : args[1]->args) {
                        if (checking && !compatible(args[0]->type, item->type)) {
                            report(item->pointer, std::string("\"in\" looks for ") + staticTypeName(args[0]->type) +
                                                      " among values that include " + staticTypeName(item->type));
                            ok = false;
                        }
                        ok = checkOption(*args[0], *item) && ok;
                    }
                }
                break;
            case Op::Less:
            case Op::Greater:
            case Op::LessOrEqual:
            case Op::GreaterOrEqual:
                node.type = StaticType::Boolean;
                for (std::size_t i = 0; i < args.size(); ++i) need(i, isNumeric(args[i]->type), "a number");
                break;
            case Op::Plus:
            case Op::Minus:
            case Op::Times:
            case Op::Divide:
            case Op::Min:
            case Op::Max:
                node.type = StaticType::Number;
                for (std::size_t i = 0; i < args.size(); ++i) need(i, isNumeric(args[i]->type), "a number");
                break;
            case Op::Before:
            case Op::After:
            case Op::NotBefore:
            case Op::NotAfter:
                node.type = StaticType::Boolean;
                for (std::size_t i = 0; i < args.size(); ++i) {
                    need(i, args[i]->type == StaticType::DateTime || args[i]->type == StaticType::Any,
                         "a date-time (made with plusTime)");
                }
                break;
            case Op::Reduce:
                node.type = StaticType::Any;
                need(0, args[0]->type == StaticType::Array || args[0]->type == StaticType::Any ||
                            args[0]->type == StaticType::Null,
                     "an array");
                break;
            case Op::ExtractFromUVCI:
                node.type = StaticType::Any;
                need(1, args[1]->op == Op::Literal && args[1]->literal.isInteger(), "an integer");
                break;
            case Op::DccDateOfBirth:
                node.type = StaticType::DateTime;
                need(0, compatible(args[0]->type, StaticType::String), "a date string");
                break;
            default:
                break;
        }
        return ok;
    }

    // A string compared with a choice question must be one of its options.
    bool checkOption(const Node& maybeVar, const Node& maybeLiteral) {
        if (maybeVar.op != Op::VarSlot || maybeVar.variable->options.empty()) return true;
        if (maybeLiteral.op != Op::Literal || !maybeLiteral.literal.isString()) return true;
        const auto& options = maybeVar.variable->options;
        if (std::find(options.begin(), options.end(), maybeLiteral.literalText) != options.end()) return true;
        report(maybeLiteral.pointer, "question \"" + maybeVar.variable->name + "\" has no option \"" +
                                         maybeLiteral.literalText + "\"");
        return false;
    }

    const CompileOptions& options_;
    Problems& problems_;
};

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
    const bool dates = n.op == Op::Before || n.op == Op::After || n.op == Op::NotBefore || n.op == Op::NotAfter;
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
    auto holds = [&](const Value& a, const Value& b) {
        switch (n.op) {
            case Op::Less:
            case Op::Before: return key(a) < key(b);
            case Op::Greater:
            case Op::After: return key(a) > key(b);
            case Op::LessOrEqual:
            case Op::NotAfter: return key(a) <= key(b);
            default: return key(a) >= key(b);
        }
    };
    bool result = holds(v[0], v[1]);
    if (v.size() == 3) result = result && holds(v[1], v[2]);
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
        const double x = v[i].asNumber();
        switch (n.op) {
            case Op::Plus: r += x; break;
            case Op::Minus: r -= x; break;
            case Op::Times: r *= x; break;
            case Op::Divide:
                if (x == 0) return Value::error(n.pointer, "division by zero");
                r /= x;
                break;
            case Op::Min: r = std::min(r, x); break;
            default: r = std::max(r, x); break;
        }
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
    switch (n.op) {
        case Op::StrictEquals:
            return Value::boolean(strictEquals(v[0], v[1]));
        case Op::NotStrictEquals:
            return Value::boolean(!strictEquals(v[0], v[1]));
        case Op::In:
            return evaluateIn(n, v[0], v[1]);
        case Op::Less:
        case Op::Greater:
        case Op::LessOrEqual:
        case Op::GreaterOrEqual:
        case Op::Before:
        case Op::After:
        case Op::NotBefore:
        case Op::NotAfter:
            return compare(n, v);
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

const char* staticTypeName(StaticType type) {
    switch (type) {
        case StaticType::Any: return "any value";
        case StaticType::Null: return "null";
        case StaticType::Boolean: return "a boolean";
        case StaticType::Number: return "a number";
        case StaticType::String: return "a string";
        case StaticType::Date: return "a date";
        case StaticType::DateTime: return "a date-time";
        case StaticType::Array: return "an array";
    }
    return "?";
}

Expression compile(const Json& json, const CompileOptions& options, Problems& problems) {
    Compiler compiler(options, problems);
    const std::size_t before = problems.size();
    std::unique_ptr<Node> root = compiler.compile(json, options.path, 0, 0);
    Expression e;
    if (root && problems.size() == before) {
        e.root_ = std::shared_ptr<const Node>(std::move(root));
        e.source_ = std::make_shared<const Json>(json);
    }
    return e;
}

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
