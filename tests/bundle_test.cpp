// Signed bundles: the envelope, the trust root and every refusal of the
// policy, with real Ed25519 signatures from the native primitive.

#include <iostream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "crypto.hpp"
#include "test_support.hpp"

using namespace wegwijzer;
using wegwijzer::testing::minimalRuleset;

namespace {

struct Signer {
    native::PrivateKey key;
    TrustedKey trusted;
};

Signer makeSigner(const std::string& owner) {
    auto pair = native::generateEd25519();
    EXPECT_TRUE(pair);
    std::string error;
    auto key = native::readPrivateKeyPem(pair->privatePem, error);
    EXPECT_TRUE(key) << error;
    return Signer{*key, TrustedKey{native::keyIdOf(pair->publicKey), pair->publicKey, owner, {}, {}}};
}

// The signers are made once: key generation is the slow part.
const std::vector<Signer>& signers() {
    static const std::vector<Signer> all{makeSigner("Ann"), makeSigner("Bert"), makeSigner("Chris"), makeSigner("Eve")};
    return all;
}

std::string sign(const std::string& payload, const std::vector<const Signer*>& by,
                 const std::string& type = kRulesetPayloadType) {
    Envelope e{type, payload, {}};
    for (const Signer* s : by) e.signatures.push_back({s->trusted.keyid, *native::signEd25519(s->key, preAuthEncoding(type, payload))});
    return envelopeToJson(e);
}

std::string rulesetText(int version = 3, const std::string& id = "mini", const std::string& expires = "2026-12-31") {
    Json doc = minimalRuleset();
    doc["version"] = version;
    doc["id"] = id;
    doc["expires"] = expires;
    return doc.dump();
}

TrustRoot rootOf(int threshold, std::vector<const Signer*> keys) {
    TrustRoot root;
    root.threshold = threshold;
    for (const Signer* s : keys) root.keys.push_back(s->trusted);
    return root;
}

TrustPolicy policyOn(const char* date) {
    TrustPolicy p;
    p.today = *Date::parse(date);
    p.rulesetId = "mini";
    return p;
}

BundleVerdict verify(const std::string& bundle, const TrustRoot& root, const TrustPolicy& policy) {
    return verifyBundle(bundle, root, policy, native::verifyEd25519, native::sha256Hex);
}

std::string codeOf(const BundleVerdict& v) { return v.refusal ? v.refusal->code : "accepted"; }

const Signer* ann() { return &signers()[0]; }
const Signer* bert() { return &signers()[1]; }
const Signer* chris() { return &signers()[2]; }
const Signer* eve() { return &signers()[3]; }

}  // namespace

TEST(Base64, RoundTripsAllLengths) {
    std::string bytes;
    for (int i = 0; i < 40; ++i) {
        EXPECT_EQ(base64DecodeCanonical(base64Encode(bytes)), bytes);
        bytes += static_cast<char>(i * 37);
    }
}

TEST(Base64, RefusesNonCanonicalForms) {
    EXPECT_EQ(base64Encode("hi"), "aGk=");
    EXPECT_FALSE(base64DecodeCanonical("aGl="));   // pad bits not zero
    EXPECT_FALSE(base64DecodeCanonical("aR=="));   // pad bits not zero, one byte
    EXPECT_EQ(base64DecodeCanonical("aQ=="), std::string("i"));
    EXPECT_FALSE(base64DecodeCanonical("aGk"));    // missing padding
    EXPECT_FALSE(base64DecodeCanonical("aG k="));  // whitespace
    EXPECT_FALSE(base64DecodeCanonical("aGk=aGk="));  // padding inside
    EXPECT_FALSE(base64DecodeCanonical("aG-_"));   // URL-safe alphabet
    EXPECT_FALSE(base64DecodeCanonical("===="));   // padding only
    EXPECT_FALSE(base64DecodeCanonical("a==="));   // three padding characters
    EXPECT_FALSE(base64DecodeCanonical("=GkA"));   // padding first
    EXPECT_FALSE(base64DecodeCanonical("aG=k"));   // padding before data
    EXPECT_FALSE(base64DecodeCanonical("aGk\xff"));  // a byte outside ASCII
    EXPECT_FALSE(base64DecodeCanonical(std::string("aG\0=", 4)));  // NUL
    EXPECT_EQ(base64DecodeCanonical(""), std::string());
}

