// Shared helpers of the fuzz targets (fuzz/README.md).
//
// Every target is a plain `LLVMFuzzerTestOneInput`: linked with libFuzzer
// (clang, -fsanitize=fuzzer) it fuzzes; linked with replay.cpp (any
// compiler) it replays the files under fuzz/regressions/.
//
// Besides the sanitizers, the targets check invariants of the public API.
// A broken invariant prints "wegwijzer fuzz invariant violated: ..." and
// aborts, which the fuzzer reports as a crash like any other.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>

#include "wegwijzer/wegwijzer.hpp"

namespace wegwijzer_fuzz {

[[noreturn]] inline void violated(const char* what, const char* file, int line) {
    std::fprintf(stderr, "wegwijzer fuzz invariant violated: %s (%s:%d)\n", what, file, line);
    std::fflush(stderr);
    std::abort();
}

#define WW_FUZZ_CHECK(condition)                                                      \
    do {                                                                              \
        if (!(condition)) ::wegwijzer_fuzz::violated(#condition, __FILE__, __LINE__); \
    } while (0)

inline std::string_view asText(const std::uint8_t* data, std::size_t size) {
    return size == 0 ? std::string_view() : std::string_view(reinterpret_cast<const char*>(data), size);
}

// Splits at the first '\n': (first line, rest). Without a newline the rest is empty.
inline std::pair<std::string_view, std::string_view> splitFirstLine(std::string_view text) {
    const std::size_t nl = text.find('\n');
    if (nl == std::string_view::npos) return {text, std::string_view()};
    return {text.substr(0, nl), text.substr(nl + 1)};
}

// FNV-1a: a stable way to derive choices from the input.
inline std::uint64_t hashOf(std::string_view text) {
    std::uint64_t h = 1469598103934665603ull;
    for (char c : text) {
        h ^= static_cast<unsigned char>(c);
        h *= 1099511628211ull;
    }
    return h;
}

// What the command and the wasm module do with every JSON they produce:
// serialise it (nlohmann aborts on invalid UTF-8 under JSON_NOEXCEPTION).
inline std::size_t dumped(const wegwijzer::Json& j) { return j.dump().size(); }

// rules/keys/dev-only-trust-root.json, verbatim (a public development key).
inline constexpr const char* kDevTrustRoot = R"json({
  "format": "wegwijzer-trust-root/1",
  "keys": [
    {
      "keyid": "efeb5ce2a600a7362c449927cb34329d",
      "owner": "Wegwijzer development key (NOT for production)",
      "publicKey": "47viuMto7bt8v9A5QqM9fVf1bOC2kc6Kcm/3F/bavQY="
    }
  ],
  "threshold": 1
}
)json";
inline constexpr const char* kDevKeyId = "efeb5ce2a600a7362c449927cb34329d";

inline wegwijzer::Date date(int y, int m, int d) {
    wegwijzer::Date out;
    out.year = y;
    out.month = m;
    out.day = d;
    return out;
}

// The invariants of every evaluated result: its status follows from its
// criteria, and an open criterion of an undecided result waits for a
// question, unless it is open because its test failed (a rule error).
inline void checkResultOutcomes(const wegwijzer::Evaluation& e) {
    using namespace wegwijzer;
    for (const ResultOutcome& r : e.results) {
        WW_FUZZ_CHECK(r.result != nullptr && r.version != nullptr);
        WW_FUZZ_CHECK(r.criteria.size() == r.version->criteria.size());
        bool notMet = false, open = false;
        for (const CriterionOutcome& c : r.criteria) {
            notMet = notMet || c.status == CriterionStatus::NotMet;
            open = open || c.status == CriterionStatus::Open;
        }
        // "maxStatus": "unknown" (rules-format §4): never eligible, also with every criterion met.
        WW_FUZZ_CHECK(r.status == (notMet ? Status::NotEligible
                                          : (open || r.version->atMostUnknown ? Status::Unknown : Status::Eligible)));
        if (r.status != Status::Unknown) continue;
        for (const CriterionOutcome& c : r.criteria) {
            if (c.status != CriterionStatus::Open || !c.openQuestions.empty()) continue;
            const std::string test = c.criterion->pointer + "/test";
            bool openBecauseOfRuleError = false;
            for (const Problem& p : e.ruleErrors) {
                openBecauseOfRuleError = openBecauseOfRuleError || p.path.rfind(test, 0) == 0;
            }
            WW_FUZZ_CHECK(openBecauseOfRuleError);  // else it names no question to ask
        }
    }
}

}  // namespace wegwijzer_fuzz
