// The native core under Google Benchmark, on the real ruleset and the
// generated profiles (bench/gen-profiles.mjs).
//
// Usage: wegwijzer_bench --ruleset=R --profiles=P --bundle=B --trust-root=T
//                        [--dump=statuses.json] [--loop=NAME:COUNT] [Google Benchmark flags]
//   --dump    writes, for every complete profile, each result's status, each
//             criterion's outcome and the amounts, and for every partial
//             profile the statuses and the planned next questions (the
//             reference the JS runner compares every other engine with),
//             then benchmarks.
//   --loop    no benchmark: runs one measured loop COUNT times over the
//             profiles and exits (for callgrind/perf). NAME is one of
//             complete, program, complete-plan, partial-plan, widget, load, verify.
//
// Benchmarks (one item = one profile, or one load):
//   evaluate/complete/no-plan   evaluate(), planNext=false, complete profiles
//   evaluate/complete/plan      evaluate(), planNext=true,  complete profiles
//   evaluate/partial/no-plan    evaluate(), planNext=false, partial profiles
//   evaluate/partial/plan       evaluate(), planNext=true,  partial profiles
//   program/complete            the fast path (program.hpp): Program::run on
//                               answers already encoded as numbers
//   program/complete+encode     the same, encoding each profile's JSON first
//   program/build               Program::build for the date (once per ruleset and date)
//   widget/complete             the wasm Session::evaluate work natively:
//   widget/partial                parse answers JSON + evaluate + toJson + dump
//   load/loadRuleset            loadRuleset(text)
//   load/verifyBundle           parseTrustRoot + verifyBundle (Ed25519 via OpenSSL)

#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "crypto.hpp"
#include "wegwijzer/wegwijzer.hpp"

using namespace wegwijzer;