TEST(Dsse, PreAuthEncodingMatchesTheSpecExample) {
    EXPECT_EQ(preAuthEncoding("http://example.com/HelloWorld", "hello world"),
              "DSSEv1 29 http://example.com/HelloWorld 11 hello world");
}

TEST(Bundle, AcceptsAProperlySignedRuleset) {
    BundleVerdict v = verify(sign(rulesetText(), {ann()}), rootOf(1, {ann()}), policyOn("2025-10-01"));
    ASSERT_TRUE(v.accepted()) << v.refusal->message;
    EXPECT_EQ(v.ruleset->id, "mini");
    EXPECT_EQ(v.payload, rulesetText());
    EXPECT_EQ(v.signers, std::vector<std::string>{ann()->trusted.keyid});
    EXPECT_TRUE(v.warnings.empty());
}

TEST(Bundle, EveryOneBitFlipIsRefused) {
    const std::string bundle = sign(rulesetText(), {ann()});
    const TrustRoot root = rootOf(1, {ann()});
    const TrustPolicy policy = policyOn("2025-10-01");
    ASSERT_TRUE(verify(bundle, root, policy).accepted());
    std::size_t refused = 0;
    for (std::size_t i = 0; i < bundle.size(); ++i) {
        for (int bit = 0; bit < 8; ++bit) {
            std::string flipped = bundle;
            flipped[i] = static_cast<char>(flipped[i] ^ (1 << bit));
            BundleVerdict v = verify(flipped, root, policy);
            if (v.accepted()) {
                ADD_FAILURE() << "accepted with bit " << bit << " of byte " << i << " flipped";
                return;
            }
            ++refused;
        }
    }
    EXPECT_EQ(refused, bundle.size() * 8);
    std::cout << "[          ] " << refused << " one-bit flips of a " << bundle.size() << "-byte bundle, all refused\n";
}

TEST(Bundle, SignatureFromAnUnknownKey) {
    EXPECT_EQ(codeOf(verify(sign(rulesetText(), {eve()}), rootOf(1, {ann()}), policyOn("2025-10-01"))), "unknown-key");
}

TEST(Bundle, TwoOfThreeWithOneSignature) {
    EXPECT_EQ(codeOf(verify(sign(rulesetText(), {ann()}), rootOf(2, {ann(), bert(), chris()}), policyOn("2025-10-01"))),
              "threshold-not-met");
}

TEST(Bundle, TwoOfThreeWithTwoDistinctSignatures) {
    EXPECT_TRUE(verify(sign(rulesetText(), {ann(), chris()}), rootOf(2, {ann(), bert(), chris()}), policyOn("2025-10-01"))
                    .accepted());
}

TEST(Bundle, TheSameKeyTwiceCountsOnce) {
    EXPECT_EQ(codeOf(verify(sign(rulesetText(), {ann(), ann()}), rootOf(2, {ann(), bert()}), policyOn("2025-10-01"))),
              "threshold-not-met");
}

TEST(Bundle, ExtraSignaturesFromUnknownKeysAreIgnored) {
    EXPECT_TRUE(verify(sign(rulesetText(), {eve(), ann()}), rootOf(1, {ann()}), policyOn("2025-10-01")).accepted());
}

TEST(Bundle, ASignatureOverOtherBytes) {
    Envelope e{kRulesetPayloadType, rulesetText(), {}};
    e.signatures.push_back({ann()->trusted.keyid, *native::signEd25519(ann()->key, "something else")});
    EXPECT_EQ(codeOf(verify(envelopeToJson(e), rootOf(1, {ann()}), policyOn("2025-10-01"))), "bad-signature");
}

