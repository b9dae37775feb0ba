// Fuzz target: the expression compiler and evaluator.
//
// Input: the expression JSON on the first line, the data JSON on the rest
// (null when there is no rest or it is not JSON). A raw newline cannot occur
// inside a JSON string, so the split is unambiguous.
//
// The expression is compiled
//  - in data mode (CertLogic): both dialects, evaluated against the data,
//    an empty object and null;
//  - in rule mode (a scope as a ruleset has: number "a", boolean "b", choice
//    "c" with options x/y, date "d", free string "s", "$date", and any other
//    name read, typed after the data's member of that name), evaluated
//    with every slot unknown, with slots from the data (members of the right
//    kind) and with every slot known; then markOpenSlots, markReadSlots and
//    collectThresholds.
//
// Invariants: compile() returns a valid expression exactly when it reports
// no problem; what compiles as CertLogic compiles in the Wegwijzer dialect
// and, where CertLogic gives no error, gives the same value; data mode never
// gives Unknown; rule mode with every slot known never gives Unknown; a
// value's kind agrees with the static type (or is null/error/unknown); an
// Unknown result has at least one open slot to ask for.
#include <deque>
#include <initializer_list>
#include <vector>

#include "common.hpp"

using namespace wegwijzer;
using wegwijzer_fuzz::asText;
using wegwijzer_fuzz::dumped;

namespace {

// The variables of rule mode: a fixed set, plus any other name the
// expression reads (up to 32 in all), typed after the data's member of that
// name (a question id of the seeds' rulesets reads its case's answer).
class FuzzScope : public Scope {
public:
    void reset(const Json& data) {
        data_ = &data;
        variables_.clear();
        for (const Variable& v : std::initializer_list<Variable>{
                 {"a", 0, StaticType::Number, {}},
                 {"b", 1, StaticType::Boolean, {}},
                 {"c", 2, StaticType::String, {"x", "y"}},
                 {"d", 3, StaticType::Date, {}},
                 {"s", 4, StaticType::String, {}},
                 {kDateVariable, 5, StaticType::Date, {}}}) {
            variables_.push_back(v);
        }
    }
    const Variable* find(std::string_view name) const override {
        for (const Variable& v : variables_) {
            if (v.name == name) return &v;
        }
        if (variables_.size() >= 32 || name.empty()) return nullptr;
        Variable v;
        v.name = std::string(name);
        v.slot = static_cast<int>(variables_.size());
        v.type = typeOf(v.name);
        variables_.push_back(std::move(v));
        return &variables_.back();
    }
    const std::deque<Variable>& variables() const { return variables_; }

private:
    StaticType typeOf(const std::string& name) const {
        if (data_ != nullptr && data_->is_object()) {
            auto it = data_->find(name);
            if (it != data_->end()) {
                if (it->is_boolean()) return StaticType::Boolean;
                if (it->is_number()) return StaticType::Number;
                if (it->is_string()) {
                    return Date::parse(it->get_ref<const std::string&>()) ? StaticType::Date : StaticType::String;
                }
            }
        }
        switch (wegwijzer_fuzz::hashOf(name) % 3) {
            case 0: return StaticType::Number;
            case 1: return StaticType::Boolean;
            default: return StaticType::String;
        }
    }

