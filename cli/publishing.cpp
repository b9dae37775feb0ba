// Publishing commands, for key holders: keygen, trust-root, sign, verify
// (docs/bundle-format.md §9).

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cli.hpp"
#include "crypto.hpp"
#include "doc.hpp"


namespace fs = std::filesystem;

namespace wegwijzer::cli {

int cmdKeygen(int argc, char** argv) {
    Args args = parseArgs(argc, argv, 2, {"private", "public", "owner"}, {});
    if (!args.error.empty()) return usageError(args.error);
    auto privatePath = args.option("private");
    auto publicPath = args.option("public");
    if (!privatePath || !publicPath || !args.positional.empty()) {
        return usageError("keygen takes --private FILE --public FILE [--owner NAME]");
    }
    std::error_code ec;
    for (const std::string& p : {*privatePath, *publicPath}) {
        if (fs::exists(p, ec)) {
            std::cerr << "wegwijzer: " << p << " exists; not overwriting it\n";
            return kUsage;
        }
    }
    auto pair = native::generateEd25519();
    if (!pair) {
        std::cerr << "wegwijzer: OpenSSL could not generate an Ed25519 key\n";
        return kUsage;
    }
    const std::string keyid = native::keyIdOf(pair->publicKey);
    Json card = {{"keyid", keyid}, {"owner", args.option("owner").value_or("unnamed")},
                 {"publicKey", base64Encode(pair->publicKey)}};
    if (!writeNewFile(*privatePath, pair->privatePem, true)) return kUsage;
    if (!writeNewFile(*publicPath, card.dump(2) + "\n", false)) {
        ::unlink(privatePath->c_str());  // a private key without its card is never left behind (D11)
        std::cerr << "wegwijzer: removed " << *privatePath << " again\n";
        return kUsage;
    }
    std::cout << keyid << "\n";
    return kOk;
}

int cmdTrustRoot(int argc, char** argv) {
    Args args = parseArgs(argc, argv, 2, {"threshold", "output"}, {});
    if (!args.error.empty()) return usageError(args.error);
    auto output = args.option("output");
    auto threshold = args.option("threshold");
    if (!output || !threshold || args.positional.empty()) {
        return usageError("trust-root takes --threshold K PUBLIC_KEY_FILE... -o FILE");
    }
    TrustRoot root;
    auto k = wholeNumber(*threshold);
    if (!k || *k < 1 || *k > 16) return usageError("--threshold must be a whole number from 1 to 16");
    root.threshold = static_cast<int>(*k);
    for (const std::string& path : args.positional) {
        auto card = readJsonFile(path);
        if (!card) return kUsage;
        auto raw = base64DecodeCanonical(stringMember(*card, "publicKey"));
        if (!raw || raw->size() != 32) {
            std::cerr << "wegwijzer: " << path << ": not a public key card (keyid, owner, publicKey)\n";
            return kUsage;
        }
        TrustedKey key;
        key.publicKey = *raw;
        key.keyid = native::keyIdOf(*raw);
        key.owner = stringMember(*card, "owner");
        if (key.owner.empty()) key.owner = "unnamed";
        if (stringMember(*card, "keyid") != key.keyid) {
            std::cerr << "wegwijzer: " << path << ": the key id does not match the public key\n";
            return kUsage;
        }
        root.keys.push_back(key);
    }
    const std::string text = trustRootToJson(root);
    LoadedTrustRoot check = parseTrustRoot(text);  // the same rules a client applies
    if (!check.root) {
        printProblems(*output, check.problems);
        return kUsage;
    }
    if (!replaceFile(*output, text)) return kUsage;
    std::cout << *output << ": " << root.keys.size() << " keys, threshold " << root.threshold << "\n";
    return kOk;
}

int cmdSign(int argc, char** argv) {
    Args args = parseArgs(argc, argv, 2, {"key", "output"}, {});
    if (!args.error.empty()) return usageError(args.error);
    auto output = args.option("output");
    if (!output || args.positional.size() != 1) {
        return usageError("sign takes --key PRIVATE_KEY_FILE [--key ...] RULESET_OR_BUNDLE -o BUNDLE");
    }
    std::vector<native::PrivateKey> keys;
    for (const auto& [name, path] : args.options) {
        if (name != "key") continue;
        std::string error;
        auto pem = readFile(path, error);
        auto key = pem ? native::readPrivateKeyPem(*pem, error) : std::nullopt;
        if (!key) {
            std::cerr << "wegwijzer: " << path << ": " << error << "\n";
            return kUsage;
        }
        keys.push_back(*key);
    }
    if (keys.empty()) return usageError("sign needs at least one --key");

    const std::string& input = args.positional[0];
    std::string error;
    auto text = readFile(input, error);
    if (!text) return usageError(error);
    // A bundle gets more signatures; a ruleset gets its first ones.
    Envelope envelope;
    JsonResult probe = parseJson(*text, JsonLimits{kMaxBundleBytes, 256});
    if (probe.value && probe.value->is_object() && probe.value->contains("payloadType")) {
        TrustPolicy anyDate;
        PreparedBundle existing = prepareBundle(*text, TrustRoot{}, anyDate);
        if (existing.refusal) {
            std::cerr << input << ": not a valid bundle: " << existing.refusal->code << ": "
                      << existing.refusal->message << "\n";
            return kNegative;
        }
        envelope = existing.envelope;
    } else {
        envelope.payloadType = kRulesetPayloadType;
        envelope.payload = *text;
    }
    LoadedRuleset loaded = loadRuleset(envelope.payload);
    if (!loaded.ruleset) {
        printProblems(input, loaded.problems);
        std::cerr << input << ": does not pass lint; not signing\n";
        return kNegative;
    }
    const std::string message = preAuthEncoding(envelope.payloadType, envelope.payload);
    std::size_t added = 0;
    for (const native::PrivateKey& key : keys) {
        const std::string keyid = native::keyIdOf(key.publicKey);
        added += std::none_of(envelope.signatures.begin(), envelope.signatures.end(),
                              [&](const Signature& s) { return s.keyid == keyid; });
    }
    if (envelope.signatures.size() + added > 16) {
        std::cerr << "wegwijzer: a bundle carries at most 16 signatures; clients refuse more\n";
        return kUsage;
    }
    for (const native::PrivateKey& key : keys) {
        const std::string keyid = native::keyIdOf(key.publicKey);
        auto sig = native::signEd25519(key, message);
        if (!sig) {
            std::cerr << "wegwijzer: OpenSSL could not sign with key " << keyid << "\n";
            return kUsage;
        }
        envelope.signatures.erase(std::remove_if(envelope.signatures.begin(), envelope.signatures.end(),
                                                 [&](const Signature& s) { return s.keyid == keyid; }),
                                  envelope.signatures.end());
        envelope.signatures.push_back({keyid, *sig});
        std::cerr << "signed by " << keyid << "\n";
    }
    if (!replaceFile(*output, envelopeToJson(envelope))) return kUsage;
    std::cout << *output << ": ruleset \"" << loaded.ruleset->id << "\" version " << loaded.ruleset->version << ", "
              << envelope.signatures.size() << " signature(s)\n";
    return kOk;
}

int cmdVerify(int argc, char** argv) {
    Args args =
        parseArgs(argc, argv, 2,
                  {"trust", "ruleset-id", "min-version", "min-version-digest", "date", "grace-days", "fresh-grace-days"}, {});
    if (!args.error.empty()) return usageError(args.error);
    auto trustPath = args.option("trust");
    if (!trustPath || args.positional.size() != 1) return usageError("verify takes --trust FILE BUNDLE");
    TrustPolicy policy;
    policy.today = today();
    if (auto d = args.option("date")) {
        auto parsed = Date::parse(*d);
        if (!parsed) return usageError("--date: \"" + *d + "\" is not a date of the form YYYY-MM-DD");
        policy.today = *parsed;
    }
    policy.rulesetId = args.option("ruleset-id").value_or("");
    for (const std::string name : {"min-version", "grace-days", "fresh-grace-days"}) {
        auto text = args.option(name);
        if (!text) continue;
        const bool days = name != "min-version";
        auto n = wholeNumber(*text);
        if (!n || (days && *n > 3650)) {
            return usageError("--" + name + (days ? " takes a whole number of at most 3650"
                                                  : " takes a whole number of at most 9007199254740991"));
        }
        if (!days) {
            policy.minVersion = *n;
        } else {
            (name == "grace-days" ? policy.graceDays : policy.freshGraceDays) = static_cast<int>(*n);
        }
    }
    if (auto digest = args.option("min-version-digest")) {
        const bool hex = digest->size() == 64 && digest->find_first_not_of("0123456789abcdef") == std::string::npos;
        if (!hex) return usageError("--min-version-digest takes the 64 lower-case hex digits of a SHA-256");
        if (!args.option("min-version")) return usageError("--min-version-digest goes with --min-version");
        policy.minVersionDigest = *digest;
    }
    auto root = loadTrustRoot(*trustPath);
    if (!root) return kUsage;
    const std::string& path = args.positional[0];
    std::string error;
    auto text = readFile(path, error);
    if (!text) return usageError(error);
    BundleVerdict verdict = verifyBundle(*text, *root, policy, nativeVerify, native::sha256Hex);
    if (!verdict.accepted()) {
        std::cerr << path << ": refused: " << verdict.refusal->code << ": " << safe(verdict.refusal->message) << "\n";
        std::cout << verdict.refusal->code << "\n";
        return kNegative;
    }
    const Ruleset& rs = *verdict.ruleset;
    std::cout << "accepted: ruleset \"" << rs.id << "\" version " << rs.version << "\n"
              << "published: " << rs.published.toString() << "\n"
              << "expires: " << rs.expires.toString() << "\n";
    if (rs.freshUntil) std::cout << "fresh until: " << rs.freshUntil->toString() << "\n";
    for (const std::string& signer : verdict.signers) {
        std::cout << "signed by: " << signer << " (" << root->key(signer)->owner << ")\n";
    }
    std::cout << "message sha256: " << verdict.messageDigest << "\n";
    for (const std::string& w : verdict.warnings) std::cout << "warning: " << w << "\n";
    return kOk;
}

}  // namespace wegwijzer::cli
