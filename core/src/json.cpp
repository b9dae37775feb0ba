#include "wegwijzer/json.hpp"

#include <cmath>
#include <string>
#include <vector>

namespace wegwijzer {

namespace {

// A DOM builder for nlohmann's SAX interface that enforces our limits. It
// keeps a stack of open containers instead of recursing, so depth costs heap,
// not machine stack, and stops at the limit.
class StrictBuilder {
public:
    StrictBuilder(std::string_view text, const JsonLimits& limits) : text_(text), limits_(limits) {}

    bool null() { return put(Json(nullptr)); }
    bool boolean(bool v) { return put(Json(v)); }
    bool number_integer(Json::number_integer_t v) { return put(Json(v)); }
    bool number_unsigned(Json::number_unsigned_t v) { return put(Json(v)); }
    bool number_float(Json::number_float_t v, const std::string&) {
        if (!std::isfinite(v)) return fail(pathHere(), "number out of range");
        return put(Json(v));
    }
    bool string(std::string& v) { return put(Json(std::move(v))); }
    bool binary(Json::binary_t&) { return fail(pathHere(), "binary values are not JSON"); }

    bool start_object(std::size_t) { return open(Json::object()); }
    bool key(std::string& k) {
        // The object holds every member read so far: the member before this
        // one is in it, also when its value was a container.
        if (stack_.back().value.contains(k)) {
            duplicateKey_ = true;
            return fail(pointerAppend(pathOf(stack_.size() - 1), k), "duplicate key \"" + k + "\" in an object");
        }
        pendingKey_ = std::move(k);
        return true;
    }
    bool end_object() { return close(); }
    bool start_array(std::size_t) { return open(Json::array()); }
    bool end_array() { return close(); }

    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception&) {
        if (!failed_) {
            failed_ = true;
            problem_ = {"", syntaxMessage(position)};
        }
        return false;
    }

    bool failed() const { return failed_; }
    bool duplicateKey() const { return duplicateKey_; }
    const Problem& problem() const { return problem_; }
    Json take() { return std::move(root_); }

private:
    // An open container. Its path is worked out only for a problem: building
    // one for every container took about a tenth of the load of a bundle.
    struct Frame {
        Json value;
        std::string keyInParent;  // where the finished container goes when its parent is an object
    };

    // The path of open container `depth` (0: the outermost). A container goes
    // into its parent only when it closes, so in an array parent its index is
    // the parent's size now.
    std::string pathOf(std::size_t depth) const {
        std::string path;
        for (std::size_t i = 1; i <= depth; ++i) {
            const Json& parent = stack_[i - 1].value;
            path = parent.is_object() ? pointerAppend(path, stack_[i].keyInParent) : pointerAppend(path, parent.size());
        }
        return path;
    }

    std::string pathHere() const {
        if (stack_.empty()) return "";
        const Frame& f = stack_.back();
        const std::string path = pathOf(stack_.size() - 1);
        return f.value.is_object() ? pointerAppend(path, pendingKey_) : pointerAppend(path, f.value.size());
    }

    bool put(Json v, std::string key) {
        if (stack_.empty()) {
            root_ = std::move(v);
            return true;
        }
        Json& top = stack_.back().value;
        if (top.is_object()) {
            top.emplace(std::move(key), std::move(v));
        } else {
            top.push_back(std::move(v));
        }
        return true;
    }
    bool put(Json v) { return put(std::move(v), std::move(pendingKey_)); }

    bool open(Json container) {
        if (stack_.size() >= limits_.maxDepth) {
            return fail("", "nesting deeper than " + std::to_string(limits_.maxDepth) + " levels");
        }
        stack_.push_back(Frame{std::move(container), std::move(pendingKey_)});
        return true;
    }

    bool close() {
        Json v = std::move(stack_.back().value);
        std::string key = std::move(stack_.back().keyInParent);
        stack_.pop_back();
        return put(std::move(v), std::move(key));
    }

    bool fail(std::string path, std::string message) {
        failed_ = true;
        problem_ = {std::move(path), std::move(message)};
        return false;
    }

    std::string syntaxMessage(std::size_t position) const {
        // nlohmann reports the byte count read so far; turn it into line:column.
        std::size_t line = 1, column = 1;
        std::size_t end = position == 0 ? 0 : position - 1;
        if (end > text_.size()) end = text_.size();
        for (std::size_t i = 0; i < end; ++i) {
            if (text_[i] == '\n') {
                ++line;
                column = 1;
            } else {
                ++column;
            }
        }
        if (position > text_.size()) return "the JSON text ends too early (truncated?)";
        return "invalid JSON at line " + std::to_string(line) + ", column " + std::to_string(column);
    }

    std::string_view text_;
    JsonLimits limits_;
    std::vector<Frame> stack_;
    std::string pendingKey_;
    Json root_;
    bool failed_ = false;
    bool duplicateKey_ = false;
    Problem problem_;
};

}  // namespace

JsonResult parseJson(std::string_view text, const JsonLimits& limits) {
    JsonResult result;
    if (text.size() > limits.maxBytes) {
        result.problem = {"", "the document is " + std::to_string(text.size()) + " bytes, more than the limit of " +
                                  std::to_string(limits.maxBytes)};
        return result;
    }
    // nlohmann's reader takes a NUL byte for the end of the input: whatever
    // follows it would be signed or hashed but never read (reliability review
    // D2). JSON never holds a raw NUL (in a string it must be escaped).
    if (const std::size_t nul = text.find('\0'); nul != std::string_view::npos) {
        result.problem = {"", "the document has a NUL byte at byte " + std::to_string(nul) +
                                  "; JSON text never contains one"};
        return result;
    }
    StrictBuilder builder(text, limits);
    bool ok = Json::sax_parse(text.begin(), text.end(), &builder, nlohmann::detail::input_format_t::json, true);
    if (!ok || builder.failed()) {
        result.problem = builder.failed() ? builder.problem() : Problem{"", "invalid JSON"};
        result.duplicateKey = builder.duplicateKey();
        return result;
    }
    result.value = builder.take();
    return result;
}

std::string stringMember(const Json& j, const char* key) {
    if (!j.is_object()) return {};
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool isIntegral(const Json& j) {
    if (j.is_number_integer()) {
        // A 64-bit integer beyond 2^53 does not survive as a double (nor in JavaScript).
        if (j.is_number_unsigned()) return j.get<Json::number_unsigned_t>() <= (1ull << 53);
        auto v = j.get<Json::number_integer_t>();
        return v <= (1ll << 53) && v >= -(1ll << 53);
    }
    if (j.is_number_float()) {
        double d = j.get<double>();
        return std::isfinite(d) && std::floor(d) == d && std::fabs(d) <= 9007199254740992.0;
    }
    return false;
}

}  // namespace wegwijzer
