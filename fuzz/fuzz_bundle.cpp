// Fuzz target: the signed-bundle parser and trust policy.
//
// The input is taken three ways:
//  1. as a DSSE bundle: prepareBundle() under several trust roots and
//     policies, then decideBundle() with the platform answering "valid" to
//     every signature check and with it answering "invalid" to every one
//     (the policy is exercised without real Ed25519);
//  2. as a ruleset payload: wrapped in an envelope signed (on paper) by the
//     development key, so that the policy steps after the threshold (ruleset
//     loads, id, rollback, expiry) see every mutation of a ruleset;
//  3. as a trust root and as base64 text.
//
// Invariants: no bundle is accepted when every signature check fails; an
// accepted bundle has its threshold of distinct trusted signers, the policy's
// ruleset id and at least its version; canonical base64 round-trips;
// envelopeToJson() output is read back unchanged; trustRootToJson() output
// parses again.
#include <algorithm>
#include <set>
#include <vector>

#include "common.hpp"

using namespace wegwijzer;
using wegwijzer_fuzz::asText;
using wegwijzer_fuzz::date;
using wegwijzer_fuzz::dumped;

namespace {

TrustRoot parsedRoot(const char* text) {
    LoadedTrustRoot loaded = parseTrustRoot(text);
    WW_FUZZ_CHECK(loaded.root.has_value());
    return *loaded.root;
}

const TrustRoot& devRoot() {
    static const TrustRoot root = parsedRoot(wegwijzer_fuzz::kDevTrustRoot);
    return root;
}

// Two keys, threshold 2; the development key only valid in 2025-2026.
const TrustRoot& twoKeyRoot() {
    static const TrustRoot root = [] {
        TrustRoot r = devRoot();
        r.keys[0].validFrom = date(2025, 1, 1);
        r.keys[0].validUntil = date(2026, 12, 31);
        TrustedKey other;
        other.keyid = "00112233445566778899aabbccddeeff";
        other.publicKey = std::string(32, '\x07');
        other.owner = "fuzz key";
        r.keys.push_back(other);
        r.threshold = 2;
        return r;
    }();
    return root;
}

std::vector<TrustPolicy> policies() {
    std::vector<TrustPolicy> out;
    TrustPolicy any;  // what `wegwijzer verify` does without --ruleset-id
    any.today = date(2025, 9, 1);
    out.push_back(any);

    TrustPolicy strict;  // a client that saw version 2 of "example", no grace
    strict.today = date(2030, 1, 1);
    strict.rulesetId = "example";
    strict.minVersion = 2;
    strict.graceDays = 0;
    out.push_back(strict);

    TrustPolicy small;  // a tiny size limit and an old clock
    small.today = date(1970, 1, 1);
    small.rulesetId = "opleidingsincentives";
    small.minVersion = 1;
    small.graceDays = 365;
    small.maxBytes = 4096;
    out.push_back(small);
    return out;
}

const std::set<std::string>& refusalCodes() {
    static const std::set<std::string> codes = {
        refusal::kTooLarge,         refusal::kMalformed,       refusal::kDuplicateKey,    refusal::kBadEnvelope,
        refusal::kNonCanonicalBase64, refusal::kWrongPayloadType, refusal::kUnknownKey,     refusal::kKeyNotValid,
        refusal::kBadSignature,     refusal::kThresholdNotMet, refusal::kInvalidRuleset,  refusal::kWrongRulesetId,
        refusal::kRollback,         refusal::kVersionReused,   refusal::kExpired,         refusal::kStale};
    return codes;
}

void checkVerdict(const BundleVerdict& v, const PreparedBundle& p, const TrustRoot& root, const TrustPolicy& policy) {
    if (!v.accepted()) {
        WW_FUZZ_CHECK(refusalCodes().count(v.refusal->code) == 1);
        WW_FUZZ_CHECK(!v.refusal->message.empty());
        WW_FUZZ_CHECK(v.ruleset == nullptr);
        return;
    }
    WW_FUZZ_CHECK(!p.refusal.has_value());
    WW_FUZZ_CHECK(v.ruleset != nullptr);
    WW_FUZZ_CHECK(v.payload == p.envelope.payload);
    WW_FUZZ_CHECK(p.envelope.payloadType == kRulesetPayloadType);
    WW_FUZZ_CHECK(v.signers.size() >= static_cast<std::size_t>(root.threshold));
    std::set<std::string> distinct(v.signers.begin(), v.signers.end());
    WW_FUZZ_CHECK(distinct.size() == v.signers.size());
    for (const std::string& signer : v.signers) {
        const TrustedKey* key = root.key(signer);
        WW_FUZZ_CHECK(key != nullptr);
        WW_FUZZ_CHECK(key->validOn(policy.today));
    }
    WW_FUZZ_CHECK(policy.rulesetId.empty() || v.ruleset->id == policy.rulesetId);
    WW_FUZZ_CHECK(v.ruleset->version >= policy.minVersion);
    WW_FUZZ_CHECK(policy.today.daysSinceEpoch() - v.ruleset->expires.daysSinceEpoch() <= policy.graceDays);
}

void decideAll(const PreparedBundle& p, const TrustRoot& root, const TrustPolicy& policy) {
    const std::vector<bool> valid(p.checks.size(), true);
    const std::vector<bool> invalid(p.checks.size(), false);

    BundleVerdict yes = decideBundle(p, valid, root, policy);
    checkVerdict(yes, p, root, policy);

    // The core security property: forged signatures never get a bundle in.
    BundleVerdict no = decideBundle(p, invalid, root, policy);
    checkVerdict(no, p, root, policy);
    WW_FUZZ_CHECK(!no.accepted());

    // An incomplete answer from the platform is refused too.
    if (!p.checks.empty()) {
        std::vector<bool> partial(valid.begin(), valid.end() - 1);
        BundleVerdict incomplete = decideBundle(p, partial, root, policy);
        WW_FUZZ_CHECK(!incomplete.accepted());
    }
    // Only the last check fails: still refused.
    if (!p.checks.empty()) {
        std::vector<bool> lastBad = valid;
        lastBad.back() = false;
        WW_FUZZ_CHECK(!decideBundle(p, lastBad, root, policy).accepted());
    }
}

void prepareAndDecide(std::string_view bytes, const TrustRoot& root, const TrustPolicy& policy, bool roundTrip) {
    PreparedBundle p = prepareBundle(bytes, root, policy);
    if (p.refusal) {
        WW_FUZZ_CHECK(refusalCodes().count(p.refusal->code) == 1);
        WW_FUZZ_CHECK(p.checks.empty());
    } else {
        WW_FUZZ_CHECK(bytes.size() <= policy.maxBytes);
        WW_FUZZ_CHECK(p.message == preAuthEncoding(p.envelope.payloadType, p.envelope.payload));
        WW_FUZZ_CHECK(p.checks.size() + p.untrustedSignatures + p.outOfValiditySignatures ==
                      p.envelope.signatures.size());
        WW_FUZZ_CHECK(!p.envelope.signatures.empty() && p.envelope.signatures.size() <= 16);
        for (const SignatureCheck& c : p.checks) {
            const TrustedKey* key = root.key(c.keyid);
            WW_FUZZ_CHECK(key != nullptr && key->publicKey == c.publicKey && key->validOn(policy.today));
        }
        // What the envelope serialiser writes, the parser reads back the same.
        if (roundTrip) {
            TrustPolicy plain;  // any id, no version seen, the default grace
            plain.today = policy.today;
            PreparedBundle again = prepareBundle(envelopeToJson(p.envelope), root, plain);
            WW_FUZZ_CHECK(!again.refusal.has_value());
            WW_FUZZ_CHECK(again.envelope.payload == p.envelope.payload);
            WW_FUZZ_CHECK(again.envelope.signatures.size() == p.envelope.signatures.size());
            WW_FUZZ_CHECK(again.checks.size() == p.checks.size());
        }
    }
    decideAll(p, root, policy);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes = asText(data, size);
    static const std::vector<TrustPolicy> kPolicies = policies();

    // 1. The input as a bundle.
    for (const TrustPolicy& policy : kPolicies) prepareAndDecide(bytes, devRoot(), policy, &policy == &kPolicies[0]);
    prepareAndDecide(bytes, twoKeyRoot(), kPolicies[0], false);

    // 2. The input as the payload of a bundle signed by the development key.
    if (size <= 2u * 1024u * 1024u) {
        Envelope envelope;
        envelope.payloadType = kRulesetPayloadType;
        envelope.payload = std::string(bytes);
        envelope.signatures.push_back({wegwijzer_fuzz::kDevKeyId, std::string(64, '\0')});
        const std::string wrapped = envelopeToJson(envelope);
        for (const TrustPolicy& policy : kPolicies) {
            PreparedBundle p = prepareBundle(wrapped, devRoot(), policy);
            if (wrapped.size() <= policy.maxBytes) {
                WW_FUZZ_CHECK(!p.refusal.has_value());
                WW_FUZZ_CHECK(p.envelope.payload == bytes);
                WW_FUZZ_CHECK(p.checks.size() == 1);
            }
            decideAll(p, devRoot(), policy);
        }
    }

    // 3. Canonical base64: encode/decode round-trip, and a decoded text is
    //    the only encoding of its bytes.
    auto decoded = base64DecodeCanonical(bytes);
    if (decoded) WW_FUZZ_CHECK(base64Encode(*decoded) == bytes);
    auto back = base64DecodeCanonical(base64Encode(bytes));
    WW_FUZZ_CHECK(back.has_value() && *back == bytes);

    //    The input as a trust root: what is written back reads again.
    LoadedTrustRoot root = parseTrustRoot(bytes);
    if (root.root) {
        WW_FUZZ_CHECK(root.problems.empty());
        LoadedTrustRoot again = parseTrustRoot(trustRootToJson(*root.root));
        WW_FUZZ_CHECK(again.root.has_value());
        WW_FUZZ_CHECK(again.root->keys.size() == root.root->keys.size());
        WW_FUZZ_CHECK(again.root->threshold == root.root->threshold);
    } else {
        WW_FUZZ_CHECK(!root.problems.empty());
        dumped(toJson(root.problems));
    }
    return 0;
}
