// The WebAssembly binding: a thin embind layer over the core. JSON in, JSON
// out; errors are values ({"error": ...}); no C++ exception crosses it.
// wegwijzer.d.ts states what web/ may rely on (tests/wasm/contract.test.mjs).
//
// A Session holds one accepted ruleset. The widget:
//   1. prepareBundle(bundleText, trustRootText, policyJson) -> the signature
//      checks to run with WebCrypto (or a refusal);
//   2. acceptBundle(answersJson) -> the core's verdict (threshold, id,
//      rollback, a reused version, expiry); on acceptance the session uses
//      that ruleset;
//   3. describe / evaluate / courseView on the accepted ruleset.
//
// The fast path (core/include/wegwijzer/program.hpp), for evaluating many
// answer sets (benchmarks, parity tests; in the Node build only: the widget
// evaluates each answer once, through status): compileFor(date) lowers the rules in
// force on that date and returns where, in the module's memory, the answers
// go (one double per question, encoded as program.hpp says) and where the
// outcome comes back; the plain export `_wegwijzer_run(state)`, called with
// the address the layout gives, evaluates them (not an embind method: an
// embind call costs about a quarter of a whole evaluation). No JSON and no
// copies on the way: web/src/engine.js (FastPath) writes and reads those arrays.

#include <emscripten/bind.h>
#include <emscripten/emscripten.h>
#include <emscripten/val.h>

#include <algorithm>
#include <memory>
#include <string>
#include <tuple>

#include "wegwijzer/wegwijzer.hpp"

namespace wegwijzer {

namespace {

std::string errorJson(const std::string& message) { return Json{{"error", message}}.dump(); }

// A Uint8Array's bytes in one copy (embind's std::string conversion copies
// byte by byte in JavaScript), or a string's UTF-8.
std::string bytesOf(const emscripten::val& v) {
    if (v.isString()) return v.as<std::string>();
    std::string out(v["length"].as<std::size_t>(), '\0');
    emscripten::val(emscripten::typed_memory_view(out.size(), reinterpret_cast<unsigned char*>(out.data())))
        .call<void>("set", v);
    return out;
}

std::optional<Json> parseArgument(const std::string& text, std::string& error) {
    JsonResult r = parseJson(text);
    if (!r.value) error = r.problem.message;
    return r.value;
}

std::optional<Date> parseDateArgument(const std::string& text) { return Date::parse(text); }

Json textOf(const Text& t, const std::string& locale) { return textIn(t, locale); }

}  // namespace

#ifdef WEGWIJZER_TEST_ENTRY_POINTS
// What the fast path of one Session needs while running; its address is
// handed to JavaScript once and stays the same for the Session's life.
struct FastState {
    std::shared_ptr<const Program> program;
    std::vector<double> answers;
    ProgramOutcome outcome;

