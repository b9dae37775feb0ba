// Evaluating commands: eval (one person), course (one course page), courses
// (a catalogue, one course per line), logic (one expression against data).

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
#include <unordered_map>
#include <vector>

#include "cli.hpp"
#include "crypto.hpp"
#include "doc.hpp"


namespace fs = std::filesystem;

namespace wegwijzer::cli {

namespace {

constexpr std::size_t kMaxCourseLine = 1024u * 1024u;  // one course of a catalogue (courses)

// eval and course share their shape: ruleset, date, a JSON object of answers, a locale.
template <typename Run>
int evaluateCommand(int argc, char** argv, const char* answersOption, Run run) {
    Args args = parseArgs(argc, argv, 2, {"date", answersOption, "locale", "trust", "ruleset-id"}, {});
    if (!args.error.empty()) return usageError(args.error);
    if (args.positional.size() != 1) return usageError(std::string(argv[1]) + " takes one RULESET file");
    std::string error;
    auto date = requireDate(args, error);
    if (!date) return usageError(error);
    auto answersPath = args.option(answersOption);
    if (!answersPath) return usageError(std::string("--") + answersOption + " FILE is required");
    int code = kOk;
    auto rs = loadRulesetFile(args.positional[0], code, args, *date);
    if (!rs) return code;
    const std::string requested = args.option("locale").value_or("");
    const LocaleChoice choice = chooseLocale(*rs, requested);
    if (!choice.offered) return usageError("--locale: the ruleset has no locale \"" + requested + "\"");
    const std::string& locale = choice.locale;
    auto answers = readJsonFile(*answersPath);
    if (!answers) return kUsage;
    Json out = run(*rs, *answers, *date, locale);
    std::cout << out.dump(2) << "\n";
    auto print = [](const std::string& where, const Json& errors) {
        for (const Json& e : errors) {
            std::cerr << where << ": " << safe(e["path"].get<std::string>()) << ": " << safe(e["message"].get<std::string>()) << "\n";
        }
    };
    print(*answersPath, out["errors"]);
    if (out.contains("ruleErrors")) print(args.positional[0], out["ruleErrors"]);
    if (!out["errors"].empty()) return kUsage;  // the answers are wrong
    if (out.contains("ruleErrors") && !out["ruleErrors"].empty()) return kNegative;  // the rules failed on them
    return kOk;
}

// An argument that is JSON text, or @FILE.
std::optional<Json> jsonArgument(const std::string& arg, const char* what) {
    if (!arg.empty() && arg[0] == '@') return readJsonFile(arg.substr(1));
    JsonResult parsed = parseJson(arg);
    if (!parsed.value) {
        std::cerr << "wegwijzer: " << what << ": " << safe(parsed.problem.message) << "\n";
        return std::nullopt;
    }
    return parsed.value;
}

// One catalogue line's labels: which results the course can unlock, and on
// what they still depend.
Json courseLabels(const Ruleset& rs, const Json& line, const Date& date) {
    Json out = {{"id", line.contains("id") ? line["id"] : Json(nullptr)}};
    if (!line.contains("facts") || !line["facts"].is_object()) {
        out["error"] = "a line is {\"id\": ..., \"facts\": {question id: answer}}";
        return out;
    }
    CourseView view = courseView(rs, line["facts"], date);
    if (!view.problems.empty()) {
        out["error"] = view.problems.front().path + ": " + view.problems.front().message;
        return out;
    }
    Json possible = Json::array();
    Json impossible = Json::array();
    for (const CourseOutcome& c : view.results) {
        if (c.status == Status::NotEligible) {
            impossible.push_back(c.result->id);
            continue;
        }
        Json criteria = Json::array();
        std::set<std::string> questions;
        for (const CriterionOutcome& co : c.dependsOn) {
            criteria.push_back(co.criterion->id);
            for (const Question* q : co.openQuestions) questions.insert(q->id);
        }
        possible.push_back({{"result", c.result->id},
                            {"forEveryone", c.status == Status::Eligible},
                            {"dependsOn", criteria},
                            {"questions", Json(questions)},
                            {"amounts", toJson(c.amounts)}});  // settled by the course's facts alone
    }
    out["possible"] = possible;
    out["impossible"] = impossible;
    return out;
}

}  // namespace

int cmdEval(int argc, char** argv) {
    return evaluateCommand(argc, argv, "answers",
                           [](const Ruleset& rs, const Json& answers, const Date& date, const std::string& locale) {
                               return toJson(evaluate(rs, answers, date), rs, locale);
                           });
}

int cmdCourse(int argc, char** argv) {
    return evaluateCommand(argc, argv, "facts",
                           [](const Ruleset& rs, const Json& facts, const Date& date, const std::string& locale) {
                               return toJson(courseView(rs, facts, date), rs, locale);
                           });
}

int cmdLogic(int argc, char** argv) {
    Args args = parseArgs(argc, argv, 2, {"dialect"}, {});
    if (!args.error.empty()) return usageError(args.error);
    if (args.positional.empty() || args.positional.size() > 2) {
        return usageError("logic takes an EXPRESSION and optionally DATA");
    }
    const std::string dialect = args.option("dialect").value_or("wegwijzer");
    if (dialect != "certlogic" && dialect != "wegwijzer") return usageError("--dialect is certlogic or wegwijzer");
    auto expression = jsonArgument(args.positional[0], "EXPRESSION");
    if (!expression) return kUsage;
    Json data = nullptr;
    if (args.positional.size() == 2) {
        auto d = jsonArgument(args.positional[1], "DATA");
        if (!d) return kUsage;
        data = std::move(*d);
    }
    CompileOptions options;
    options.dialect = dialect == "certlogic" ? Dialect::CertLogic : Dialect::Wegwijzer;
    Problems problems;
    Expression e = compile(*expression, options, problems);
    if (!e.valid()) {
        for (const Problem& p : problems) {
            std::cerr << "wegwijzer: invalid expression at " << (p.path.empty() ? "(root)" : safe(p.path)) << ": " << safe(p.message)
                      << "\n";
        }
        return kUsage;
    }
    Value v = e.evaluate(data);
    if (v.isError()) {
        const Problem& p = v.errorProblem();
        std::cerr << "wegwijzer: evaluation failed at " << (p.path.empty() ? "(root)" : safe(p.path)) << ": " << safe(p.message)
                  << "\n";
        return kNegative;
    }
    std::cout << v.toJson().dump() << "\n";
    return kOk;
}

int cmdCourses(int argc, char** argv) {
    Args args = parseArgs(argc, argv, 2, {"date", "output", "trust", "ruleset-id"}, {});
    if (!args.error.empty()) return usageError(args.error);
    if (args.positional.size() != 2) return usageError("courses takes a RULESET and a COURSES.jsonl file");
    Date date;
    int code = kOk;
    auto rs = openOnDate(args, args.positional[0], date, code);
    if (!rs) return code;
    std::ifstream file;
    std::istream* in = &std::cin;
    if (args.positional[1] != "-") {
        std::error_code ec;
        if (!fs::is_regular_file(args.positional[1], ec)) return usageError(args.positional[1] + ": not a file");
        file.open(args.positional[1], std::ios::binary);
        if (!file) return usageError(args.positional[1] + ": cannot be read");
        in = &file;
    }
    std::ofstream outFile;
    std::ostream* out = &std::cout;
    if (auto o = args.option("output")) {
        outFile.open(*o, std::ios::binary | std::ios::trunc);
        if (!outFile) return usageError(*o + ": cannot be written");
        out = &outFile;
    }
    // Courses with the same facts get the same labels: worked out once. A
    // catalogue repeats a few kinds of course many times (the facts are
    // hours, study points and a few yes/no); at most kMemo kinds are kept.
    constexpr std::size_t kMemo = 65536;
    std::unordered_map<std::string, Json> memo;
    auto labelsOnce = [&](const Json& course) {
        if (!course.is_object() || !course.contains("facts") || !course["facts"].is_object()) {
            return courseLabels(*rs, course, date);
        }
        std::string key = course["facts"].dump();  // members in sorted order: the same facts, the same key
        auto it = memo.find(key);
        if (it == memo.end()) {
            if (memo.size() >= kMemo) memo.clear();
            Json labels = courseLabels(*rs, Json{{"facts", course["facts"]}}, date);
            labels.erase("id");
            it = memo.emplace(std::move(key), std::move(labels)).first;
        }
        Json labels = {{"id", course.contains("id") ? course["id"] : Json(nullptr)}};
        for (auto m = it->second.begin(); m != it->second.end(); ++m) labels[m.key()] = *m;
        return labels;
    };
    const auto start = std::chrono::steady_clock::now();
    std::size_t count = 0, errors = 0, lineNumber = 0;
    std::string line;
    bool tooLong = false;
    while (readLine(*in, line, kMaxCourseLine, tooLong)) {
        ++lineNumber;  // physical lines, blank ones too: what an editor shows (D7)
        if (!tooLong && line.find_first_not_of(" \t\r") == std::string::npos) continue;
        ++count;
        Json labels;
        if (tooLong) {
            labels = {{"error", "the line is longer than " + std::to_string(kMaxCourseLine) + " bytes"}};
        } else {
            JsonResult parsed = parseJson(line, JsonLimits{kMaxCourseLine, 16});
            labels = parsed.value ? labelsOnce(*parsed.value) : Json{{"error", parsed.problem.message}};
        }
        if (labels.contains("error")) {
            ++errors;
            labels["line"] = lineNumber;  // every error can be found, also without an id
        }
        *out << labels.dump() << "\n";
        if (count % 10000 == 0) std::cerr << "\r" << count << " courses..." << std::flush;
    }
    if (!out->flush()) {
        std::cerr << "wegwijzer: courses: the output could not be written" << (args.option("output") ? ": " + *args.option("output") : "") << "\n";
        return kUsage;
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cerr << "\r" << count << " courses in " << seconds << " s (" << static_cast<long>(static_cast<double>(count) / std::max(seconds, 1e-9))
              << " per second), " << errors << " with errors\n";
    return errors == 0 ? kOk : kNegative;
}

}  // namespace wegwijzer::cli
