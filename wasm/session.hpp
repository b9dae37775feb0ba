// The Session that wasm/bindings.cpp gives JavaScript: one accepted ruleset
// and the bundle check that leads to it. Declared here so that the Node
// build's test entry points (test_bindings.cpp) can reach its ruleset.
#pragma once

#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <memory>
#include <string>

#include "wegwijzer/wegwijzer.hpp"

namespace wegwijzer {

class Session {
public:
    std::string prepareBundle(const emscripten::val& bundle, const std::string& trustRoot, const std::string& policyJson);
    std::string acceptBundle(const emscripten::val& valid, const std::string& messageDigest);
    emscripten::val message() const;
    emscripten::val publicKey(std::size_t check) const;
    emscripten::val signature(std::size_t check) const;
    std::string describe(const std::string& locale) const;
    std::string evaluate(const std::string& answersJson, const std::string& date, const std::string& locale) const;
    std::string status(const std::string& answersJson, const std::string& date) const;
    std::string courseView(const std::string& factsJson, const std::string& date, const std::string& locale) const;

    // The ruleset in use: null until a bundle is accepted. Tests may set one
    // without a signature (test_bindings.cpp; not in the browser build).
    const std::shared_ptr<const Ruleset>& ruleset() const { return ruleset_; }
    void useRuleset(std::shared_ptr<const Ruleset> ruleset) { ruleset_ = std::move(ruleset); }

private:
    TrustRoot root_;
    TrustPolicy policy_;
    PreparedBundle prepared_;
    std::shared_ptr<const Ruleset> ruleset_;
};

// Helpers both binding files use: {"error": message}, and JSON arguments.
std::string errorJson(const std::string& message);
std::optional<Json> parseArgument(const std::string& text, std::string& error);

// The Node build's test and benchmark entry points (test_bindings.cpp).
void registerTestEntryPoints(emscripten::class_<Session>& session);

}  // namespace wegwijzer
