#include "crypto.hpp"

#include "wegwijzer/bundle.hpp"

#include <memory>

#include <openssl/evp.h>
#include <openssl/pem.h>

namespace wegwijzer::native {

namespace {

struct Free {
    void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
    void operator()(EVP_PKEY_CTX* c) const { EVP_PKEY_CTX_free(c); }
    void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
    void operator()(BIO* b) const { BIO_free(b); }
};
template <typename T>
using Owned = std::unique_ptr<T, Free>;

std::optional<std::string> rawPublic(EVP_PKEY* key) {
    std::string raw(32, '\0');
    size_t len = raw.size();
    if (EVP_PKEY_get_raw_public_key(key, reinterpret_cast<unsigned char*>(raw.data()), &len) != 1 || len != 32) {
        return std::nullopt;
    }
    return raw;
}

Owned<EVP_PKEY> parsePem(std::string_view pem) {
    Owned<BIO> bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
    if (!bio) return nullptr;
    return Owned<EVP_PKEY>(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
}

}  // namespace

std::optional<KeyPair> generateEd25519() {
    Owned<EVP_PKEY_CTX> ctx(EVP_PKEY_CTX_new_id(EVP_PKEY_ED25519, nullptr));
    EVP_PKEY* raw = nullptr;
    if (!ctx || EVP_PKEY_keygen_init(ctx.get()) != 1 || EVP_PKEY_keygen(ctx.get(), &raw) != 1) return std::nullopt;
    Owned<EVP_PKEY> key(raw);
    Owned<BIO> bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_PrivateKey(bio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1) {
        return std::nullopt;
    }
    char* data = nullptr;
    long len = BIO_get_mem_data(bio.get(), &data);
    auto pub = rawPublic(key.get());
    if (!pub || len <= 0) return std::nullopt;
    return KeyPair{std::string(data, static_cast<std::size_t>(len)), *pub};
}

std::optional<PrivateKey> readPrivateKeyPem(std::string_view pem, std::string& error) {
    Owned<EVP_PKEY> key = parsePem(pem);
    if (!key) {
        error = "not a PEM private key";
        return std::nullopt;
    }
    if (EVP_PKEY_get_id(key.get()) != EVP_PKEY_ED25519) {
        error = "not an Ed25519 key";
        return std::nullopt;
    }
    auto pub = rawPublic(key.get());
    if (!pub) {
        error = "cannot read the public half of the key";
        return std::nullopt;
    }
    return PrivateKey{*pub, std::string(pem)};
}

std::optional<std::string> signEd25519(const PrivateKey& key, std::string_view message) {
    Owned<EVP_PKEY> pkey = parsePem(key.pem);
    Owned<EVP_MD_CTX> ctx(EVP_MD_CTX_new());
    if (!pkey || !ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, pkey.get()) != 1) return std::nullopt;
    std::string sig(64, '\0');
    size_t len = sig.size();
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(sig.data()), &len,
                       reinterpret_cast<const unsigned char*>(message.data()), message.size()) != 1 ||
        len != 64) {
        return std::nullopt;
    }
    return sig;
}

bool verifyEd25519(std::string_view publicKey, std::string_view message, std::string_view signature) {
    if (publicKey.size() != 32 || signature.size() != 64) return false;
    if (isWeakEd25519PublicKey(publicKey)) return false;  // OpenSSL accepts them
    Owned<EVP_PKEY> key(EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr,
                                                    reinterpret_cast<const unsigned char*>(publicKey.data()), 32));
    Owned<EVP_MD_CTX> ctx(EVP_MD_CTX_new());
    if (!key || !ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) != 1) return false;
    return EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(signature.data()), signature.size(),
                            reinterpret_cast<const unsigned char*>(message.data()), message.size()) == 1;
}

std::string sha256Hex(std::string_view bytes) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_Digest(bytes.data(), bytes.size(), digest, &len, EVP_sha256(), nullptr);
    static const char kHex[] = "0123456789abcdef";
    std::string out;
    for (unsigned int i = 0; i < len; ++i) {
        out += kHex[digest[i] >> 4];
        out += kHex[digest[i] & 15];
    }
    return out;
}

std::string keyIdOf(std::string_view publicKey) { return sha256Hex(publicKey).substr(0, 32); }

}  // namespace wegwijzer::native
