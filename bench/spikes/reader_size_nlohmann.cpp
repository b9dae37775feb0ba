// Spike (issue 13): the code a wasm build carries to read JSON with
// nlohmann/json and write it back (compare reader_size_rapidjson.cpp).
#include <emscripten.h>

#include <nlohmann/json.hpp>

using Json = nlohmann::json;

extern "C" EMSCRIPTEN_KEEPALIVE int readAndWrite(const char* text, int length) {
    Json j = Json::parse(text, text + length, nullptr, false);
    return j.is_discarded() ? -1 : static_cast<int>(j.dump().size());
}
