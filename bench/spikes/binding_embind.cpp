// Spike (issue 13): the JavaScript glue an embind binding brings, with the
// link options of wasm/CMakeLists.txt (compare binding_c.cpp).
#include <emscripten/bind.h>

#include <string>

struct Session {
    std::string call(const std::string& json) { return json; }
    emscripten::val bytes() const { return emscripten::val(emscripten::typed_memory_view(3, reinterpret_cast<const unsigned char*>("abc"))); }
};

EMSCRIPTEN_BINDINGS(spike) {
    emscripten::class_<Session>("Session").constructor<>().function("call", &Session::call).function("bytes", &Session::bytes);
}
