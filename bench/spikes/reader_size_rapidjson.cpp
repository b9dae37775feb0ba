// Spike (issue 13): the same as reader_size_nlohmann.cpp, with RapidJSON's
// reader building the nlohmann::json values (nlohmann still writes).
#include <emscripten.h>

#include <string>

#include "rapidjson_to_nlohmann.hpp"

extern "C" EMSCRIPTEN_KEEPALIVE int readAndWrite(const char* text, int length) {
    Json j = readWithRapidJson(std::string(text, static_cast<std::size_t>(length)));
    return j.is_discarded() ? -1 : static_cast<int>(j.dump().size());
}
