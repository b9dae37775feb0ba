// The values an expression evaluates to.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "wegwijzer/date.hpp"
#include "wegwijzer/json.hpp"

namespace wegwijzer {

// A value is JSON-like, plus two kinds JSON does not have: a date-time (made
// only by plusTime/dccDateOfBirth) and `Unknown`, the value of a question not
// answered yet (three-valued logic). `Error` carries the message of a failed
// operation; errors are values, not exceptions.
class Value {
public:
    enum class Kind { Null, Boolean, Number, String, DateTime, Array, Object, Unknown, Error };

    Value() = default;
    static Value null() { return Value(); }
    static Value unknown();
    static Value boolean(bool b);
    static Value number(double n);
    static Value dateTime(Instant t);
    // A string that lives elsewhere (an expression literal, the data, an answer)
    // and outlives this value.
    static Value borrowedString(std::string_view s);
    static Value ownedString(std::string s);
    static Value array(std::vector<Value> items);
    static Value error(std::string path, std::string message);
    // Wraps a JSON value of the data context without copying it: scalars are
    // converted, arrays and objects are referred to (the JSON must outlive it).
    static Value fromJson(const Json& j);

    Kind kind() const { return kind_; }
    bool isNull() const { return kind_ == Kind::Null; }
    bool isUnknown() const { return kind_ == Kind::Unknown; }
    bool isError() const { return kind_ == Kind::Error; }
    bool isNumber() const { return kind_ == Kind::Number; }
    bool isInteger() const;
    bool isString() const { return kind_ == Kind::String; }

    bool asBoolean() const { return boolean_; }
    double asNumber() const { return number_; }
    Instant asDateTime() const { return time_; }
    std::string_view asString() const { return text_; }
    // The failed operation's place (JSON Pointer into the expression's document) and message.
    const Problem& errorProblem() const;

    // Arrays: size and element access, whether data-backed or built at run time.
    std::size_t size() const;
    Value at(std::size_t index) const;
    // Objects (data-backed only): member lookup; null when absent.
    Value member(std::string_view key) const;

    // CertLogic truthiness: some values are neither truthy nor falsy.
    bool isTruthy() const;
    bool isFalsy() const;

    // JavaScript `===` on JSON values (arrays and objects are never equal);
    // dates compare by instant.
    friend bool strictEquals(const Value& a, const Value& b);

    // Converts to JSON (date-times become ISO strings, integral numbers become JSON integers).
    Json toJson() const;

private:
    const std::vector<Value>& items() const { return *static_cast<const std::vector<Value>*>(held_.get()); }

    Kind kind_ = Kind::Null;
    bool boolean_ = false;
    union {
        double number_ = 0;
        Instant time_;
    };
    std::string_view text_;
    // What the value owns, by kind: the text of an owned string, the items of
    // an array built at run time, the Problem of an error. One pointer keeps
    // copying a value cheap.
    std::shared_ptr<const void> held_;
    const Json* json_ = nullptr;  // data-backed arrays and objects
};

const char* kindName(Value::Kind kind);

}  // namespace wegwijzer
