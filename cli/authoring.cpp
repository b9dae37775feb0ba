// Authoring commands, for rule authors: lint, test, doc, questions, diff.

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

namespace {

std::vector<std::string> caseFiles(const std::vector<std::string>& paths, std::string& error) {
    std::vector<std::string> files;
    for (const std::string& p : paths) {
        std::error_code ec;
        if (fs::is_directory(p, ec)) {
            std::vector<std::string> inDir;
            for (const auto& entry : fs::directory_iterator(p, ec)) {
                if (entry.is_regular_file() && entry.path().extension() == ".json") inDir.push_back(entry.path().string());
            }
            std::sort(inDir.begin(), inDir.end());
            files.insert(files.end(), inDir.begin(), inDir.end());
        } else if (fs::is_regular_file(p, ec)) {
            files.push_back(p);
        } else {
            error = p + ": no such file or folder";
            return {};
        }
    }
    return files;
}

// One person's interview, question by question, then the verdicts.
int printProfileWalk(const Ruleset& rs, const Date& date, const Json& facts, const Json& profile) {
    ProfileWalk w = walkProfile(rs, date, facts, profile);
    if (!w.problems.empty()) {
        for (const Problem& p : w.problems) std::cerr << "wegwijzer: profile" << safe(p.path) << ": " << safe(p.message) << "\n";
        return kNegative;
    }
    for (std::size_t i = 0; i < w.asked.size(); ++i) {
        std::cout << (i + 1) << ". " << w.asked[i].first << " = " << w.asked[i].second.dump() << "   (expected before: "
                  << w.estimates[i] << ")\n";
    }
    std::cout << "questions asked: " << w.asked.size() << "\n";
    Evaluation e = evaluate(rs, w.answers, date);
    for (const ResultOutcome& r : e.results) {
        std::cout << "  " << r.result->id << ": " << statusName(r.status) << (r.pursued ? "" : " (not asked for)");
        for (const AmountOutcome& a : r.amounts) std::cout << ", " << a.amount->id << " " << Value::number(a.value).toJson().dump();
        std::cout << "\n";
    }
    return kOk;
}

}  // namespace

int cmdLint(int argc, char** argv) {
    Args args = parseArgs(argc, argv, 2, {"trust", "ruleset-id", "cases"}, {"strict"});
    if (!args.error.empty()) return usageError(args.error);
    if (args.positional.size() != 1) return usageError("lint takes one RULESET file");
    int code = kOk;
    auto rs = loadRulesetFile(args.positional[0], code, args);
    if (!rs) return code;
    std::size_t criteria = 0, versions = 0;
    for (const Result& r : rs->results) {
        versions += r.versions.size();
        for (const Version& v : r.versions) criteria += v.criteria.size();
    }
    std::cout << args.positional[0] << ": ok: ruleset \"" << rs->id << "\" version " << rs->version << ", "
              << rs->questions.size() << " questions, " << rs->results.size() << " results (" << versions
              << " versions, " << criteria << " criteria)\n";

    LintOptions options;
    std::set<std::string> expected;
    std::vector<std::string> dirs;
    for (const auto& [name, value] : args.options) {
        if (name == "cases") dirs.push_back(value);
    }
    if (!dirs.empty()) {
        std::string error;
        for (const std::string& file : caseFiles(dirs, error)) {
            auto text = readFile(file, error);
            if (!text) break;
            for (const Case& c : parseCases(*text).cases) {
                for (const auto& [id, e] : c.expect) expected.insert(id);
            }
        }
        if (!error.empty()) return usageError(error);
        options.resultsWithCases = &expected;
    }
    const Problems warnings = lintWarnings(*rs, options);
    for (const Problem& w : warnings) std::cout << args.positional[0] << ": warning: " << safe(w.path) << ": " << safe(w.message) << "\n";
    if (!warnings.empty()) std::cout << warnings.size() << " warning" << (warnings.size() == 1 ? "" : "s") << "\n";
    return warnings.empty() || !args.flag("strict") ? kOk : kNegative;
}

