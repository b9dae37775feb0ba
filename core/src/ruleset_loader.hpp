// The ruleset loader (rules-format §2-5), shared by ruleset.cpp (the
// document, its header, authoring and the checks over the whole) and
// ruleset_items.cpp (questions, results, versions, criteria, amounts).
// Private to the core, like node.hpp.
#pragma once

#include <algorithm>
#include <functional>
#include <set>

#include "wegwijzer/ruleset.hpp"

namespace wegwijzer {

inline bool validId(const std::string& id) {
    if (id.empty() || id.size() > 64 || id.front() == '-' || id.back() == '-') return false;
    for (std::size_t i = 0; i < id.size(); ++i) {
        const char c = id[i];
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '-' && id[i - 1] != '-');
        if (!ok) return false;
    }
    return id.front() >= 'a' && id.front() <= 'z';
}

// A lower-case host name: dot-separated labels of letters a-z, digits and
// hyphens, each label non-empty and not starting or ending with a hyphen.
inline bool validHost(const std::string& host) {
    std::size_t start = 0;
    while (true) {
        const std::size_t end = std::min(host.find('.', start), host.size());
        if (end == start || host[start] == '-' || host[end - 1] == '-') return false;
        for (std::size_t i = start; i < end; ++i) {
            const char c = host[i];
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
        }
        if (end == host.size()) return true;
        start = end + 1;
    }
}

inline bool validUrl(const std::string& url) {
    return url.rfind("https://", 0) == 0 && url.size() > 8 &&
           url.find_first_of(" \t\r\n\"<>") == std::string::npos;
}

// Reads one JSON object, member by member, remembering the place of each
// problem. Members not in the allowed list are reported (catches typos).
class ObjectReader {
public:
    ObjectReader(const Json& j, std::string pointer, Problems& problems, std::initializer_list<const char*> allowed)
        : json_(j), pointer_(std::move(pointer)), problems_(problems) {
        if (!j.is_object()) {
            report(pointer_, "must be an object");
            return;
        }
        for (auto it = j.begin(); it != j.end(); ++it) {
            const bool known = std::any_of(allowed.begin(), allowed.end(),
                                           [&](const char* name) { return it.key() == name; });
            if (!known) report(pointerAppend(pointer_, it.key()), "unknown member \"" + it.key() + "\"");
        }
    }

    bool ok() const { return json_.is_object(); }
    const std::string& pointer() const { return pointer_; }
    std::string at(const char* key) const { return pointerAppend(pointer_, key); }

    const Json* get(const char* key, bool required) {
        if (!json_.is_object()) return nullptr;
        auto it = json_.find(key);
        if (it == json_.end()) {
            if (required) report(pointer_, std::string("missing member \"") + key + "\"");
            return nullptr;
        }
        return &*it;
    }

    std::string string(const char* key, bool required = true) {
        const Json* j = get(key, required);
        if (j == nullptr) return {};
        if (!j->is_string() || j->get_ref<const std::string&>().empty()) {
            report(at(key), "must be a non-empty string");
            return {};
        }
        return j->get<std::string>();
    }

    std::string id(const char* key = "id") {
        std::string value = string(key);
        if (!value.empty() && !validId(value)) {
            report(at(key), "\"" + value + "\" is not a valid id (lower-case letters, digits and single hyphens, "
                            "starting with a letter, at most 64 characters)");
        }
        return value;
    }

    std::string url(const char* key) {
        std::string value = string(key);
        if (!value.empty() && !validUrl(value)) report(at(key), "must be an https:// URL");
        return value;
    }

    std::optional<Date> date(const char* key, bool required = true) {
        std::string value = string(key, required);
        if (value.empty()) return std::nullopt;
        auto d = Date::parse(value);
        if (!d) report(at(key), "\"" + value + "\" is not a date of the form YYYY-MM-DD");
        return d;
    }

    std::optional<double> number(const char* key, bool required = true) {
        const Json* j = get(key, required);
        if (j == nullptr) return std::nullopt;
        if (!j->is_number()) {
            report(at(key), "must be a number");
            return std::nullopt;
        }
        return j->get<double>();
    }

    const Json* array(const char* key, bool required = true) {
        const Json* j = get(key, required);
        if (j != nullptr && !j->is_array()) {
            report(at(key), "must be an array");
            return nullptr;
        }
        return j;
    }

    void report(const std::string& pointer, std::string message) {
        problems_.push_back({pointer, std::move(message)});
    }

private:
    const Json& json_;
    std::string pointer_;
    Problems& problems_;
};

inline bool validPillar(const std::string& p) { return p == "geld" || p == "tijd" || p == "begeleiding"; }

// Reads a ruleset document into `rs`, reporting every problem with its
// pointer into `problems` (load() is the entry).
struct RulesetLoader {
    Ruleset& rs;
    Problems& problems;
    std::shared_ptr<const Json> document;  // what is loaded, when kept: expressions share it (CompileOptions)

    void report(const std::string& pointer, std::string message);
    Text text(ObjectReader& r, const char* key, bool required = true);
    Expression expression(ObjectReader& r, const char* key, bool required, StaticType expected, const char* role);
    template <typename Item>
    void uniqueIds(const std::vector<Item>& items, const std::vector<std::string>& pointers, const char* what) {
        std::set<std::string> seen;
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (!items[i].id.empty() && !seen.insert(items[i].id).second) {
                report(pointers[i], std::string("duplicate ") + what + " id \"" + items[i].id + "\"");
            }
        }
    }
    void header(ObjectReader& r);
    // "authoring": how lint checks the texts and sources (never read by evaluation).
    void authoring(ObjectReader& top);
    // "explained": locale -> non-empty array of non-empty phrases, for every locale.
    void explanations(ObjectReader& t, Term& term);
    std::int64_t wordLimit(ObjectReader& r, const char* key, std::int64_t fallback);
    // Pass 1: the questions' own members, so that expressions can name any question.
    void questionShapes(const Json& list, const std::string& pointer, std::vector<const Json*>& askIfs);
    void readOptions(Question& q, const Json& options, const std::string& pointer);
    // "weights": how common each answer is: option value (or "true" and
    // "false") -> a positive number; answers not listed weigh 1.
    void readWeights(Question& q, const Json& weights, const std::string& pointer);
    void declareVariables();
    // Pass 2: askIf expressions, then an order in which to settle them.
    void askIfs(const std::vector<const Json*>& askIfs);
    void orderAskIfs();
    void results(const Json& list, const std::string& pointer);
    Version version(const Json& j, const std::string& pointer);
    Criterion criterion(const Json& j, const std::string& pointer);
    Amount amount(const Json& j, const std::string& pointer);
    void checkOverlaps(const Result& res);
    void load(const Json& doc);
    // The goal question (rules-format §3.1): at most one, a choice asked of
    // everyone, and read by no rule: what a person wants to know never
    // changes what they are entitled to.
    void goalQuestion();
    void collectThresholds();
    // The limits on work (rules-format §5.7): a ruleset whose evaluation or
    // next-question planning could take long is refused before it is signed
    // or used. Each is far above what the real rules need (the test
    // Limits.TheRealRulesetIsFarBelowEveryLimit prints how far).
    void checkLimits();
    static std::string stepCount(std::uint64_t n);
};

}  // namespace wegwijzer
