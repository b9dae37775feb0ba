#include "wegwijzer/answers.hpp"

namespace wegwijzer {

namespace {

std::string rangeOf(const Question& q) {
    return Value::number(q.min).toJson().dump() + " to " + Value::number(q.max).toJson().dump();
}

}  // namespace

CheckedAnswer checkAnswer(const Question& q, const Json& a) {
    CheckedAnswer out;
    if (a.is_null()) return out;
    switch (q.type) {
        case QuestionType::Choice: {
            if (!a.is_string()) break;
            const std::string& s = a.get_ref<const std::string&>();
            for (const Option& o : q.options) {
                if (o.value == s) {
                    out.value = Value::borrowedString(o.value);
                    return out;
                }
            }
            std::string allowed;  // only for the message: valid answers are the hot path
            for (const Option& o : q.options) allowed += (allowed.empty() ? "" : ", ") + o.value;
            out.refusal = "\"" + s + "\" is not one of its options (" + allowed + ")";
            return out;
        }
        case QuestionType::Boolean:
            if (!a.is_boolean()) break;
            out.value = Value::boolean(a.get<bool>());
            return out;
        case QuestionType::Number: {
            if (!a.is_number()) break;
            const double n = a.get<double>();
            if (n >= q.min && n <= q.max) {
                out.value = Value::number(n);
            } else {
                out.refusal = a.dump() + " is outside its range (" + rangeOf(q) + ")";
            }
            return out;
        }
        case QuestionType::Date:
            if (a.is_string() && Date::parse(a.get_ref<const std::string&>())) {
                out.value = Value::ownedString(a.get<std::string>());
            } else {
                out.refusal = a.dump() + " is not a date of the form YYYY-MM-DD";
            }
            return out;
    }
    out.refusal = std::string("expected ") +
                  (q.type == QuestionType::Choice ? "one of its options as a string" : std::string("a ") + questionTypeName(q.type)) +
                  ", got " + a.dump();
    return out;
}

bool isDontKnow(const Json& a) {
    if (!a.is_object() || a.size() != 1) return false;
    auto it = a.find("unknown");
    return it != a.end() && it->is_boolean() && it->get<bool>();
}

Answers Answers::read(const Ruleset& rs, const Json& answers, Problems& problems) {
    Answers out;
    out.given.assign(rs.slotCount(), Value::unknown());
    out.declined.assign(rs.slotCount(), false);
    if (!answers.is_object()) {
        problems.push_back({"", "answers must be a JSON object of question id to answer"});
        return out;
    }
    for (auto it = answers.begin(); it != answers.end(); ++it) {
        const Question* q = rs.question(it.key());
        if (q == nullptr) {
            problems.push_back({pointerAppend("", it.key()), "\"" + it.key() + "\" is not a question of this ruleset"});
            continue;
        }
        const auto slot = static_cast<std::size_t>(q->slot);
        if (isDontKnow(*it)) {
            out.declined[slot] = true;
            continue;
        }
        CheckedAnswer checked = checkAnswer(*q, *it);
        if (!checked.valid()) {
            problems.push_back({pointerAppend("", q->id), "answer to \"" + q->id + "\": " + checked.refusal});
        }
        out.given[slot] = std::move(checked.value);
    }
    return out;
}

}  // namespace wegwijzer