    // 1 when an operation of the rules failed (evaluate() says which), plus
    // 2 * (1 + the index of the first invalid answer) when one was left out;
    // -1 when nothing is compiled.
    int run() {
        if (!program) return -1;
        program->run(answers.data(), outcome);
        return (outcome.ruleErrors ? 1 : 0) + 2 * (outcome.invalidAnswer + 1);
    }
};
#endif

class Session {
public:
    // bundle: its bytes (a Uint8Array: one copy into the module's memory) or
    // its text.
    std::string prepareBundle(const emscripten::val& bundle, const std::string& trustRoot, const std::string& policyJson) {
        LoadedTrustRoot root = parseTrustRoot(trustRoot);
        if (!root.root) return errorJson("the trust root is invalid: " + root.problems.front().message);
        std::string error;
        auto policy = parseArgument(policyJson, error);
        if (!policy || !policy->is_object()) return errorJson("the policy is not a JSON object: " + error);
        auto today = parseDateArgument(stringMember(*policy, "today"));
        if (!today) return errorJson("the policy needs \"today\" as YYYY-MM-DD");
        policy_ = TrustPolicy{};
        policy_.today = *today;
        policy_.rulesetId = stringMember(*policy, "rulesetId");
        if (policy->contains("minVersion") && (*policy)["minVersion"].is_number_integer()) {
            policy_.minVersion = (*policy)["minVersion"].get<std::int64_t>();
        }
        policy_.minVersionDigest = stringMember(*policy, "minVersionDigest");
        // Days: 0 to 3650; freshGraceDays also -1 (no freshness check).
        for (auto [key, days, least] : {std::tuple{"graceDays", &policy_.graceDays, 0},
                                        std::tuple{"freshGraceDays", &policy_.freshGraceDays, -1}}) {
            const Json* n = policy->contains(key) ? &(*policy)[key] : nullptr;
            if (n && n->is_number_integer() && *n >= least && *n <= 3650) *days = static_cast<int>(n->get<std::int64_t>());
        }
        root_ = *root.root;
        prepared_ = wegwijzer::prepareBundle(bytesOf(bundle), root_, policy_);
        if (prepared_.refusal) return refusalJson(*prepared_.refusal);
        Json checks = Json::array();
        for (const SignatureCheck& c : prepared_.checks) {
            checks.push_back({{"keyid", c.keyid}, {"publicKey", base64Encode(c.publicKey)},
                              {"signature", base64Encode(c.signature)}});
        }
        return Json{{"checks", checks}}.dump();
    }

    // answersJson: the platform's answers, one per check, and the SHA-256
    // (hex) of message(): {"valid": [true, ...], "messageDigest": "..."}.
    std::string acceptBundle(const std::string& answersJson) {
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
#ifdef WEGWIJZER_TEST_ENTRY_POINTS
        fast_->program.reset();
#endif
        Json out = summary();
        out["accepted"] = true;
        out["signers"] = verdict.signers;
        out["warnings"] = verdict.warnings;
        out["expired"] = verdict.expired;
        out["stale"] = verdict.stale;
        return out.dump();
    }

    // For tests and tools only: use a ruleset without a signature.
#ifdef WEGWIJZER_TEST_ENTRY_POINTS
    // Test and benchmark entry points: in the Node build only (wasm/CMakeLists.txt).
    std::string loadUnsigned(const std::string& text) {
        LoadedRuleset loaded = loadRuleset(text);
        if (!loaded.ruleset) return Json{{"problems", toJson(loaded.problems)}}.dump();
        ruleset_ = loaded.ruleset;
        fast_->program.reset();
        return summary().dump();
    }
#endif

    // The bytes every signature must cover (PAE), after prepareBundle: a view
    // into the module's memory, valid until the next call (copy it: .slice()).
    // No base64 and no JSON for the largest thing that crosses the boundary.
    emscripten::val message() const {
        return emscripten::val(emscripten::typed_memory_view(
            prepared_.message.size(), reinterpret_cast<const unsigned char*>(prepared_.message.data())));
    }

    std::string describe(const std::string& requested) const {
        if (!ruleset_) return errorJson("no ruleset is loaded");
        const std::string locale = localeOf(requested);
        Json questions = Json::array();
        for (const Question& q : ruleset_->questions) {
            Json j = {{"id", q.id}, {"type", questionTypeName(q.type)}, {"course", q.courseFact},
                      {"text", textOf(q.text, locale)}};
            if (!q.help.empty()) j["help"] = textOf(q.help, locale);
            if (q.goal) j["goal"] = true;
            if (q.type == QuestionType::Number) {
                j["min"] = Value::number(q.min).toJson();
                j["max"] = Value::number(q.max).toJson();
                if (!q.unit.empty()) j["unit"] = textOf(q.unit, locale);
            }
            Json options = Json::array();
            for (const Option& o : q.options) {
                Json option = {{"value", o.value}, {"text", textOf(o.text, locale)}};
                if (q.goal) option["pillars"] = o.pillars;  // empty: every result
                options.push_back(std::move(option));
            }
            if (q.type == QuestionType::Choice) j["options"] = options;
            questions.push_back(j);
        }
        Json out = summary();
        out["title"] = textOf(ruleset_->title, locale);
        out["locales"] = ruleset_->locales;
        out["questions"] = questions;
        return out.dump();
    }

