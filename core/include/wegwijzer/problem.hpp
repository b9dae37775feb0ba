// Errors are values: a JSON Pointer to the offending place and a plain message.
#pragma once

#include <string>
#include <vector>

namespace wegwijzer {

struct Problem {
    std::string path;     // JSON Pointer (RFC 6901) into the document, "" = the whole document
    std::string message;  // plain English, one sentence, no jargon beyond the format's own words
};

using Problems = std::vector<Problem>;

// Appends a reference token to a JSON Pointer, escaping '~' and '/'.
std::string pointerAppend(const std::string& pointer, const std::string& token);
std::string pointerAppend(const std::string& pointer, std::size_t index);

}  // namespace wegwijzer
