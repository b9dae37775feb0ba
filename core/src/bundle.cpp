#include "wegwijzer/bundle.hpp"

#include <algorithm>
#include <set>
#include <tuple>

#include "wegwijzer/json.hpp"

namespace wegwijzer {

namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

// Each byte's sextet, or -1 for a byte outside the alphabet: one table look-up
// per character (the payload is about 220 000 characters).
struct SextetTable {
    signed char of[256];
    constexpr SextetTable() : of() {
        for (int c = 0; c < 256; ++c) of[c] = -1;
        for (int k = 0; k < 64; ++k) of[static_cast<unsigned char>(kAlphabet[k])] = static_cast<signed char>(k);
    }
};
constexpr SextetTable kSextets;

bool isLowerHex(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

Refusal refuse(const char* code, std::string message) { return Refusal{code, std::move(message)}; }

}  // namespace

std::string base64Encode(std::string_view bytes) {
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        const unsigned v = (static_cast<unsigned char>(bytes[i]) << 16) | (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                           static_cast<unsigned char>(bytes[i + 2]);
        out += kAlphabet[(v >> 18) & 63];
        out += kAlphabet[(v >> 12) & 63];
        out += kAlphabet[(v >> 6) & 63];
        out += kAlphabet[v & 63];
    }
    const std::size_t rest = bytes.size() - i;
    if (rest > 0) {
        unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
        if (rest == 2) v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
        out += kAlphabet[(v >> 18) & 63];
        out += kAlphabet[(v >> 12) & 63];
        out += rest == 2 ? kAlphabet[(v >> 6) & 63] : '=';
        out += '=';
    }
    return out;
}

std::optional<std::string> base64DecodeCanonical(std::string_view text) {
    if (text.size() % 4 != 0) return std::nullopt;
    std::size_t pad = 0;
    if (!text.empty() && text.back() == '=') pad = text[text.size() - 2] == '=' ? 2 : 1;
    std::string out(text.size() / 4 * 3 - pad, '\0');
    // Raw pointers in the loop: in the size-optimised wasm build the string's
    // accessors are calls, and this loop runs about 55 000 times per bundle.
    const unsigned char* in = reinterpret_cast<const unsigned char*>(text.data());
    const signed char* sextet = kSextets.of;
    char* o = out.data();
    const std::size_t full = pad == 0 ? text.size() : text.size() - 4;  // groups without padding
    for (std::size_t i = 0; i < full; i += 4, o += 3) {
        const int a = sextet[in[i]], b = sextet[in[i + 1]], c = sextet[in[i + 2]], d = sextet[in[i + 3]];
        if ((a | b | c | d) < 0) return std::nullopt;  // outside the alphabet, or '=' before the end
        const unsigned v = (static_cast<unsigned>(a) << 18) | (static_cast<unsigned>(b) << 12) |
                           (static_cast<unsigned>(c) << 6) | static_cast<unsigned>(d);
        o[0] = static_cast<char>((v >> 16) & 0xff);
        o[1] = static_cast<char>((v >> 8) & 0xff);
        o[2] = static_cast<char>(v & 0xff);
    }
    if (pad == 0) return out;
    // The last group: "xx==" (one byte) or "xxx=" (two bytes).
    const std::size_t i = full;
    const int a = sextet[in[i]], b = sextet[in[i + 1]], c = pad == 2 ? 0 : sextet[in[i + 2]];
    if ((a | b | c) < 0) return std::nullopt;
    const unsigned v = (static_cast<unsigned>(a) << 18) | (static_cast<unsigned>(b) << 12) | (static_cast<unsigned>(c) << 6);
    // Canonical: the bits that padding leaves unused must be zero.
    if ((pad == 1 && (v & 0xff) != 0) || (pad == 2 && (v & 0xffff) != 0)) return std::nullopt;
    o[0] = static_cast<char>((v >> 16) & 0xff);
    if (pad == 1) o[1] = static_cast<char>((v >> 8) & 0xff);
    return out;
}

std::string preAuthEncoding(std::string_view payloadType, std::string_view payload) {
    std::string out = "DSSEv1 ";
    out += std::to_string(payloadType.size());
    out += ' ';
    out += payloadType;
    out += ' ';
    out += std::to_string(payload.size());
    out += ' ';
    out += payload;
    return out;
}

std::string envelopeToJson(const Envelope& envelope) {
    // Members in a fixed order, one signature per line: diff-friendly and stable.
    std::string out = "{\n  \"payloadType\": " + Json(envelope.payloadType).dump() + ",\n  \"payload\": \"" +
                      base64Encode(envelope.payload) + "\",\n  \"signatures\": [";
    for (std::size_t i = 0; i < envelope.signatures.size(); ++i) {
        out += i == 0 ? "\n" : ",\n";
        out += "    {\"keyid\": " + Json(envelope.signatures[i].keyid).dump() + ", \"sig\": \"" +
               base64Encode(envelope.signatures[i].sig) + "\"}";
    }
    out += "\n  ]\n}\n";
    return out;
}

const TrustedKey* TrustRoot::key(std::string_view keyid) const {
    for (const TrustedKey& k : keys) {
        if (k.keyid == keyid) return &k;
    }
    return nullptr;
}

bool isWeakEd25519PublicKey(std::string_view publicKey) {
    if (publicKey.size() != 32) return true;
    // y: the low 255 bits, little-endian; the top bit is the sign of x.
    unsigned char y[32];
    std::copy(publicKey.begin(), publicKey.end(), y);
    y[31] &= 0x7f;
    // Non-canonical: y >= p = 2^255 - 19 (ed ff .. ff 7f, little-endian).
    bool atLeastP = y[0] >= 0xed && y[31] == 0x7f;
    for (int i = 1; i < 31 && atLeastP; ++i) atLeastP = y[i] == 0xff;
    if (atLeastP) return true;
    // The y of every point of small order: 1 (the identity), p - 1 (order 2),
    // 0 (the two of order 4) and the two y of the four points of order 8
    // (x^2 follows from y; the sign bit picks x or -x, both small order).
    static const char* const kSmallOrderY[] = {
        "0000000000000000000000000000000000000000000000000000000000000000",
        "0100000000000000000000000000000000000000000000000000000000000000",
        "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
        "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
    };
    auto nibble = [](char c) { return c <= '9' ? c - '0' : c - 'a' + 10; };
    for (const char* hex : kSmallOrderY) {
        bool same = true;
        for (int i = 0; i < 32 && same; ++i) same = y[i] == ((nibble(hex[2 * i]) << 4) | nibble(hex[2 * i + 1]));
        if (same) return true;
    }
    return false;
}

LoadedTrustRoot parseTrustRoot(std::string_view text) {
    LoadedTrustRoot out;
    auto report = [&](std::string path, std::string message) { out.problems.push_back({std::move(path), std::move(message)}); };
    JsonResult parsed = parseJson(text, JsonLimits{1024 * 1024, 16});
    if (!parsed.value) {
        out.problems.push_back(parsed.problem);
        return out;
    }
    const Json& doc = *parsed.value;
    if (!doc.is_object()) {
        report("", "a trust root is a JSON object");
        return out;
    }
    for (auto it = doc.begin(); it != doc.end(); ++it) {
        if (it.key() != "format" && it.key() != "threshold" && it.key() != "keys" && it.key() != "$comment") {
            report(pointerAppend("", it.key()), "unknown member \"" + it.key() + "\"");
        }
    }
    if (stringMember(doc, "format") != kTrustRootFormat) report("/format", std::string("must be \"") + kTrustRootFormat + "\"");
    TrustRoot root;
    auto threshold = doc.find("threshold");
    if (threshold == doc.end() || !threshold->is_number_integer() || threshold->get<std::int64_t>() < 1 ||
        threshold->get<std::int64_t>() > 16) {
        report("/threshold", "must be an integer from 1 to 16");
    } else {
        root.threshold = static_cast<int>(threshold->get<std::int64_t>());
    }
    auto keys = doc.find("keys");
    if (keys == doc.end() || !keys->is_array() || keys->empty()) {
        report("/keys", "must be a non-empty array of keys");
    } else {
        for (std::size_t i = 0; i < keys->size(); ++i) {
            const Json& k = (*keys)[i];
            const std::string p = pointerAppend("/keys", i);
            if (!k.is_object()) {
                report(p, "a key is an object");
                continue;
            }
            for (auto it = k.begin(); it != k.end(); ++it) {
                static const char* kAllowed[] = {"keyid", "publicKey", "owner", "validFrom", "validUntil"};
                if (std::none_of(std::begin(kAllowed), std::end(kAllowed), [&](const char* a) { return it.key() == a; })) {
                    report(pointerAppend(p, it.key()), "unknown member \"" + it.key() + "\"");
                }
            }
            TrustedKey key;
            key.keyid = stringMember(k, "keyid");
            key.owner = stringMember(k, "owner");
            auto raw = base64DecodeCanonical(stringMember(k, "publicKey"));
            if (!isLowerHex(key.keyid)) report(pointerAppend(p, "keyid"), "must be a lower-case hexadecimal key id");
            if (!raw || raw->size() != 32) {
                report(pointerAppend(p, "publicKey"), "must be the canonical base64 of a 32-byte Ed25519 public key");
            } else if (isWeakEd25519PublicKey(*raw)) {
                report(pointerAppend(p, "publicKey"), "is a weak Ed25519 key (a point of small order, or not in canonical "
                                                      "form): anyone could make signatures it accepts; make a new key");
            } else {
                key.publicKey = *raw;
                for (const TrustedKey& other : root.keys) {
                    if (other.publicKey == key.publicKey) {
                        report(pointerAppend(p, "publicKey"), "is the same public key as key " + other.keyid +
                                                                  ": a key counts once toward the threshold, so list it once");
                    }
                }
            }
            if (key.owner.empty()) report(pointerAppend(p, "owner"), "must name the key's owner");
            for (const char* bound : {"validFrom", "validUntil"}) {
                if (!k.contains(bound)) continue;
                auto d = k[bound].is_string() ? Date::parse(k[bound].get<std::string>()) : std::nullopt;
                if (!d) report(pointerAppend(p, bound), "must be a date of the form YYYY-MM-DD");
                (std::string(bound) == "validFrom" ? key.validFrom : key.validUntil) = d;
            }
            if (key.validFrom && key.validUntil && *key.validUntil < *key.validFrom) {
                report(pointerAppend(p, "validUntil"), "is before validFrom: the key would never be valid");
            }
            if (root.key(key.keyid) != nullptr) report(pointerAppend(p, "keyid"), "duplicate key id " + key.keyid);
            root.keys.push_back(std::move(key));
        }
    }
    if (out.problems.empty() && static_cast<std::size_t>(root.threshold) > root.keys.size()) {
        report("/threshold", "is higher than the number of keys");
    }
    if (out.problems.empty()) out.root = std::move(root);
    return out;
}

std::string trustRootToJson(const TrustRoot& root) {
    Json keys = Json::array();
    for (const TrustedKey& k : root.keys) {
        Json j = {{"keyid", k.keyid}, {"owner", k.owner}, {"publicKey", base64Encode(k.publicKey)}};
        if (k.validFrom) j["validFrom"] = k.validFrom->toString();
        if (k.validUntil) j["validUntil"] = k.validUntil->toString();
        keys.push_back(j);
    }
    Json doc = {{"format", kTrustRootFormat}, {"threshold", root.threshold}, {"keys", keys}};
    return doc.dump(2) + "\n";
}

namespace {

// Reads the envelope's JSON strictly: exactly the DSSE members, canonical base64.
std::optional<Refusal> readEnvelope(const Json& doc, Envelope& env) {
    auto bad = [](std::string message) { return refuse(refusal::kBadEnvelope, std::move(message)); };
    if (!doc.is_object()) return bad("a bundle is a JSON object");
    for (auto it = doc.begin(); it != doc.end(); ++it) {
        if (it.key() != "payloadType" && it.key() != "payload" && it.key() != "signatures") {
            return bad("unknown member \"" + it.key() + "\" in the envelope");
        }
    }
    auto type = doc.find("payloadType");
    auto payload = doc.find("payload");
    auto signatures = doc.find("signatures");
    if (type == doc.end() || !type->is_string()) return bad("the envelope has no \"payloadType\" string");
    if (payload == doc.end() || !payload->is_string()) return bad("the envelope has no \"payload\" string");
    if (signatures == doc.end() || !signatures->is_array() || signatures->empty()) {
        return bad("the envelope has no signatures");
    }
    if (signatures->size() > 16) return bad("the envelope has more than 16 signatures");
    env.payloadType = type->get<std::string>();
    auto decoded = base64DecodeCanonical(payload->get_ref<const std::string&>());
    if (!decoded) return refuse(refusal::kNonCanonicalBase64, "the payload is not canonical base64");
    env.payload = std::move(*decoded);
    for (const Json& s : *signatures) {
        if (!s.is_object() || s.size() != 2 || !s.contains("keyid") || !s.contains("sig") || !s["keyid"].is_string() ||
            !s["sig"].is_string()) {
            return bad("a signature is an object with exactly \"keyid\" and \"sig\" strings");
        }
        auto sig = base64DecodeCanonical(s["sig"].get_ref<const std::string&>());
        if (!sig) return refuse(refusal::kNonCanonicalBase64, "a signature is not canonical base64");
        env.signatures.push_back({s["keyid"].get<std::string>(), std::move(*sig)});
    }
    if (env.payloadType != kRulesetPayloadType) {
        return refuse(refusal::kWrongPayloadType, "the payload type is \"" + env.payloadType + "\", not \"" +
                                                      kRulesetPayloadType + "\"");
    }
    return std::nullopt;
}

}  // namespace

std::optional<TrustPolicy> parseTrustPolicy(std::string_view text, std::string& error) {
    JsonResult parsed = parseJson(text, JsonLimits{64 * 1024, 4});
    if (!parsed.value || !parsed.value->is_object()) {
        error = "the policy is not a JSON object" + (parsed.value ? std::string() : ": " + parsed.problem.message);
        return std::nullopt;
    }
    const Json& j = *parsed.value;
    auto today = Date::parse(stringMember(j, "today"));
    if (!today) {
        error = "the policy needs \"today\" as YYYY-MM-DD";
        return std::nullopt;
    }
    TrustPolicy policy;
    policy.today = *today;
    policy.rulesetId = stringMember(j, "rulesetId");
    policy.minVersionDigest = stringMember(j, "minVersionDigest");
    if (j.contains("minVersion") && j["minVersion"].is_number_integer()) policy.minVersion = j["minVersion"].get<std::int64_t>();
    for (auto [key, days, least] : {std::tuple{"graceDays", &policy.graceDays, 0},
                                    std::tuple{"freshGraceDays", &policy.freshGraceDays, -1}}) {
        const Json* n = j.contains(key) ? &j[key] : nullptr;
        if (n && n->is_number_integer() && *n >= least && *n <= 3650) *days = static_cast<int>(n->get<std::int64_t>());
    }
    return policy;
}

PreparedBundle prepareBundle(std::string_view bytes, const TrustRoot& root, const TrustPolicy& policy) {
    PreparedBundle out;
    if (bytes.size() > policy.maxBytes) {
        out.refusal = refuse(refusal::kTooLarge, "the bundle is " + std::to_string(bytes.size()) +
                                                     " bytes, more than the limit of " + std::to_string(policy.maxBytes));
        return out;
    }
    JsonResult parsed = parseJson(bytes, JsonLimits{policy.maxBytes, 8});
    if (!parsed.value) {
        out.refusal = refuse(parsed.duplicateKey ? refusal::kDuplicateKey : refusal::kMalformed,
                             "the bundle is not valid JSON: " + parsed.problem.message);
        return out;
    }
    if (auto r = readEnvelope(*parsed.value, out.envelope)) {
        out.refusal = r;
        return out;
    }
    out.message = preAuthEncoding(out.envelope.payloadType, out.envelope.payload);
    for (const Signature& s : out.envelope.signatures) {
        const TrustedKey* key = root.key(s.keyid);
        if (key == nullptr || isWeakEd25519PublicKey(key->publicKey)) {  // a weak key is trusted by no one
            ++out.untrustedSignatures;
        } else if (!key->validOn(policy.today)) {
            ++out.outOfValiditySignatures;
        } else {
            out.checks.push_back({s.keyid, key->publicKey, s.sig});  // duplicates too: each must be valid
        }
    }
    return out;
}

BundleVerdict decideBundle(const PreparedBundle& prepared, const std::vector<bool>& valid, const TrustRoot& root,
                           const TrustPolicy& policy, std::string_view messageDigest) {
    BundleVerdict v;
    v.messageDigest = std::string(messageDigest);
    if (prepared.refusal) {
        v.refusal = prepared.refusal;
        return v;
    }
    if (valid.size() != prepared.checks.size()) {
        v.refusal = refuse(refusal::kBadSignature, "the signature checks are incomplete");
        return v;
    }
    // A failed signature by a trusted key means tampering: refuse outright.
    // Valid signatures count once per distinct public key (one key listed
    // under two key ids counts once too).
    std::vector<std::string> keys;
    for (std::size_t i = 0; i < valid.size(); ++i) {
        if (!valid[i]) {
            v.refusal = refuse(refusal::kBadSignature, "the signature of key " + prepared.checks[i].keyid +
                                                           " does not match the bundle's contents");
            return v;
        }
        const std::string& keyid = prepared.checks[i].keyid;
        const std::string& key = prepared.checks[i].publicKey;
        if (std::find(keys.begin(), keys.end(), key) != keys.end()) continue;
        keys.push_back(key);
        v.signers.push_back(keyid);
    }
    if (keys.size() < static_cast<std::size_t>(root.threshold)) {
        if (v.signers.empty() && prepared.outOfValiditySignatures > 0) {
            v.refusal = refuse(refusal::kKeyNotValid, "the bundle is signed only by keys not valid on " +
                                                          policy.today.toString());
        } else if (v.signers.empty()) {
            v.refusal = refuse(refusal::kUnknownKey, "the bundle is signed by no trusted key");
        } else {
            v.refusal = refuse(refusal::kThresholdNotMet,
                               "the bundle has valid signatures from " + std::to_string(v.signers.size()) +
                                   " trusted key(s); " + std::to_string(root.threshold) + " are needed");
        }
        v.signers.clear();
        return v;
    }
    LoadedRuleset loaded = loadRuleset(prepared.envelope.payload);
    if (!loaded.ruleset) {
        const Problem& p = loaded.problems.front();
        v.refusal = refuse(refusal::kInvalidRuleset, "the signed ruleset does not load: " + (p.path.empty() ? "" : p.path + ": ") +
                                                         p.message);
        return v;
    }
    const Ruleset& rs = *loaded.ruleset;
    if (!policy.rulesetId.empty() && rs.id != policy.rulesetId) {
        v.refusal = refuse(refusal::kWrongRulesetId, "the bundle holds ruleset \"" + rs.id + "\", not \"" +
                                                         policy.rulesetId + "\"");
        return v;
    }
    if (rs.version < policy.minVersion) {
        v.refusal = refuse(refusal::kRollback, "the bundle holds version " + std::to_string(rs.version) +
                                                   ", older than version " + std::to_string(policy.minVersion) +
                                                   " accepted before");
        return v;
    }
    if (rs.version == policy.minVersion && !policy.minVersionDigest.empty() &&
        messageDigest != policy.minVersionDigest) {
        v.refusal = refuse(refusal::kVersionReused,
                           "the bundle holds version " + std::to_string(rs.version) +
                               (messageDigest.empty() ? ", accepted before, and its content could not be compared"
                                                      : ", accepted before with other content: a published "
                                                        "version never changes"));
        return v;
    }
    const std::int64_t daysPast = policy.today.daysSinceEpoch() - rs.expires.daysSinceEpoch();
    if (daysPast > policy.graceDays) {
        v.refusal = refuse(refusal::kExpired, "the rules expired on " + rs.expires.toString() + ", more than " +
                                                  std::to_string(policy.graceDays) + " days ago");
        return v;
    }
    if (daysPast > 0) {
        v.expired = true;
        v.warnings.push_back("the rules expired on " + rs.expires.toString() + "; newer rules may exist");
    }
    if (rs.freshUntil && policy.freshGraceDays >= 0) {
        const std::int64_t staleDays = policy.today.daysSinceEpoch() - rs.freshUntil->daysSinceEpoch();
        const std::string until = "the rules were to be served as current until " + rs.freshUntil->toString();
        if (staleDays > policy.freshGraceDays) {
            v.refusal = refuse(refusal::kStale, until + "; newer rules are probably published (an old copy?)");
            return v;
        }
        if (staleDays > 0) {
            v.stale = true;
            v.warnings.push_back(until + "; newer rules may exist");
        }
    }
    if (policy.today < rs.published) {
        v.warnings.push_back("the rules are published on " + rs.published.toString() + ", after today (" +
                             policy.today.toString() + "); is the clock right?");
    }
    v.ruleset = loaded.ruleset;
    v.payload = prepared.envelope.payload;
    return v;
}

BundleVerdict verifyBundle(std::string_view bytes, const TrustRoot& root, const TrustPolicy& policy,
                           const Ed25519Verify& verify, const Sha256Hex& sha256) {
    PreparedBundle prepared = prepareBundle(bytes, root, policy);
    std::vector<bool> valid;
    for (const SignatureCheck& c : prepared.checks) valid.push_back(verify(c.publicKey, prepared.message, c.signature));
    const std::string digest = sha256 && !prepared.refusal ? sha256(prepared.message) : std::string();
    return decideBundle(prepared, valid, root, policy, digest);
}

}  // namespace wegwijzer