    std::string evaluate(const std::string& answersJson, const std::string& date, const std::string& requested) const {
        if (!ruleset_) return errorJson("no ruleset is loaded");
        const std::string locale = localeOf(requested);
        std::string error;
        auto answers = parseArgument(answersJson, error);
        if (!answers) return errorJson("the answers are not JSON: " + error);
        auto d = parseDateArgument(date);
        if (!d) return errorJson("the date must be YYYY-MM-DD");
        return toJson(wegwijzer::evaluate(*ruleset_, *answers, *d), *ruleset_, locale).dump();
    }

    // The compact evaluation (statuses, amounts, next, progress; no texts).
    std::string status(const std::string& answersJson, const std::string& date) const {
        if (!ruleset_) return errorJson("no ruleset is loaded");
        std::string error;
        auto answers = parseArgument(answersJson, error);
        if (!answers) return errorJson("the answers are not JSON: " + error);
        auto d = parseDateArgument(date);
        if (!d) return errorJson("the date must be YYYY-MM-DD");
        return toStatusJson(wegwijzer::evaluate(*ruleset_, *answers, *d)).dump();
    }

    std::string courseView(const std::string& factsJson, const std::string& date, const std::string& requested) const {
        if (!ruleset_) return errorJson("no ruleset is loaded");
        const std::string locale = localeOf(requested);
        std::string error;
        auto facts = parseArgument(factsJson, error);
        if (!facts) return errorJson("the course facts are not JSON: " + error);
        auto d = parseDateArgument(date);
        if (!d) return errorJson("the date must be YYYY-MM-DD");
        return toJson(wegwijzer::courseView(*ruleset_, *facts, *d), *ruleset_, locale).dump();
    }

#ifdef WEGWIJZER_TEST_ENTRY_POINTS
    std::string compileFor(const std::string& date) {
        if (!ruleset_) return errorJson("no ruleset is loaded");
        auto d = parseDateArgument(date);
        if (!d) return errorJson("the date must be YYYY-MM-DD");
        std::string why;
        fast_->program = Program::build(ruleset_, *d, &why);
        if (!fast_->program) return Json{{"unavailable", why}}.dump();
        const Program& program = *fast_->program;
        fast_->answers.assign(ruleset_->questions.size(), kNotAnswered);
        fast_->outcome = program.makeOutcome();
        const ProgramOutcome& out = fast_->outcome;
        Json questions = Json::array();
        for (const Question& q : ruleset_->questions) questions.push_back(q.id);
        Json results = Json::array();
        for (const Program::ResultSlice& r : program.results()) {
            Json criteria = Json::array();
            for (const Criterion& c : r.version->criteria) criteria.push_back(c.id);
            Json amounts = Json::array();
            for (const Amount& a : r.version->amounts) amounts.push_back(a.id);
            results.push_back({{"id", r.result->id}, {"criteria", criteria}, {"amounts", amounts}});
        }
        auto at = [](const void* p) { return static_cast<double>(reinterpret_cast<std::uintptr_t>(p)); };
        return Json{{"date", d->toString()},
                    {"questions", questions},
                    {"results", results},
                    {"statusNames", {statusName(Status::Eligible), statusName(Status::NotEligible), statusName(Status::Unknown)}},
                    {"criterionNames", {criterionStatusName(CriterionStatus::Met), criterionStatusName(CriterionStatus::NotMet),
                                        criterionStatusName(CriterionStatus::Open)}},
                    {"memory", {{"state", at(fast_.get())},                // for _wegwijzer_run
                                {"answers", at(fast_->answers.data())},     // Float64, one per question
                                {"applies", at(out.applies.data())},        // Int8: -1 undecided, 0 no, 1 yes
                                {"statuses", at(out.statuses.data())},      // Uint8 per result: index into statusNames
                                {"criteria", at(out.criteria.data())},      // Uint8 per criterion: into criterionNames
                                {"amounts", at(out.amounts.data())}}}}      // Float64 per amount, NaN when none
            .dump();
    }