TEST(Bundle, KeyOutsideItsValidity) {
    TrustRoot root = rootOf(1, {ann()});
    root.keys[0].validUntil = Date::parse("2025-06-30");
    EXPECT_EQ(codeOf(verify(sign(rulesetText(), {ann()}), root, policyOn("2025-10-01"))), "key-not-valid");
}

TEST(Bundle, LowerVersionIsARollback) {
    TrustPolicy policy = policyOn("2025-10-01");
    policy.minVersion = 4;
    EXPECT_EQ(codeOf(verify(sign(rulesetText(3), {ann()}), rootOf(1, {ann()}), policy)), "rollback");
    policy.minVersion = 3;
    EXPECT_TRUE(verify(sign(rulesetText(3), {ann()}), rootOf(1, {ann()}), policy).accepted());
}

// TUF: a version number names one content. A device that accepted version 3
// refuses another bundle that also says 3 (a mirror or an insider showing
// some people other rules under the same number), and takes the same one
// again, also with a signature added.
TEST(Bundle, TheSameVersionWithOtherContentIsRefused) {
    const TrustRoot root = rootOf(1, {ann(), bert()});
    TrustPolicy policy = policyOn("2025-10-01");
    const std::string first = sign(rulesetText(3), {ann()});
    const BundleVerdict accepted = verify(first, root, policy);
    ASSERT_TRUE(accepted.accepted());
    ASSERT_EQ(accepted.messageDigest.size(), 64u);
    policy.minVersion = 3;
    policy.minVersionDigest = accepted.messageDigest;

    EXPECT_TRUE(verify(first, root, policy).accepted());
    EXPECT_TRUE(verify(sign(rulesetText(3), {ann(), bert()}), root, policy).accepted()) << "more signatures, same message";
    const BundleVerdict other = verify(sign(rulesetText(3, "mini", "2027-01-31"), {ann()}), root, policy);
    EXPECT_EQ(codeOf(other), "version-reused");
    EXPECT_NE(other.refusal->message.find("version 3, accepted before with other content"), std::string::npos);
    EXPECT_TRUE(verify(sign(rulesetText(4, "mini", "2027-01-31"), {ann()}), root, policy).accepted()) << "a newer version";

    // A platform that gives no digest cannot have the version compared: refused.
    const PreparedBundle prepared = prepareBundle(first, root, policy);
    EXPECT_EQ(codeOf(decideBundle(prepared, {true}, root, policy)), "version-reused");
    EXPECT_TRUE(decideBundle(prepared, {true}, root, policy, accepted.messageDigest).accepted());
}

TEST(Bundle, WrongRulesetId) {
    EXPECT_EQ(codeOf(verify(sign(rulesetText(3, "ander"), {ann()}), rootOf(1, {ann()}), policyOn("2025-10-01"))),
              "wrong-ruleset-id");
}

TEST(Bundle, PayloadTypeChange) {
    // Signed honestly, but as another kind of document: a ruleset client must not take it.
    EXPECT_EQ(codeOf(verify(sign(rulesetText(), {ann()}, "application/json"), rootOf(1, {ann()}), policyOn("2025-10-01"))),
              "wrong-payload-type");
}

TEST(Bundle, NonCanonicalBase64) {
    std::string bundle = sign(rulesetText(), {ann()});
    const std::size_t at = bundle.find("\"payload\": \"") + 12;
    bundle.insert(at, "\\n");  // an escaped newline inside the base64 text
    EXPECT_EQ(codeOf(verify(bundle, rootOf(1, {ann()}), policyOn("2025-10-01"))), "non-canonical-base64");
}

TEST(Bundle, DuplicateKeys) {
    std::string bundle = sign(rulesetText(), {ann()});
    bundle.insert(1, "\"payloadType\": \"text/plain\",");
    EXPECT_EQ(codeOf(verify(bundle, rootOf(1, {ann()}), policyOn("2025-10-01"))), "duplicate-key");
}

TEST(Bundle, TruncatedFile) {
    const std::string bundle = sign(rulesetText(), {ann()});
    for (std::size_t cut : {std::size_t{0}, std::size_t{1}, bundle.size() / 2, bundle.size() - 2}) {
        EXPECT_EQ(codeOf(verify(bundle.substr(0, cut), rootOf(1, {ann()}), policyOn("2025-10-01"))), "malformed") << cut;
    }
}

