// The compiler of expressions (rules-format §5.1, §5.3, §5.6): JSON to a
// checked tree (node.hpp), every problem with its pointer. Evaluation and
// the analysis walks are in expression.cpp.

#include "wegwijzer/expression.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "node.hpp"

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


bool isNumeric(StaticType t) { return t == StaticType::Number || t == StaticType::Any; }

bool compatible(StaticType a, StaticType b) {
    if (a == StaticType::Any || b == StaticType::Any || a == StaticType::Null || b == StaticType::Null) return true;
    if ((a == StaticType::String && b == StaticType::Date) || (a == StaticType::Date && b == StaticType::String)) {
        return true;
    }
    return a == b;
}

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

}  // namespace

const char* opName(Op op) {
    for (const auto& spec : kOperators) {
        if (spec.op == op) return spec.name;
    }
    return "var";
}

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
        e.source_ = options.document ? std::shared_ptr<const Json>(options.document, &json) : std::make_shared<const Json>(json);
    }
    return e;
}

}  // namespace wegwijzer
