// The WebAssembly binding: a thin embind layer over the core. Bytes in as
// bytes, the signed message out as a view into the module's memory, JSON
// for the rest (built by core/src/output.cpp); errors are values
// ({"error": ...}); no C++ exception crosses it. wegwijzer.d.ts states what
// web/ may rely on (tests/wasm/contract.test.mjs).
//
// A Session (session.hpp) holds one accepted ruleset. The widget:
//   1. prepareBundle(bundleBytes, trustRootText, policyJson) -> the signature
//      checks to run with WebCrypto (or a refusal); message(), publicKey(i)
//      and signature(i) -> their bytes;
//   2. acceptBundle(answersJson) -> the core's verdict (threshold, id,
//      rollback, a reused version, expiry); on acceptance the session uses
//      that ruleset;
//   3. describe / status / evaluate / courseView on the accepted ruleset.
// The Node build adds the test entry points of test_bindings.cpp.

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

std::string refusalJson(const Refusal& r) {
    return Json{{"accepted", false}, {"refusal", {{"code", r.code}, {"message", r.message}}}}.dump();
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
    if (prepared_.refusal) return refusalJson(*prepared_.refusal);
    Json checks = Json::array();  // the key and signature bytes: publicKey(i), signature(i)
    for (const SignatureCheck& c : prepared_.checks) checks.push_back({{"keyid", c.keyid}});
    return Json{{"checks", checks}}.dump();
}

// answersJson: the platform's answers, one per check, and the SHA-256 (hex)
// of message(): {"valid": [true, ...], "messageDigest": "..."}.
std::string Session::acceptBundle(const std::string& answersJson) {
    std::string error;
    auto answers = parseArgument(answersJson, error);
    std::vector<bool> results;
    std::string digest;
    if (answers && answers->is_object()) {
        const Json& valid = answers->contains("valid") ? (*answers)["valid"] : Json();
        if (valid.is_array()) {
            for (const Json& v : valid) results.push_back(v.is_boolean() && v.get<bool>());
        }
        digest = stringMember(*answers, "messageDigest");
    }
    BundleVerdict verdict = decideBundle(prepared_, results, root_, policy_, digest);
    if (!verdict.accepted()) return refusalJson(*verdict.refusal);
    ruleset_ = verdict.ruleset;
    Json out = summaryJson(*ruleset_);
    out["accepted"] = true;
    out["signers"] = verdict.signers;
    out["warnings"] = verdict.warnings;
    out["expired"] = verdict.expired;
    out["stale"] = verdict.stale;
    return out.dump();
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