namespace {

struct Inputs {
    std::string rulesetText;
    std::string bundleText;
    std::string trustRootText;
    std::shared_ptr<const Ruleset> ruleset;
    Date date;
    std::vector<Json> complete, partial;
    std::vector<std::string> completeText, partialText;
    std::shared_ptr<const Program> program;
    std::vector<std::vector<double>> completeEncoded;
};

Inputs in;

std::string readFile(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    if (!f) {
        std::cerr << "wegwijzer_bench: cannot read " << path << "\n";
        std::exit(2);
    }
    std::ostringstream s;
    s << f.rdbuf();
    return s.str();
}

EvaluateOptions planning(bool plan) {
    EvaluateOptions o;
    o.planNext = plan;
    return o;
}

TrustPolicy policy() {
    TrustPolicy p;
    p.today = in.date;
    p.rulesetId = in.ruleset->id;
    return p;
}

bool ed25519(std::string_view key, std::string_view message, std::string_view sig) {
    return native::verifyEd25519(key, message, sig);
}

std::string widgetEvaluate(const std::string& answersText) {
    JsonResult answers = parseJson(answersText);
    Evaluation e = evaluate(*in.ruleset, *answers.value, in.date);
    return toJson(e, *in.ruleset, "nl").dump();
}

void evaluateLoop(benchmark::State& state, const std::vector<Json>& profiles, bool plan) {
    const EvaluateOptions options = planning(plan);
    std::size_t i = 0;
    for (auto _ : state) {
        Evaluation e = evaluate(*in.ruleset, profiles[i], in.date, options);
        benchmark::DoNotOptimize(e.results.data());
        benchmark::ClobberMemory();
        if (++i == profiles.size()) i = 0;
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}

void widgetLoop(benchmark::State& state, const std::vector<std::string>& texts) {
    std::size_t i = 0;
    for (auto _ : state) {
        std::string out = widgetEvaluate(texts[i]);
        benchmark::DoNotOptimize(out.data());
        if (++i == texts.size()) i = 0;
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}

std::vector<double> encode(const Json& answers) {
    std::vector<double> out(in.ruleset->questions.size());
    encodeAnswers(*in.ruleset, answers, out.data());
    return out;
}

void programLoop(benchmark::State& state, bool encoding) {
    ProgramOutcome out = in.program->makeOutcome();
    std::vector<double> encoded(in.ruleset->questions.size());
    std::size_t i = 0;
    for (auto _ : state) {
        if (encoding) {
            encodeAnswers(*in.ruleset, in.complete[i], encoded.data());
            in.program->run(encoded.data(), out);
        } else {
            in.program->run(in.completeEncoded[i].data(), out);
        }
        benchmark::DoNotOptimize(out.statuses.data());
        benchmark::ClobberMemory();
        if (++i == in.complete.size()) i = 0;
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}

void programBuildLoop(benchmark::State& state) {
    for (auto _ : state) {
        auto p = Program::build(in.ruleset, in.date);
        benchmark::DoNotOptimize(p.get());
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}

void loadLoop(benchmark::State& state) {
    for (auto _ : state) {
        LoadedRuleset r = loadRuleset(in.rulesetText);
        if (!r.ruleset) state.SkipWithError("the ruleset does not load");
        benchmark::DoNotOptimize(r.ruleset.get());
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}

void verifyLoop(benchmark::State& state) {
    const TrustPolicy p = policy();
    for (auto _ : state) {
        LoadedTrustRoot root = parseTrustRoot(in.trustRootText);
        BundleVerdict v = verifyBundle(in.bundleText, *root.root, p, ed25519);
        if (!v.accepted()) state.SkipWithError(("bundle refused: " + v.refusal->message).c_str());
        benchmark::DoNotOptimize(v.ruleset.get());
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}

// The reference outcomes of every complete profile.
void dump(const std::string& path) {
    Json all = Json::array();
    for (const Json& answers : in.complete) {
        Evaluation e = evaluate(*in.ruleset, answers, in.date, planning(false));
        Json results = Json::object();
        for (const ResultOutcome& r : e.results) {
            Json criteria = Json::object();
            for (const CriterionOutcome& c : r.criteria) criteria[c.criterion->id] = criterionStatusName(c.status);
            Json amounts = Json::object();
            for (const AmountOutcome& a : r.amounts) amounts[a.amount->id] = a.value;
            results[r.result->id] = {{"status", statusName(r.status)}, {"criteria", criteria}, {"amounts", amounts}};
        }
        Json ruleErrors = Json::array();
        for (const Problem& p : e.ruleErrors) ruleErrors.push_back(p.path + ": " + p.message);
        all.push_back({{"results", results}, {"problems", e.problems.size()}, {"ruleErrors", ruleErrors}});
    }
    // Partial profiles: the statuses and the planned next questions (wasm must plan the same).
    Json partial = Json::array();
    for (const Json& answers : in.partial) {
        Evaluation e = evaluate(*in.ruleset, answers, in.date, planning(true));
        Json statuses = Json::object();
        for (const ResultOutcome& r : e.results) statuses[r.result->id] = statusName(r.status);
        Json next = Json::array();
        for (const Question* q : e.next) next.push_back(q->id);
        partial.push_back({{"statuses", statuses}, {"next", next}});
    }
    std::ofstream(path) << Json{{"complete", all}, {"partial", partial}}.dump() << "\n";
}

// Not inlined, so that a profiler can collect just this function:
//   valgrind --tool=callgrind --toggle-collect='*profiledLoop*' wegwijzer_bench ... --loop=complete:3
__attribute__((noinline)) int profiledLoop(const std::string& spec) {
    const auto colon = spec.find(':');
    const std::string name = spec.substr(0, colon);
    const long count = colon == std::string::npos ? 1 : std::atol(spec.c_str() + colon + 1);
    std::size_t sink = 0;
    for (long k = 0; k < count; ++k) {
        if (name == "complete" || name == "complete-plan" || name == "partial-plan") {
            const auto& profiles = name == "partial-plan" ? in.partial : in.complete;
            const EvaluateOptions options = planning(name != "complete");
            for (const Json& a : profiles) sink += evaluate(*in.ruleset, a, in.date, options).results.size();
        } else if (name == "program") {
            ProgramOutcome out = in.program->makeOutcome();
            for (const auto& a : in.completeEncoded) {
                in.program->run(a.data(), out);
                sink += static_cast<std::size_t>(out.statuses[0]);
            }
        } else if (name == "widget") {
            for (const std::string& t : in.completeText) sink += widgetEvaluate(t).size();
        } else if (name == "load") {
            sink += loadRuleset(in.rulesetText).ruleset != nullptr;
        } else if (name == "verify") {
            LoadedTrustRoot root = parseTrustRoot(in.trustRootText);
            sink += verifyBundle(in.bundleText, *root.root, policy(), ed25519).accepted();
        } else {
            std::cerr << "wegwijzer_bench: unknown loop " << name << "\n";
            return 2;
        }
    }
    std::printf("loop %s x%ld: %zu\n", name.c_str(), count, sink);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    std::string rulesetPath, profilesPath, bundlePath, trustRootPath, dumpPath, loopSpec;
    std::vector<char*> rest{argv[0]};
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&](const char* flag, std::string& out) {
            const std::string prefix = std::string(flag) + "=";
            if (a.rfind(prefix, 0) != 0) return false;
            out = a.substr(prefix.size());
            return true;
        };
        if (value("--ruleset", rulesetPath) || value("--profiles", profilesPath) || value("--bundle", bundlePath) ||
            value("--trust-root", trustRootPath) || value("--dump", dumpPath) || value("--loop", loopSpec)) {
            continue;
        }
        rest.push_back(argv[i]);
    }
    if (rulesetPath.empty() || profilesPath.empty() || bundlePath.empty() || trustRootPath.empty()) {
        std::cerr << "usage: wegwijzer_bench --ruleset=R --profiles=P --bundle=B --trust-root=T [--dump=F] [--loop=NAME:N]\n";
        return 2;
    }

    in.rulesetText = readFile(rulesetPath);
    in.bundleText = readFile(bundlePath);
    in.trustRootText = readFile(trustRootPath);
    LoadedRuleset loaded = loadRuleset(in.rulesetText);
    if (!loaded.ruleset) {
        std::cerr << "wegwijzer_bench: the ruleset does not load: " << loaded.problems.front().message << "\n";
        return 1;
    }
    in.ruleset = loaded.ruleset;
    JsonResult profiles = parseJson(readFile(profilesPath), JsonLimits{64u * 1024u * 1024u, 16});
    if (!profiles.value) {
        std::cerr << "wegwijzer_bench: bad profiles: " << profiles.problem.message << "\n";
        return 1;
    }
    in.date = *Date::parse(stringMember(*profiles.value, "date"));
    for (const Json& p : (*profiles.value)["complete"]) {
        in.complete.push_back(p);
        in.completeText.push_back(p.dump());
    }
    for (const Json& p : (*profiles.value)["partial"]) {
        in.partial.push_back(p);
        in.partialText.push_back(p.dump());
    }

    // Sanity: the bundle verifies, the profiles are valid answers.
    {
        LoadedTrustRoot root = parseTrustRoot(in.trustRootText);
        if (!root.root) {
            std::cerr << "wegwijzer_bench: bad trust root\n";
            return 1;
        }
        BundleVerdict v = verifyBundle(in.bundleText, *root.root, policy(), ed25519);
        if (!v.accepted()) {
            std::cerr << "wegwijzer_bench: the bundle is refused: " << v.refusal->message << "\n";
            return 1;
        }
        if (v.payload != in.rulesetText) std::cerr << "wegwijzer_bench: note: the bundle holds other bytes than " << rulesetPath << "\n";
        for (const Json& a : in.complete) {
            Evaluation e = evaluate(*in.ruleset, a, in.date, planning(true));
            if (!e.problems.empty()) {
                std::cerr << "wegwijzer_bench: invalid profile " << a.dump() << ": " << e.problems.front().message << "\n";
                return 1;
            }
        }
    }

    std::string why;
    in.program = Program::build(in.ruleset, in.date, &why);
    if (!in.program) {
        std::cerr << "wegwijzer_bench: the fast path cannot run this ruleset: " << why << "\n";
        return 1;
    }
    for (const Json& a : in.complete) in.completeEncoded.push_back(encode(a));

    if (!loopSpec.empty()) return profiledLoop(loopSpec);
    if (!dumpPath.empty()) dump(dumpPath);

    benchmark::RegisterBenchmark("evaluate/complete/no-plan", [](benchmark::State& s) { evaluateLoop(s, in.complete, false); });
    benchmark::RegisterBenchmark("evaluate/complete/plan", [](benchmark::State& s) { evaluateLoop(s, in.complete, true); });
    benchmark::RegisterBenchmark("evaluate/partial/no-plan", [](benchmark::State& s) { evaluateLoop(s, in.partial, false); });
    benchmark::RegisterBenchmark("evaluate/partial/plan", [](benchmark::State& s) { evaluateLoop(s, in.partial, true); });
    benchmark::RegisterBenchmark("program/complete", [](benchmark::State& s) { programLoop(s, false); });
    benchmark::RegisterBenchmark("program/complete+encode", [](benchmark::State& s) { programLoop(s, true); });
    benchmark::RegisterBenchmark("program/build", programBuildLoop);
    benchmark::RegisterBenchmark("widget/complete", [](benchmark::State& s) { widgetLoop(s, in.completeText); });
    benchmark::RegisterBenchmark("widget/partial", [](benchmark::State& s) { widgetLoop(s, in.partialText); });
    benchmark::RegisterBenchmark("load/loadRuleset", loadLoop);
    benchmark::RegisterBenchmark("load/verifyBundle", verifyLoop);

    int bargc = static_cast<int>(rest.size());
    benchmark::Initialize(&bargc, rest.data());
    if (benchmark::ReportUnrecognizedArguments(bargc, rest.data())) return 2;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