TEST(Bundle, ANulByteBeforeTrailingBytesIsRefused) {
    // The signed envelope, then a NUL and more text: not one JSON document (review D2).
    std::string bundle = sign(rulesetText(), {ann()});
    bundle += std::string("\0", 1) + "{\"extra\": true}";
    EXPECT_EQ(codeOf(verify(bundle, rootOf(1, {ann()}), policyOn("2025-10-01"))), "malformed");
}

TEST(Bundle, OversizedFile) {
    TrustPolicy policy = policyOn("2025-10-01");
    policy.maxBytes = 1000;
    EXPECT_EQ(codeOf(verify(sign(rulesetText(), {ann()}), rootOf(1, {ann()}), policy)), "too-large");
}

TEST(Bundle, UnknownEnvelopeMember) {
    std::string bundle = sign(rulesetText(), {ann()});
    bundle.insert(1, "\"comment\": \"hi\",");
    EXPECT_EQ(codeOf(verify(bundle, rootOf(1, {ann()}), policyOn("2025-10-01"))), "bad-envelope");
}

TEST(Bundle, SignedButInvalidRuleset) {
    EXPECT_EQ(codeOf(verify(sign("{\"format\": 1}", {ann()}), rootOf(1, {ann()}), policyOn("2025-10-01"))),
              "invalid-ruleset");
}

// Freshness (issue 15, TUF's timestamp): a mirror that keeps serving an old
// copy is found out after the copy's freshUntil, long before it expires.
TEST(Bundle, PastFreshUntilRulesAreStale) {
    Json doc = Json::parse(rulesetText(3, "mini", "2026-12-31"));
    doc["freshUntil"] = "2025-10-15";
    const std::string bundle = sign(doc.dump(), {ann()});
    const TrustRoot root = rootOf(1, {ann()});
    TrustPolicy policy = policyOn("2025-10-15");
    const BundleVerdict onTheDay = verify(bundle, root, policy);
    EXPECT_TRUE(onTheDay.accepted());
    EXPECT_FALSE(onTheDay.stale);
    EXPECT_TRUE(onTheDay.warnings.empty());

    policy.today = *Date::parse("2025-10-16");
    const BundleVerdict dayAfter = verify(bundle, root, policy);
    EXPECT_EQ(codeOf(dayAfter), "stale");
    EXPECT_NE(dayAfter.refusal->message.find("served as current until 2025-10-15"), std::string::npos);

    policy.freshGraceDays = 7;  // a kiosk that is offline for days
    const BundleVerdict withinGrace = verify(bundle, root, policy);
    EXPECT_TRUE(withinGrace.accepted());
    EXPECT_TRUE(withinGrace.stale);
    ASSERT_EQ(withinGrace.warnings.size(), 1u);
    EXPECT_NE(withinGrace.warnings[0].find("newer rules may exist"), std::string::npos);
    policy.today = *Date::parse("2025-10-23");
    EXPECT_EQ(codeOf(verify(bundle, root, policy)), "stale");

    policy.freshGraceDays = -1;  // rules that ship with the client's own code
    const BundleVerdict unchecked = verify(bundle, root, policy);
    EXPECT_TRUE(unchecked.accepted());
    EXPECT_FALSE(unchecked.stale);

    TrustPolicy plain = policyOn("2026-12-01");  // no freshUntil: only the expiry counts
    EXPECT_TRUE(verify(sign(rulesetText(3, "mini", "2026-12-31"), {ann()}), root, plain).accepted());
}

TEST(Bundle, FreshUntilLiesBetweenPublishedAndExpires) {
    for (const char* date : {"2024-12-31", "2027-01-01"}) {
        Json doc = Json::parse(rulesetText(3, "mini", "2026-12-31"));
        doc["freshUntil"] = date;
        const LoadedRuleset loaded = loadRuleset(doc.dump());
        ASSERT_EQ(loaded.problems.size(), 1u) << date;
        EXPECT_EQ(loaded.problems[0].path, "/freshUntil");
        EXPECT_EQ(loaded.problems[0].message, "must be between \"published\" and \"expires\"");
    }
}