    const Json* data_ = nullptr;
    mutable std::deque<Variable> variables_;  // stable addresses: compiled nodes point here
};

FuzzScope& scope() {
    static FuzzScope s;
    return s;
}

Value knownValue(const Variable& v) {
    switch (v.type) {
        case StaticType::Number: return Value::number(5);
        case StaticType::Boolean: return Value::boolean(true);
        case StaticType::Date: return Value::borrowedString(v.name == kDateVariable ? "2025-09-01" : "2025-01-01");
        case StaticType::String:
            // (borrowed: the option lives in the scope; a literal lives forever)
            return v.options.empty() ? Value::borrowedString("x") : Value::borrowedString(v.options.front());
        default: return Value::null();
    }
}

bool kindFits(StaticType type, Value::Kind kind) {
    if (kind == Value::Kind::Null || kind == Value::Kind::Error || kind == Value::Kind::Unknown) return true;
    switch (type) {
        case StaticType::Any: return true;
        case StaticType::Null: return false;
        case StaticType::Boolean: return kind == Value::Kind::Boolean;
        case StaticType::Number: return kind == Value::Kind::Number;
        case StaticType::String:
        case StaticType::Date: return kind == Value::Kind::String;
        case StaticType::DateTime: return kind == Value::Kind::DateTime;
        case StaticType::Array: return kind == Value::Kind::Array;
    }
    return true;
}

Expression compileChecked(const Json& expr, const CompileOptions& options) {
    Problems problems;
    Expression e = compile(expr, options, problems);
    WW_FUZZ_CHECK(e.valid() == problems.empty());
    if (e.valid()) {
        WW_FUZZ_CHECK(e.source() == expr);
    } else {
        dumped(toJson(problems));
    }
    return e;
}

void dataMode(const Json& expr, const Json& data) {
    CompileOptions certlogic;
    certlogic.dialect = Dialect::CertLogic;
    CompileOptions extended;
    extended.dialect = Dialect::Wegwijzer;
    Expression strict = compileChecked(expr, certlogic);
    Expression wide = compileChecked(expr, extended);
    if (strict.valid()) WW_FUZZ_CHECK(wide.valid());  // the dialect is a superset
    if (!wide.valid()) return;

    const Json empty = Json::object();
    for (const Json* context : {&data, &empty}) {
        Value w = wide.evaluate(*context);
        WW_FUZZ_CHECK(!w.isUnknown());
        dumped(w.toJson());
        if (w.isError()) dumped(toJson(Problems{w.errorProblem()}));
        if (!strict.valid()) continue;
        Value s = strict.evaluate(*context);
        WW_FUZZ_CHECK(!s.isUnknown());
        if (!s.isError()) {
            WW_FUZZ_CHECK(!w.isError());
            WW_FUZZ_CHECK(s.kind() == w.kind());
            WW_FUZZ_CHECK(s.toJson() == w.toJson());
        }
    }
}

void ruleMode(const Json& expr, const Json& data) {
    CompileOptions options;
    options.dialect = Dialect::Wegwijzer;
    options.scope = &scope();
    options.path = "/results/0/versions/0/criteria/0/test";
    scope().reset(data);
    Expression e = compileChecked(expr, options);
    if (!e.valid()) return;

    const auto& vars = scope().variables();
    const std::size_t n = vars.size();
    std::vector<bool> read(n, false);
    e.markReadSlots(read);
    std::vector<std::pair<int, double>> thresholds;
    e.collectThresholds(thresholds);
    for (const auto& t : thresholds) WW_FUZZ_CHECK(t.first >= 0 && static_cast<std::size_t>(t.first) < n);

    // Slots: all unknown; from the data where it has a value of the right kind; all known.
    std::vector<Value> unknown(n, Value::unknown());
    std::vector<Value> fromData = unknown;
    if (data.is_object()) {
        for (std::size_t i = 0; i < n; ++i) {
            auto it = data.find(vars[i].name);
            if (it == data.end()) continue;
            const bool fits = (vars[i].type == StaticType::Number && it->is_number()) ||
                              (vars[i].type == StaticType::Boolean && it->is_boolean()) ||
                              ((vars[i].type == StaticType::String || vars[i].type == StaticType::Date) &&
                               it->is_string()) ||
                              it->is_null();
            if (fits) fromData[i] = Value::fromJson(*it);
        }
    }
    std::vector<Value> known;
    for (const Variable& v : vars) known.push_back(knownValue(v));

    for (const std::vector<Value>* slots : {&unknown, &fromData, &known}) {
        Value v = e.evaluate(*slots);
        WW_FUZZ_CHECK(kindFits(e.type(), v.kind()));
        dumped(v.toJson());
        std::vector<bool> open(n, false);
        e.markOpenSlots(*slots, open);
        bool namesAnOpenSlot = false;
        for (std::size_t i = 0; i < n; ++i) {
            if (!open[i]) continue;
            namesAnOpenSlot = true;
            WW_FUZZ_CHECK((*slots)[i].isUnknown());  // only unknown slots are open
        }
        if (slots == &known) WW_FUZZ_CHECK(!v.isUnknown());
        // An unknown outcome must name a question to ask, or the interview
        // could never settle it.
        if (v.isUnknown()) WW_FUZZ_CHECK(namesAnOpenSlot);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
    const auto parts = wegwijzer_fuzz::splitFirstLine(asText(bytes, size));
    JsonResult expr = parseJson(parts.first, JsonLimits{1024 * 1024, 128});
    if (!expr.value) return 0;
    Json data = nullptr;
    if (!parts.second.empty()) {
        JsonResult parsed = parseJson(parts.second, JsonLimits{1024 * 1024, 128});
        if (parsed.value) data = std::move(*parsed.value);
    }
    dataMode(*expr.value, data);
    ruleMode(*expr.value, data);
    return 0;
}
