// Signed rule bundles (docs/bundle-format.md): a DSSE envelope around the
// exact bytes of a ruleset, Ed25519 signatures, and the trust policy that
// decides whether a client may use it.
//
// The policy lives here, once; the signature primitive does not. Verification
// has two steps so that an asynchronous platform (WebCrypto) can run the
// signature checks in between:
//   1. prepareBundle(): parse the envelope strictly, pick the signatures made
//      by trusted keys, and build the message they must cover (DSSE PAE);
//   2. the platform checks each SignatureCheck (Ed25519);
//   3. decideBundle(): threshold, payload, ruleset id, rollback, expiry.
// verifyBundle() runs all three with a synchronous primitive (the native tool).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wegwijzer/date.hpp"
#include "wegwijzer/problem.hpp"
#include "wegwijzer/ruleset.hpp"

namespace wegwijzer {

inline constexpr const char* kRulesetPayloadType = "application/vnd.wegwijzer.ruleset+json";
inline constexpr const char* kTrustRootFormat = "wegwijzer-trust-root/1";
inline constexpr std::size_t kMaxBundleBytes = 6u * 1024u * 1024u;  // 4 MiB ruleset, base64 and signatures

// Canonical base64 (RFC 4648 §4, with padding, no whitespace, zero pad bits).
std::string base64Encode(std::string_view bytes);
std::optional<std::string> base64DecodeCanonical(std::string_view text);

// DSSE v1 pre-authentication encoding: "DSSEv1 <len type> <type> <len body> <body>".
std::string preAuthEncoding(std::string_view payloadType, std::string_view payload);

struct Signature {
    std::string keyid;
    std::string sig;  // raw signature bytes
};

struct Envelope {
    std::string payloadType;
    std::string payload;  // the exact ruleset bytes
    std::vector<Signature> signatures;
};

// Serialises an envelope (stable member order, base64 fields).
std::string envelopeToJson(const Envelope& envelope);

struct TrustedKey {
    std::string keyid;
    std::string publicKey;  // raw 32-byte Ed25519 public key
    std::string owner;
    std::optional<Date> validFrom;
    std::optional<Date> validUntil;

