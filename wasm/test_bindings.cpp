// Test and benchmark entry points, in the Node build only (wasm/CMakeLists.txt;
// tests/wasm/contract.test.mjs checks the browser build has none of them):
//   - Session.loadUnsigned(text): use a ruleset without a signature;
//   - Session.runCases(text): run a case file (parity tests);
//   - evaluateLogic(expression, data, dialect): one expression in data mode
//     (the conformance suites in wasm);
//   - the fast path (core/include/wegwijzer/program.hpp) for evaluating many
//     answer sets: Session.compileFor(date) lowers the rules in force on that
//     date and returns where, in the module's memory, the answers go (one
//     double per question, encoded as program.hpp says) and where the outcome
//     comes back; the plain export `_wegwijzer_run(state)` evaluates them (not
//     an embind method: an embind call costs about a quarter of a whole
//     evaluation). web/src/fast-path.js writes and reads those arrays.

#include <emscripten/emscripten.h>

#include <cstdint>
#include <map>

#include "session.hpp"

namespace wegwijzer {

namespace {

// What the fast path of one Session needs while running; its address is
// handed to JavaScript once and stays the same for the Session's life.
struct FastState {
    const Session* session = nullptr;
    const Ruleset* compiledFrom = nullptr;
    std::shared_ptr<const Program> program;
    std::vector<double> answers;
    ProgramOutcome outcome;

    // 1 when an operation of the rules failed (evaluate() says which), plus
    // 2 * (1 + the index of the first invalid answer) when one was left out;
    // -1 when nothing is compiled for the session's ruleset.
    int run() {
        if (!program || session->ruleset().get() != compiledFrom) return -1;
        program->run(answers.data(), outcome);
        return (outcome.ruleErrors ? 1 : 0) + 2 * (outcome.invalidAnswer + 1);
    }
};

// One per Session that compiled, kept for the module's life (tests only).
std::map<const Session*, std::unique_ptr<FastState>>& fastStates() {
    static std::map<const Session*, std::unique_ptr<FastState>> states;
    return states;
}

std::string loadUnsigned(Session& session, const std::string& text) {
    LoadedRuleset loaded = loadRuleset(text);
    if (!loaded.ruleset) return Json{{"problems", toJson(loaded.problems)}}.dump();
    session.useRuleset(loaded.ruleset);
    return summaryJson(*loaded.ruleset).dump();
}

std::string compileFor(Session& session, const std::string& date) {
    const auto& ruleset = session.ruleset();
    if (!ruleset) return errorJson("no ruleset is loaded");
    auto d = Date::parse(date);
    if (!d) return errorJson("the date must be YYYY-MM-DD");
    auto& fast = fastStates()[&session];
    if (!fast) fast = std::make_unique<FastState>();
    fast->session = &session;
    std::string why;
    fast->program = Program::build(ruleset, *d, &why);
    fast->compiledFrom = ruleset.get();
    if (!fast->program) return Json{{"unavailable", why}}.dump();
    const Program& program = *fast->program;
    fast->answers.assign(ruleset->questions.size(), kNotAnswered);
    fast->outcome = program.makeOutcome();
    const ProgramOutcome& out = fast->outcome;
    Json questions = Json::array();
    for (const Question& q : ruleset->questions) questions.push_back(q.id);
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
                {"memory", {{"state", at(fast.get())},                // for _wegwijzer_run
                            {"answers", at(fast->answers.data())},     // Float64, one per question
                            {"applies", at(out.applies.data())},       // Int8: -1 undecided, 0 no, 1 yes
                            {"statuses", at(out.statuses.data())},     // Uint8 per result: index into statusNames
                            {"criteria", at(out.criteria.data())},     // Uint8 per criterion: into criterionNames
                            {"amounts", at(out.amounts.data())}}}}     // Float64 per amount, NaN when none
        .dump();
}

std::string runCases(const Session& session, const std::string& casesText) {
    const auto& ruleset = session.ruleset();
    if (!ruleset) return errorJson("no ruleset is loaded");
    LoadedCases cases = parseCases(casesText);
    if (!cases.problems.empty()) return Json{{"problems", toJson(cases.problems)}}.dump();
    Json out = Json::array();
    for (const Case& c : cases.cases) {
        CaseOutcome o = runCase(*ruleset, c);
        out.push_back({{"name", c.name}, {"passed", o.passed}, {"failures", o.failures},
                       {"evaluation", toJson(o.evaluation, *ruleset, ruleset->locales.front())}});
    }
    return out.dump();
}

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

}  // namespace

void registerTestEntryPoints(emscripten::class_<Session>& session) {
    session.function("loadUnsigned", &loadUnsigned).function("compileFor", &compileFor).function("runCases", &runCases);
    emscripten::function("evaluateLogic", &evaluateLogic);
}

}  // namespace wegwijzer

extern "C" EMSCRIPTEN_KEEPALIVE int wegwijzer_run(wegwijzer::FastState* state) { return state->run(); }