TEST(Bundle, ExpiryWarnsThenRefusesAfterTheGracePeriod) {
    const std::string bundle = sign(rulesetText(3, "mini", "2026-06-30"), {ann()});
    const TrustRoot root = rootOf(1, {ann()});
    TrustPolicy policy = policyOn("2026-06-30");
    BundleVerdict onTheDay = verify(bundle, root, policy);
    EXPECT_TRUE(onTheDay.accepted());
    EXPECT_FALSE(onTheDay.expired);

    policy.today = *Date::parse("2026-07-01");
    BundleVerdict dayAfter = verify(bundle, root, policy);
    EXPECT_TRUE(dayAfter.accepted());
    EXPECT_TRUE(dayAfter.expired);
    ASSERT_EQ(dayAfter.warnings.size(), 1u);

    policy.today = *Date::parse("2026-07-30");  // 30 days: the last day of grace
    EXPECT_TRUE(verify(bundle, root, policy).accepted());
    policy.today = *Date::parse("2026-07-31");
    EXPECT_EQ(codeOf(verify(bundle, root, policy)), "expired");

    policy.graceDays = 90;  // a kiosk may allow longer
    EXPECT_TRUE(verify(bundle, root, policy).accepted());
}

TEST(Bundle, TwoPersonPublishing) {
    const TrustRoot root = rootOf(2, {ann(), bert()});
    const TrustPolicy policy = policyOn("2025-10-01");
    const std::string byAnn = sign(rulesetText(), {ann()});
    EXPECT_EQ(codeOf(verify(byAnn, root, policy)), "threshold-not-met");
    // Bert adds his signature to the bundle Ann made, without touching the payload.
    PreparedBundle prepared = prepareBundle(byAnn, TrustRoot{}, policy);
    ASSERT_FALSE(prepared.refusal);
    Envelope e = prepared.envelope;
    e.signatures.push_back({bert()->trusted.keyid, *native::signEd25519(bert()->key, prepared.message)});
    EXPECT_TRUE(verify(envelopeToJson(e), root, policy).accepted());
}

TEST(Bundle, PreparedChecksAreWhatThePlatformVerifies) {
    PreparedBundle p = prepareBundle(sign(rulesetText(), {eve(), ann()}), rootOf(1, {ann()}), policyOn("2025-10-01"));
    ASSERT_EQ(p.checks.size(), 1u);
    EXPECT_EQ(p.checks[0].keyid, ann()->trusted.keyid);
    EXPECT_EQ(p.untrustedSignatures, 1u);
    EXPECT_EQ(codeOf(decideBundle(p, {false}, rootOf(1, {ann()}), policyOn("2025-10-01"))), "bad-signature");
    EXPECT_TRUE(decideBundle(p, {true}, rootOf(1, {ann()}), policyOn("2025-10-01")).accepted());
}

TEST(TrustRootFile, RoundTripsAndRefusesBadRoots) {
    const TrustRoot root = rootOf(2, {ann(), bert()});
    LoadedTrustRoot loaded = parseTrustRoot(trustRootToJson(root));
    ASSERT_TRUE(loaded.root);
    EXPECT_EQ(loaded.root->threshold, 2);
    EXPECT_EQ(loaded.root->keys[1].publicKey, bert()->trusted.publicKey);

    EXPECT_FALSE(parseTrustRoot(trustRootToJson(rootOf(3, {ann(), bert()}))).root);  // threshold above key count
    EXPECT_FALSE(parseTrustRoot(R"({"format": "wegwijzer-trust-root/1", "threshold": 1, "keys": [{"keyid": 5}]})").root);
}

