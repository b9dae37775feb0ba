#include "wegwijzer/problem.hpp"

#include <string>

namespace wegwijzer {

std::string pointerAppend(const std::string& pointer, const std::string& token) {
    std::string out = pointer;
    out += '/';
    for (char c : token) {
        if (c == '~') {
            out += "~0";
        } else if (c == '/') {
            out += "~1";
        } else {
            out += c;
        }
    }
    return out;
}

std::string pointerAppend(const std::string& pointer, std::size_t index) {
    return pointer + "/" + std::to_string(index);
}

}  // namespace wegwijzer