    // Runs one case file against the loaded ruleset (parity tests).
    std::string runCases(const std::string& casesText) const {
        if (!ruleset_) return errorJson("no ruleset is loaded");
        LoadedCases cases = parseCases(casesText);
        if (!cases.problems.empty()) return Json{{"problems", toJson(cases.problems)}}.dump();
        Json out = Json::array();
        for (const Case& c : cases.cases) {
            CaseOutcome o = runCase(*ruleset_, c);
            out.push_back({{"name", c.name}, {"passed", o.passed}, {"failures", o.failures},
                           {"evaluation", toJson(o.evaluation, *ruleset_, ruleset_->locales.front())}});
        }
        return out.dump();
    }
#endif

private:
    // A locale the ruleset has; otherwise its first (default) locale.
    std::string localeOf(const std::string& requested) const {
        const auto& all = ruleset_->locales;
        return std::find(all.begin(), all.end(), requested) != all.end() ? requested : all.front();
    }

    Json summary() const {
        Json out = {{"id", ruleset_->id}, {"version", ruleset_->version}, {"published", ruleset_->published.toString()},
                    {"expires", ruleset_->expires.toString()}};
        if (ruleset_->freshUntil) out["freshUntil"] = ruleset_->freshUntil->toString();
        return out;
    }
    static std::string refusalJson(const Refusal& r) {
        return Json{{"accepted", false}, {"refusal", {{"code", r.code}, {"message", r.message}}}}.dump();
    }

    TrustRoot root_;
    TrustPolicy policy_;
    PreparedBundle prepared_;
    std::shared_ptr<const Ruleset> ruleset_;
#ifdef WEGWIJZER_TEST_ENTRY_POINTS
    std::unique_ptr<FastState> fast_ = std::make_unique<FastState>();
#endif
};

#ifdef WEGWIJZER_TEST_ENTRY_POINTS
extern "C" EMSCRIPTEN_KEEPALIVE int wegwijzer_run(FastState* state) { return state->run(); }

// One expression against JSON data (CertLogic suites in wasm).
std::string evaluateLogic(const std::string& expression, const std::string& data, const std::string& dialect) {
    std::string error;
    auto e = parseArgument(expression, error);
    if (!e) return errorJson("the expression is not JSON: " + error);
    auto d = parseArgument(data, error);
    if (!d) return errorJson("the data is not JSON: " + error);
    CompileOptions options;
    options.dialect = dialect == "certlogic" ? Dialect::CertLogic : Dialect::Wegwijzer;
    Problems problems;
    Expression compiled = compile(*e, options, problems);
    if (!compiled.valid()) return Json{{"problems", toJson(problems)}}.dump();
    Value v = compiled.evaluate(*d);
    if (v.isError()) return Json{{"error", v.errorProblem().message}, {"pointer", v.errorProblem().path}}.dump();
    return Json{{"value", v.toJson()}}.dump();
}
#endif

}  // namespace wegwijzer

EMSCRIPTEN_BINDINGS(wegwijzer) {
    using namespace emscripten;
    using wegwijzer::Session;
    const class_<Session> session("Session");
    session.constructor<>()
        .function("prepareBundle", &Session::prepareBundle)
        .function("acceptBundle", &Session::acceptBundle)
        .function("message", &Session::message)
        .function("describe", &Session::describe)
        .function("evaluate", &Session::evaluate)
        .function("status", &Session::status)
        .function("courseView", &Session::courseView);
#ifdef WEGWIJZER_TEST_ENTRY_POINTS
    session.function("compileFor", &Session::compileFor)
        .function("loadUnsigned", &Session::loadUnsigned)
        .function("runCases", &Session::runCases);
    function("evaluateLogic", &wegwijzer::evaluateLogic);
#endif
}