TEST(Bundle, ACorruptSecondSignatureByTheSameKeyIsRefused) {
    Envelope e{kRulesetPayloadType, rulesetText(), {}};
    const std::string good = *native::signEd25519(ann()->key, preAuthEncoding(e.payloadType, e.payload));
    std::string bad = good;
    bad[0] = static_cast<char>(bad[0] ^ 1);
    e.signatures = {{ann()->trusted.keyid, good}, {ann()->trusted.keyid, bad}};
    EXPECT_EQ(codeOf(verify(envelopeToJson(e), rootOf(1, {ann()}), policyOn("2025-10-01"))), "bad-signature");
}

// Issue 15, D3: keys that let anyone sign.
namespace {

std::string fromHex(const std::string& hex) {
    std::string out;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2) out.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
    return out;
}

std::string trustRootWith(const std::vector<std::string>& publicKeys, int threshold = 1) {
    Json keys = Json::array();
    for (std::size_t i = 0; i < publicKeys.size(); ++i) {
        keys.push_back({{"keyid", std::string(64, static_cast<char>('a' + i))}, {"publicKey", base64Encode(publicKeys[i])},
                        {"owner", "Owner " + std::to_string(i)}});
    }
    return Json{{"format", "wegwijzer-trust-root/1"}, {"threshold", threshold}, {"keys", keys}}.dump();
}

// The 32-byte encodings of every point of small order, with either sign of x,
// and non-canonical encodings (y >= 2^255 - 19) of points of small order.
std::vector<std::string> weakKeys() {
    std::vector<std::string> out;
    for (const char* y : {"0000000000000000000000000000000000000000000000000000000000000000",
                          "0100000000000000000000000000000000000000000000000000000000000000",
                          "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
                          "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
                          "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
                          "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",     // y = p (0)
                          "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"}) {  // y = p + 1 (1)
        std::string key = fromHex(y);
        out.push_back(key);
        key[31] = static_cast<char>(key[31] | 0x80);  // the other sign of x
        out.push_back(key);
    }
    return out;
}

}  // namespace

TEST(TrustRootFile, RefusesWeakKeysWithThePathOfTheKey) {
    for (const std::string& weak : weakKeys()) {
        LoadedTrustRoot loaded = parseTrustRoot(trustRootWith({ann()->trusted.publicKey, weak}));
        EXPECT_FALSE(loaded.root) << base64Encode(weak);
        ASSERT_EQ(loaded.problems.size(), 1u) << base64Encode(weak);
        EXPECT_EQ(loaded.problems[0].path, "/keys/1/publicKey");
        EXPECT_NE(loaded.problems[0].message.find("weak Ed25519 key"), std::string::npos) << loaded.problems[0].message;
    }
    for (const Signer& s : signers()) EXPECT_FALSE(isWeakEd25519PublicKey(s.trusted.publicKey));
    EXPECT_TRUE(parseTrustRoot(trustRootWith({ann()->trusted.publicKey, bert()->trusted.publicKey})).root);
}

// R = the identity, S = 0: a valid signature of anything under the identity key.
TEST(Bundle, AForgedSignatureUnderTheIdentityKeyIsRefused) {
    const std::string identity = fromHex("0100000000000000000000000000000000000000000000000000000000000000");
    const std::string forged = identity + std::string(32, '\0');
    EXPECT_FALSE(native::verifyEd25519(identity, "any message at all", forged));

    // A trust root made in code (not read from a file) with that key: the
    // signature is not even checked, the key is trusted by no one.
    TrustRoot root;
    root.keys.push_back(TrustedKey{std::string(64, 'f'), identity, "Mallory", {}, {}});
    Envelope e{kRulesetPayloadType, rulesetText(), {{std::string(64, 'f'), forged}}};
    PreparedBundle p = prepareBundle(envelopeToJson(e), root, policyOn("2025-10-01"));
    EXPECT_TRUE(p.checks.empty());
    EXPECT_EQ(codeOf(decideBundle(p, {}, root, policyOn("2025-10-01"))), "unknown-key");
}

