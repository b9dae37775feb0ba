#include "wegwijzer/program.hpp"

#include <algorithm>
#include <cmath>

#include "program_code.hpp"

namespace wegwijzer {

using namespace vm;

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
                if (n.args.size() == 2 && !n.integersOnly && !isDateComparison(n.op)) {
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