    bool validOn(const Date& d) const { return (!validFrom || *validFrom <= d) && (!validUntil || d <= *validUntil); }
};

struct TrustRoot {
    int threshold = 1;
    std::vector<TrustedKey> keys;
    const TrustedKey* key(std::string_view keyid) const;
};

struct LoadedTrustRoot {
    std::optional<TrustRoot> root;
    Problems problems;
};
LoadedTrustRoot parseTrustRoot(std::string_view text);

// A 32-byte Ed25519 public key that no one may trust (TUF and libsodium
// refuse them too): a point of small order (the identity and the other seven
// points of order 1, 2, 4 or 8; with one of them, the signature R = that
// point, S = 0 verifies for any message) or a non-canonical encoding (y of
// 2^255 - 19 or more). Other byte strings that are no point at all fail
// every signature check. Decided on the bytes, without curve arithmetic.
bool isWeakEd25519PublicKey(std::string_view publicKey);
std::string trustRootToJson(const TrustRoot& root);

// What the client demands of a bundle.
struct TrustPolicy {
    Date today;                  // the client's date (never read from a clock here)
    std::string rulesetId;       // required id; empty accepts any
    std::int64_t minVersion = 0; // the highest version accepted before on this device
    int graceDays = 30;          // after expiry: accepted with a warning for this many days
    // After the ruleset's freshUntil (when it has one): accepted with a
    // warning for this many days, then refused as stale. A negative value
    // turns the check off (rules that ship with the client's own code).
    int freshGraceDays = 0;
    std::size_t maxBytes = kMaxBundleBytes;
    // The SHA-256 (lower-case hex) of the signed message (PAE) of the bundle
    // accepted at minVersion; empty when not known. A bundle that says the
    // same version with another message is refused (version-reused).
    std::string minVersionDigest;
};

// A client's policy as JSON (the widget's: docs/bundle-format.md §8):
// {"today": "YYYY-MM-DD", "rulesetId", "minVersion", "minVersionDigest",
// "graceDays" (0 to 3650), "freshGraceDays" (-1 to 3650)}. Only "today" is
// required; a member of the wrong type or out of range keeps its default.
// Null, with `error` set, when it is not an object or has no valid today.
std::optional<TrustPolicy> parseTrustPolicy(std::string_view text, std::string& error);

// Stable reason codes of a refusal (docs/bundle-format.md, "Refusals").
namespace refusal {
inline constexpr const char* kTooLarge = "too-large";
inline constexpr const char* kMalformed = "malformed";
inline constexpr const char* kDuplicateKey = "duplicate-key";
inline constexpr const char* kBadEnvelope = "bad-envelope";
inline constexpr const char* kNonCanonicalBase64 = "non-canonical-base64";
inline constexpr const char* kWrongPayloadType = "wrong-payload-type";
inline constexpr const char* kUnknownKey = "unknown-key";
inline constexpr const char* kKeyNotValid = "key-not-valid";
inline constexpr const char* kBadSignature = "bad-signature";
inline constexpr const char* kThresholdNotMet = "threshold-not-met";
inline constexpr const char* kInvalidRuleset = "invalid-ruleset";
inline constexpr const char* kWrongRulesetId = "wrong-ruleset-id";
inline constexpr const char* kRollback = "rollback";
inline constexpr const char* kVersionReused = "version-reused";
inline constexpr const char* kExpired = "expired";
inline constexpr const char* kStale = "stale";
}  // namespace refusal

struct Refusal {
    std::string code;     // one of refusal::k*
    std::string message;  // plain English
};

// One signature the platform must check: Ed25519(publicKey, message, signature).
struct SignatureCheck {
    std::string keyid;
    std::string publicKey;
    std::string signature;
};

struct PreparedBundle {
    std::optional<Refusal> refusal;  // set when the envelope is refused before any signature check
    Envelope envelope;
    std::string message;                // the bytes every signature must cover (PAE)
    std::vector<SignatureCheck> checks; // every signature by a trusted key valid today
    std::size_t untrustedSignatures = 0;
    std::size_t outOfValiditySignatures = 0;
};

PreparedBundle prepareBundle(std::string_view bytes, const TrustRoot& root, const TrustPolicy& policy);

struct BundleVerdict {
    std::optional<Refusal> refusal;          // unset = accepted
    std::shared_ptr<const Ruleset> ruleset;  // accepted: the loaded ruleset
    std::string payload;                     // accepted: its exact bytes
    std::vector<std::string> signers;        // key ids whose signatures counted
    std::vector<std::string> warnings;       // e.g. expired but within the grace period
    bool expired = false;
    bool stale = false;                      // past freshUntil, within freshGraceDays
    std::string messageDigest;               // as the platform gave it to decideBundle (may be empty)

    bool accepted() const { return !refusal.has_value(); }
};

// `valid[i]` is the platform's answer for prepared.checks[i];
// `messageDigest`, the platform's SHA-256 (lower-case hex) of
// prepared.message: needed when policy.minVersionDigest is set (without it a
// bundle of that version is refused, since it cannot be compared).
BundleVerdict decideBundle(const PreparedBundle& prepared, const std::vector<bool>& valid, const TrustRoot& root,
                           const TrustPolicy& policy, std::string_view messageDigest = {});

using Ed25519Verify =
    std::function<bool(std::string_view publicKey, std::string_view message, std::string_view signature)>;
using Sha256Hex = std::function<std::string(std::string_view bytes)>;

// All three steps with synchronous primitives; `sha256` may be empty when
// the policy has no minVersionDigest and the digest is not wanted.
BundleVerdict verifyBundle(std::string_view bytes, const TrustRoot& root, const TrustPolicy& policy,
                           const Ed25519Verify& verify, const Sha256Hex& sha256 = nullptr);

}  // namespace wegwijzer