int cmdTest(int argc, char** argv) {
    Args args = parseArgs(argc, argv, 2, {"trust", "ruleset-id"}, {"no-coverage"});
    if (!args.error.empty()) return usageError(args.error);
    if (args.positional.size() < 2) return usageError("test takes a RULESET and at least one CASES file or folder");
    int code = kOk;
    auto rs = loadRulesetFile(args.positional[0], code, args);
    if (!rs) return code;
    std::string error;
    std::vector<std::string> files =
        caseFiles(std::vector<std::string>(args.positional.begin() + 1, args.positional.end()), error);
    if (!error.empty()) return usageError(error);

    Coverage coverage;
    std::size_t passed = 0, failed = 0, invalid = 0;
    for (const std::string& file : files) {
        auto text = readFile(file, error);
        if (!text) return usageError(error);
        LoadedCases loaded = parseCases(*text);
        if (!loaded.problems.empty()) {
            printProblems(file, loaded.problems);
            ++invalid;
            continue;
        }
        for (const Case& c : loaded.cases) {
            CaseOutcome outcome = runCase(*rs, c);
            coverage.record(outcome.evaluation);
            if (outcome.passed) {
                ++passed;
                std::cout << "PASS " << file << c.pointer << " " << c.name << "\n";
            } else {
                ++failed;
                std::cout << "FAIL " << file << c.pointer << " " << c.name << "\n";
                for (const std::string& f : outcome.failures) std::cout << "       " << f << "\n";
            }
        }
    }
    const auto gaps = coverage.gaps(*rs);
    const std::size_t total = coverage.total(*rs);
    std::cout << (passed + failed) << " cases: " << passed << " passed, " << failed << " failed";
    if (invalid > 0) std::cout << ", " << invalid << " case files unreadable";
    std::cout << "\ncriterion coverage: " << (total - gaps.size()) << " of " << total
              << " criteria seen both met and not met\n";
    for (const auto& g : gaps) {
        std::cout << "  not covered: " << g.result << " (from " << g.validFrom << ") / " << g.criterion << ": never "
                  << (!g.seenMet && !g.seenNotMet ? "met nor not met" : (!g.seenMet ? "met" : "not met")) << "\n";
    }
    if (invalid > 0) return kUsage;
    if (failed > 0 || (passed + failed) == 0) return kNegative;
    if (!gaps.empty() && !args.flag("no-coverage")) return kNegative;
    return kOk;
}

int cmdDoc(int argc, char** argv) {
    Args args = parseArgs(argc, argv, 2, {"output", "trust", "ruleset-id"}, {});
    if (!args.error.empty()) return usageError(args.error);
    if (args.positional.size() != 1) return usageError("doc takes one RULESET file");
    int code = kOk;
    auto rs = loadRulesetFile(args.positional[0], code, args);
    if (!rs) return code;
    std::string source = args.positional[0];
    std::error_code ec;
    const fs::path relative = fs::relative(source, fs::current_path(), ec);
    if (!ec && !relative.empty() && relative.string().rfind("..", 0) != 0) source = relative.generic_string();
    const std::string text = renderRulesetDocument(*rs, source);
    if (auto output = args.option("output")) {
        if (!replaceFile(*output, text)) return kUsage;
        return kOk;
    }
    std::cout << text;
    return kOk;
}

int cmdQuestions(int argc, char** argv) {
    Args args = parseArgs(argc, argv, 2, {"date", "facts", "trust", "ruleset-id", "max-paths", "profile"}, {});
    if (!args.error.empty()) return usageError(args.error);
    if (args.positional.size() != 1) return usageError("questions takes one RULESET file");
    Date date;
    int code = kOk;
    auto rs = openOnDate(args, args.positional[0], date, code);
    if (!rs) return code;
    Json facts = Json::object();
    if (auto f = args.option("facts")) {
        auto j = readJsonFile(*f);
        if (!j) return kUsage;
        facts = *j;
    }
    std::size_t maxPaths = 2000000;
    if (auto m = args.option("max-paths")) {
        auto n = wholeNumber(*m);
        if (!n || *n < 1) return usageError("--max-paths takes a whole number");
        maxPaths = static_cast<std::size_t>(*n);
    }
    if (auto p = args.option("profile")) {
        auto profile = readJsonFile(*p);
        if (!profile) return kUsage;
        if (!profile->is_object()) return usageError("--profile takes a JSON object of question id to answer");
        return printProfileWalk(*rs, date, facts, *profile);
    }
    const auto start = std::chrono::steady_clock::now();
    InterviewStats s = simulateInterviews(*rs, date, facts, maxPaths);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cout << "ruleset \"" << rs->id << "\" version " << rs->version << " on " << date.toString() << "\n"
              << "interviews simulated: " << s.paths << (s.truncated ? " (stopped at --max-paths)" : "") << " in "
              << seconds << " s\n"
              << "questions asked: max " << s.maxQuestions << ", median " << s.medianQuestions << ", mean "
              << s.meanQuestions << "\n"
              << "expected questions (answers weighted as the ruleset weighs them): " << s.expectedAtStart
              << "; the first screen's estimate: " << s.estimateAtStart << "\n"
              << "estimate against what followed, over every step: mean error " << s.estimateBias
              << ", mean absolute error " << s.estimateError << "\n"
              << "distribution (questions: interviews):";
    for (const auto& [n, count] : s.histogram) std::cout << " " << n << ":" << count;
    bool truncated = s.truncated;
    // Per goal: the goal question is asked first and counts as a question.
    if (rs->goal != nullptr && (!facts.is_object() || !facts.contains(rs->goal->id))) {
        std::cout << "\nper goal (the goal question counted):\n";
        for (const Option& o : rs->goal->options) {
            Json prefilled = facts.is_object() ? facts : Json::object();
            prefilled[rs->goal->id] = o.value;
            InterviewStats g = simulateInterviews(*rs, date, prefilled, maxPaths);
            truncated = truncated || g.truncated;
            std::cout << "  " << rs->goal->id << " = " << o.value << ": max " << g.maxQuestions + 1 << ", median "
                      << g.medianQuestions + 1 << ", mean " << g.meanQuestions + 1 << " (" << g.paths << " interviews)\n";
        }
    } else {
        std::cout << "\n";
    }
    std::cout << "how often each question is asked:\n";
    std::vector<std::pair<std::size_t, std::string>> asked;
    for (const auto& [q, n] : s.askedIn) asked.emplace_back(n, q);
    std::sort(asked.rbegin(), asked.rend());
    for (const auto& [n, q] : asked) {
        std::cout << "  " << q << ": " << n << " (" << (100.0 * static_cast<double>(n) / static_cast<double>(std::max<std::size_t>(s.paths, 1)))
                  << " %)\n";
    }
    std::cout << "a longest interview:\n";
    for (const auto& [q, a] : s.longest) std::cout << "  " << q << " = " << a.dump() << "\n";
    return truncated ? kNegative : kOk;
}

