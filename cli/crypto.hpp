// The native signature primitive: Ed25519 through OpenSSL 3. The core's trust
// policy calls verifyEd25519 through wegwijzer::Ed25519Verify.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace wegwijzer::native {

struct KeyPair {
    std::string privatePem;  // PKCS#8 PEM
    std::string publicKey;   // raw 32 bytes
};

std::optional<KeyPair> generateEd25519();

// A private key read from PKCS#8 PEM; empty `error` on success.
struct PrivateKey {
    std::string publicKey;  // raw 32 bytes
    std::string pem;
};
std::optional<PrivateKey> readPrivateKeyPem(std::string_view pem, std::string& error);

std::optional<std::string> signEd25519(const PrivateKey& key, std::string_view message);
bool verifyEd25519(std::string_view publicKey, std::string_view message, std::string_view signature);

// The key id: lower-case hex of the first 16 bytes of SHA-256(raw public key).
std::string keyIdOf(std::string_view publicKey);
// SHA-256 of `bytes`, all 32 bytes in lower-case hex (wegwijzer::Sha256Hex).
std::string sha256Hex(std::string_view bytes);

}  // namespace wegwijzer::native
