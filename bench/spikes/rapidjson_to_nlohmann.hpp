// Spike (issue 13): RapidJSON's SAX reader building nlohmann::json values,
// as core/src/json.cpp's StrictBuilder does from nlohmann's own reader
// (without its checks: duplicate keys, limits, paths).
#pragma once

#include <rapidjson/reader.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

using Json = nlohmann::json;

// Exact doubles (as strtod), and invalid UTF-8 refused.
constexpr unsigned kStrictFlags = rapidjson::kParseFullPrecisionFlag | rapidjson::kParseValidateEncodingFlag;

class RapidToNlohmann {
public:
    Json root;

    bool Null() { return put(nullptr); }
    bool Bool(bool b) { return put(b); }
    bool Int(int i) { return put(static_cast<Json::number_integer_t>(i)); }
    bool Uint(unsigned u) { return put(static_cast<Json::number_unsigned_t>(u)); }
    bool Int64(int64_t i) { return put(static_cast<Json::number_integer_t>(i)); }
    bool Uint64(uint64_t u) { return put(static_cast<Json::number_unsigned_t>(u)); }
    bool Double(double d) { return put(d); }
    bool RawNumber(const char*, rapidjson::SizeType, bool) { return false; }
    bool String(const char* s, rapidjson::SizeType n, bool) { return put(std::string(s, n)); }
    bool StartObject() { return open(Json::object()); }
    bool Key(const char* s, rapidjson::SizeType n, bool) { key_.assign(s, n); return true; }
    bool EndObject(rapidjson::SizeType) { stack_.pop_back(); return true; }
    bool StartArray() { return open(Json::array()); }
    bool EndArray(rapidjson::SizeType) { stack_.pop_back(); return true; }

private:
    std::vector<Json*> stack_;
    std::string key_;

    Json* place(Json&& v) {
        if (stack_.empty()) return &(root = std::move(v));
        Json& top = *stack_.back();
        if (top.is_array()) {
            auto& a = top.get_ref<Json::array_t&>();
            a.push_back(std::move(v));
            return &a.back();
        }
        return &top.get_ref<Json::object_t&>().emplace(std::move(key_), std::move(v)).first->second;
    }
    bool put(Json&& v) { place(std::move(v)); return true; }
    bool open(Json&& v) { stack_.push_back(place(std::move(v))); return true; }
};

inline Json readWithRapidJson(const std::string& text) {
    RapidToNlohmann h;
    rapidjson::Reader r;
    rapidjson::StringStream ss(text.c_str());
    if (!r.Parse<kStrictFlags>(ss, h)) return Json(Json::value_t::discarded);
    return std::move(h.root);
}