int cmdDiff(int argc, char** argv) {
    Args args = parseArgs(argc, argv, 2, {"date", "new-date", "trust", "ruleset-id", "examples"}, {});
    if (!args.error.empty()) return usageError(args.error);
    if (args.positional.size() != 2) return usageError("diff takes OLD and NEW rulesets");
    std::string error;
    auto date = requireDate(args, error);
    if (!date) return usageError(error);
    DiffOptions options;
    options.oldDate = *date;
    options.newDate = *date;
    if (auto d = args.option("new-date")) {
        auto parsed = Date::parse(*d);
        if (!parsed) return usageError("--new-date: \"" + *d + "\" is not a date of the form YYYY-MM-DD");
        options.newDate = *parsed;
    }
    if (auto n = args.option("examples")) {
        auto k = wholeNumber(*n);
        if (!k) return usageError("--examples takes a whole number");
        options.examplesPerKind = static_cast<std::size_t>(*k);
    }
    int code = kOk;
    auto oldRules = loadRulesetFile(args.positional[0], code, args, options.oldDate);
    if (!oldRules) return code;
    auto newRules = loadRulesetFile(args.positional[1], code, args, options.newDate);
    if (!newRules) return code;
    const auto start = std::chrono::steady_clock::now();
    RulesetDiff d = diffRulesets(*oldRules, *newRules, options);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    std::cout << "# Rule change: " << oldRules->id << " v" << oldRules->version << " on " << options.oldDate.toString()
              << " -> " << newRules->id << " v" << newRules->version << " on " << options.newDate.toString() << "\n\n"
              << "Enumerated " << d.combinations << " answer combinations (per result, the questions it depends on) in "
              << seconds << " s" << (d.truncated ? " (TRUNCATED: a result's space exceeded the limit)" : "") << ".\n";
    std::size_t changedResults = 0;
    for (const ResultDiff& r : d.results) {
        if (r.changed == 0) continue;
        ++changedResults;
        std::cout << "\n## " << r.result << ": " << r.changed << " of " << r.combinations << " combinations change\n"
                  << "Depends on: ";
        for (std::size_t i = 0; i < r.questions.size(); ++i) std::cout << (i ? ", " : "") << r.questions[i];
        std::cout << "\n";
        for (const ChangeKind& k : r.kinds) {
            std::cout << "\n- " << k.from << " -> " << k.to << ": " << k.combinations << " combinations\n"
                      << "  who:";
            for (const auto& [q, values] : k.who) {
                if (values.size() == 1 && values[0] == "any") continue;
                std::cout << " " << q << " in {";
                for (std::size_t i = 0; i < values.size(); ++i) std::cout << (i ? ", " : "") << values[i];
                std::cout << "};";
            }
            std::cout << " (other answers: any)\n  e.g.\n";
            for (const Json& e : k.examples) std::cout << "    " << e.dump() << "\n";
        }
    }
    std::cout << "\n" << changedResults << " of " << d.results.size() << " results change for some answers.\n";
    std::cout << "\n## Changes in questions, texts, sources and formulas (" << d.textChanges.size() << ")\n\n";
    for (const std::string& t : d.textChanges) std::cout << "- " << t << "\n";
    return d.truncated ? kNegative : kOk;
}

}  // namespace wegwijzer::cli