// Issue 15, D4: one public key under two key ids.
TEST(TrustRootFile, RefusesOnePublicKeyUnderTwoKeyIds) {
    LoadedTrustRoot loaded = parseTrustRoot(trustRootWith({ann()->trusted.publicKey, ann()->trusted.publicKey}, 2));
    EXPECT_FALSE(loaded.root);
    ASSERT_FALSE(loaded.problems.empty());
    EXPECT_EQ(loaded.problems[0].path, "/keys/1/publicKey");
    EXPECT_NE(loaded.problems[0].message.find("same public key"), std::string::npos) << loaded.problems[0].message;
}

TEST(Bundle, OneKeyUnderTwoKeyIdsCountsOnce) {
    TrustRoot root = rootOf(2, {ann(), bert()});
    root.keys[1].publicKey = ann()->trusted.publicKey;  // Bert's card holds Ann's key (made in code: the file is refused)
    Envelope e{kRulesetPayloadType, rulesetText(), {}};
    const std::string sig = *native::signEd25519(ann()->key, preAuthEncoding(e.payloadType, e.payload));
    e.signatures = {{root.keys[0].keyid, sig}, {root.keys[1].keyid, sig}};
    EXPECT_EQ(codeOf(verify(envelopeToJson(e), root, policyOn("2025-10-01"))), "threshold-not-met");
    // With a real second key it passes: the test is about the copy.
    EXPECT_TRUE(verify(sign(rulesetText(), {ann(), bert()}), rootOf(2, {ann(), bert()}), policyOn("2025-10-01")).accepted());
}

// Reliability review D11: a key whose validity ends before it starts.
TEST(TrustRootFile, RefusesAKeyThatWouldNeverBeValid) {
    TrustRoot root = rootOf(1, {ann()});
    root.keys[0].validFrom = Date::parse("2026-06-01");
    root.keys[0].validUntil = Date::parse("2026-05-31");
    LoadedTrustRoot loaded = parseTrustRoot(trustRootToJson(root));
    EXPECT_FALSE(loaded.root);
    ASSERT_EQ(loaded.problems.size(), 1u);
    EXPECT_EQ(loaded.problems[0].path, "/keys/0/validUntil");
    root.keys[0].validUntil = Date::parse("2026-06-01");  // one day is fine
    EXPECT_TRUE(parseTrustRoot(trustRootToJson(root)).root);
}

TEST(TrustPolicyJson, ReadsEveryMemberAndKeepsDefaultsForTheRest) {
    std::string error;
    auto p = parseTrustPolicy(R"({"today": "2026-12-05", "rulesetId": "x", "minVersion": 7, "minVersionDigest": "ab",
                                  "graceDays": 90, "freshGraceDays": -1})", error);
    ASSERT_TRUE(p) << error;
    EXPECT_EQ(p->today.toString(), "2026-12-05");
    EXPECT_EQ(p->rulesetId, "x");
    EXPECT_EQ(p->minVersion, 7);
    EXPECT_EQ(p->minVersionDigest, "ab");
    EXPECT_EQ(p->graceDays, 90);
    EXPECT_EQ(p->freshGraceDays, -1);

    auto d = parseTrustPolicy(R"({"today": "2026-12-05", "minVersion": "7", "graceDays": 4000, "freshGraceDays": -2})", error);
    ASSERT_TRUE(d) << error;
    const TrustPolicy defaults;
    EXPECT_EQ(d->minVersion, defaults.minVersion);          // not an integer
    EXPECT_EQ(d->graceDays, defaults.graceDays);            // over 3650
    EXPECT_EQ(d->freshGraceDays, defaults.freshGraceDays);  // under -1
}

TEST(TrustPolicyJson, RefusesWithoutAnObjectOrADate) {
    std::string error;
    EXPECT_FALSE(parseTrustPolicy("[]", error));
    EXPECT_EQ(error, "the policy is not a JSON object");
    EXPECT_FALSE(parseTrustPolicy("{", error));
    EXPECT_NE(error.find("the policy is not a JSON object: "), std::string::npos);
    EXPECT_FALSE(parseTrustPolicy(R"({"today": "5 december"})", error));
    EXPECT_EQ(error, "the policy needs \"today\" as YYYY-MM-DD");
}
