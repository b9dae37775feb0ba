// Strict JSON reading on top of nlohmann/json: size and depth limits, duplicate
// object keys refused, and no exceptions (errors come back as a Problem).
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include <nlohmann/json.hpp>

#include "wegwijzer/problem.hpp"

namespace wegwijzer {

using Json = nlohmann::json;

struct JsonLimits {
    std::size_t maxBytes = 4u * 1024u * 1024u;  // whole document
    std::size_t maxDepth = 256;                 // nested arrays/objects
};

struct JsonResult {
    std::optional<Json> value;  // set when the document was read
    Problem problem;            // set when it was not
    bool duplicateKey = false;  // the problem is an object with the same key twice
};

// Parses `text` as one JSON document. Refuses: syntax errors (with line and
// column), documents over the size limit, nesting deeper than the limit,
// objects with the same key twice.
JsonResult parseJson(std::string_view text, const JsonLimits& limits = {});

// The string member `key` of an object, or "" when `j` is not an object or the
// member is absent or not a string (never throws, unlike Json::value).
std::string stringMember(const Json& j, const char* key);

// Returns true when `j` is a number with an integral value that a double holds exactly.
bool isIntegral(const Json& j);

}  // namespace wegwijzer
