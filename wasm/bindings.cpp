// The WebAssembly binding: a thin embind layer over the core. Bytes in and
// out as bytes (views into the module's memory), the rest as JSON built by
// core/src/output.cpp; errors are values ({"error": ...}); no C++ exception
// crosses it. A Session (session.hpp) holds one accepted ruleset: prepare a
// bundle, check its signatures with WebCrypto, accept it, then describe,
// status, evaluate, courseView. wegwijzer.d.ts states the contract
// (tests/wasm/contract.test.mjs); test_bindings.cpp adds the Node build's
// test entry points.

#include "session.hpp"

namespace wegwijzer {

std::string errorJson(const std::string& message) { return Json{{"error", message}}.dump(); }

std::optional<Json> parseArgument(const std::string& text, std::string& error) {
    JsonResult r = parseJson(text);
    if (!r.value) error = r.problem.message;
    return r.value;
}

namespace {

// A Uint8Array's bytes in one copy (embind's std::string conversion copies
// byte by byte in JavaScript), or a string's UTF-8.
std::string bytesOf(const emscripten::val& v) {
    if (v.isString()) return v.as<std::string>();
    std::string out(v["length"].as<std::size_t>(), '\0');
    emscripten::val(emscripten::typed_memory_view(out.size(), reinterpret_cast<unsigned char*>(out.data())))
        .call<void>("set", v);
    return out;
}

// The answers and the date of an evaluation, read once for every method.
struct Request {
    std::optional<Json> json;
    std::optional<Date> date;
    std::string error;
};
Request request(const Session& s, const std::string& json, const std::string& date, const char* what) {
    Request r;
    if (!s.ruleset()) {
        r.error = errorJson("no ruleset is loaded");
    } else if (!(r.json = parseArgument(json, r.error))) {
        r.error = errorJson(std::string(what) + " are not JSON: " + r.error);
    } else if (!(r.date = Date::parse(date))) {
        r.error = errorJson("the date must be YYYY-MM-DD");
    }
    return r;
}

}  // namespace

std::string Session::prepareBundle(const emscripten::val& bundle, const std::string& trustRoot, const std::string& policyJson) {
    LoadedTrustRoot root = parseTrustRoot(trustRoot);
    if (!root.root) return errorJson("the trust root is invalid: " + root.problems.front().message);
    std::string error;
    auto policy = parseTrustPolicy(policyJson, error);
    if (!policy) return errorJson(error);
    policy_ = *policy;
    root_ = *root.root;
    prepared_ = wegwijzer::prepareBundle(bytesOf(bundle), root_, policy_);
    if (prepared_.refusal) return toJson(*prepared_.refusal).dump();
    Json checks = Json::array();  // the key and signature bytes: publicKey(i), signature(i)
    for (const SignatureCheck& c : prepared_.checks) checks.push_back({{"keyid", c.keyid}});
    return Json{{"checks", checks}}.dump();
}

// valid: the platform's answer for each check, in order; messageDigest: the
// SHA-256 (lower-case hex) of message().
std::string Session::acceptBundle(const emscripten::val& valid, const std::string& messageDigest) {
    std::vector<bool> answers;
    const auto count = valid.isUndefined() || valid.isNull() ? 0u : valid["length"].as<unsigned>();
    for (unsigned i = 0; i < count && i <= prepared_.checks.size(); ++i) answers.push_back(valid[i].isTrue());
    BundleVerdict verdict = decideBundle(prepared_, answers, root_, policy_, messageDigest);
    if (verdict.accepted()) ruleset_ = verdict.ruleset;
    return toJson(verdict).dump();
}

namespace {

// Bytes as a view into the module's memory, valid until the next call (copy
// it: .slice()). No base64 and no JSON on the way to WebCrypto.
emscripten::val view(const std::string& bytes) {
    return emscripten::val(emscripten::typed_memory_view(bytes.size(), reinterpret_cast<const unsigned char*>(bytes.data())));
}

}  // namespace

// After prepareBundle: the bytes every signature must cover (PAE), and each
// check's public key and signature (empty past the last check).
emscripten::val Session::message() const { return view(prepared_.message); }
emscripten::val Session::publicKey(std::size_t i) const {
    return i < prepared_.checks.size() ? view(prepared_.checks[i].publicKey) : view({});
}
emscripten::val Session::signature(std::size_t i) const {
    return i < prepared_.checks.size() ? view(prepared_.checks[i].signature) : view({});
}

std::string Session::describe(const std::string& locale) const {
    if (!ruleset_) return errorJson("no ruleset is loaded");
    return describeJson(*ruleset_, chooseLocale(*ruleset_, locale).locale).dump();
}

std::string Session::evaluate(const std::string& answersJson, const std::string& date, const std::string& locale) const {
    Request r = request(*this, answersJson, date, "the answers");
    if (!r.error.empty()) return r.error;
    return toJson(wegwijzer::evaluate(*ruleset_, *r.json, *r.date), *ruleset_, chooseLocale(*ruleset_, locale).locale).dump();
}

// The compact evaluation (statuses, amounts, next, progress; no texts).
std::string Session::status(const std::string& answersJson, const std::string& date) const {
    Request r = request(*this, answersJson, date, "the answers");
    if (!r.error.empty()) return r.error;
    return toStatusJson(wegwijzer::evaluate(*ruleset_, *r.json, *r.date)).dump();
}

std::string Session::courseView(const std::string& factsJson, const std::string& date, const std::string& locale) const {
    Request r = request(*this, factsJson, date, "the course facts");
    if (!r.error.empty()) return r.error;
    return toJson(wegwijzer::courseView(*ruleset_, *r.json, *r.date), *ruleset_, chooseLocale(*ruleset_, locale).locale).dump();
}

}  // namespace wegwijzer

EMSCRIPTEN_BINDINGS(wegwijzer) {
    using wegwijzer::Session;
    emscripten::class_<Session> session("Session");
    session.constructor<>()
        .function("prepareBundle", &Session::prepareBundle)
        .function("acceptBundle", &Session::acceptBundle)
        .function("message", &Session::message)
        .function("publicKey", &Session::publicKey)
        .function("signature", &Session::signature)
        .function("describe", &Session::describe)
        .function("evaluate", &Session::evaluate)
        .function("status", &Session::status)
        .function("courseView", &Session::courseView);
#ifdef WEGWIJZER_TEST_ENTRY_POINTS
    wegwijzer::registerTestEntryPoints(session);
#endif
}
