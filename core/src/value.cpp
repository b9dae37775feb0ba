#include "wegwijzer/value.hpp"

#include <cmath>

#include "semantics.hpp"

namespace wegwijzer {

Value Value::unknown() {
    Value v;
    v.kind_ = Kind::Unknown;
    return v;
}

Value Value::boolean(bool b) {
    Value v;
    v.kind_ = Kind::Boolean;
    v.boolean_ = b;
    return v;
}

Value Value::number(double n) {
    Value v;
    v.kind_ = Kind::Number;
    v.number_ = n;
    return v;
}

Value Value::dateTime(Instant t) {
    Value v;
    v.kind_ = Kind::DateTime;
    v.time_ = t;
    return v;
}

Value Value::borrowedString(std::string_view s) {
    Value v;
    v.kind_ = Kind::String;
    v.text_ = s;
    return v;
}

Value Value::ownedString(std::string s) {
    Value v;
    v.kind_ = Kind::String;
    auto owned = std::make_shared<const std::string>(std::move(s));
    v.text_ = *owned;
    v.held_ = std::move(owned);
    return v;
}

Value Value::array(std::vector<Value> items) {
    Value v;
    v.kind_ = Kind::Array;
    v.held_ = std::make_shared<const std::vector<Value>>(std::move(items));
    return v;
}

Value Value::error(std::string path, std::string message) {
    Value v;
    v.kind_ = Kind::Error;
    v.held_ = std::make_shared<const Problem>(Problem{std::move(path), std::move(message)});
    return v;
}

Value Value::fromJson(const Json& j) {
    switch (j.type()) {
        case Json::value_t::boolean:
            return boolean(j.get<bool>());
        case Json::value_t::number_integer:
        case Json::value_t::number_unsigned:
        case Json::value_t::number_float:
            return number(j.get<double>());
        case Json::value_t::string:
            return borrowedString(j.get_ref<const std::string&>());
        case Json::value_t::array: {
            Value v;
            v.kind_ = Kind::Array;
            v.json_ = &j;
            return v;
        }
        case Json::value_t::object: {
            Value v;
            v.kind_ = Kind::Object;
            v.json_ = &j;
            return v;
        }
        default:
            return null();
    }
}

bool Value::isInteger() const {
    return kind_ == Kind::Number && semantics::isInteger(number_);
}

const Problem& Value::errorProblem() const {
    static const Problem kNone;
    return kind_ == Kind::Error && held_ ? *static_cast<const Problem*>(held_.get()) : kNone;
}

std::size_t Value::size() const {
    if (kind_ == Kind::Array) return json_ ? json_->size() : items().size();
    if (kind_ == Kind::Object) return json_->size();
    return 0;
}

Value Value::at(std::size_t index) const {
    if (kind_ != Kind::Array || index >= size()) return null();
    return json_ ? fromJson((*json_)[index]) : items()[index];
}

Value Value::member(std::string_view key) const {
    if (kind_ != Kind::Object) return null();
    auto it = json_->find(key);
    return it == json_->end() ? null() : fromJson(*it);
}

bool Value::isFalsy() const {
    switch (kind_) {
        case Kind::Null: return true;
        case Kind::Boolean: return !boolean_;
        case Kind::Number: return semantics::numberFalsy(number_);
        case Kind::String: return text_.empty();
        case Kind::Array:
        case Kind::Object: return size() == 0;
        default: return false;
    }
}

bool Value::isTruthy() const {
    switch (kind_) {
        case Kind::Boolean: return boolean_;
        case Kind::Number: return semantics::numberTruthy(number_);
        case Kind::String: return !text_.empty();
        case Kind::Array:
        case Kind::Object: return size() > 0;
        default: return false;
    }
}

bool strictEquals(const Value& a, const Value& b) {
    if (a.kind_ != b.kind_) return false;
    switch (a.kind_) {
        case Value::Kind::Null: return true;
        case Value::Kind::Boolean: return a.boolean_ == b.boolean_;
        case Value::Kind::Number: return a.number_ == b.number_;
        case Value::Kind::String: return a.text_ == b.text_;
        case Value::Kind::DateTime: return a.time_ == b.time_;
        default: return false;
    }
}

Json Value::toJson() const {
    switch (kind_) {
        case Kind::Boolean: return boolean_;
        case Kind::Number:
            if (isInteger()) return static_cast<std::int64_t>(number_);
            return number_;
        case Kind::String: return std::string(text_);
        case Kind::DateTime: return formatDateTime(time_);
        case Kind::Array: {
            if (json_) return *json_;
            Json out = Json::array();
            for (const Value& item : items()) out.push_back(item.toJson());
            return out;
        }
        case Kind::Object: return *json_;
        default: return nullptr;
    }
}

const char* kindName(Value::Kind kind) {
    switch (kind) {
        case Value::Kind::Null: return "null";
        case Value::Kind::Boolean: return "a boolean";
        case Value::Kind::Number: return "a number";
        case Value::Kind::String: return "a string";
        case Value::Kind::DateTime: return "a date-time";
        case Value::Kind::Array: return "an array";
        case Value::Kind::Object: return "an object";
        case Value::Kind::Unknown: return "unknown";
        case Value::Kind::Error: return "an error";
    }
    return "?";
}

}  // namespace wegwijzer
