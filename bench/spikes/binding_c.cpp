// Spike (issue 13): the same calls as plain exported C functions: pointers
// and lengths, the strings copied by the caller (compare binding_embind.cpp).
#include <emscripten.h>

#include <string>

struct Session {
    std::string out;
};

extern "C" {
EMSCRIPTEN_KEEPALIVE Session* session_new() { return new Session(); }
EMSCRIPTEN_KEEPALIVE void session_delete(Session* s) { delete s; }
EMSCRIPTEN_KEEPALIVE const char* session_call(Session* s, const char* json, int length) {
    s->out.assign(json, static_cast<std::size_t>(length));
    return s->out.c_str();
}
EMSCRIPTEN_KEEPALIVE int session_length(const Session* s) { return static_cast<int>(s->out.size()); }
}
