// The `wegwijzer` command: the rule core for rule authors, testers and
// publishers. All I/O lives here; the core only sees bytes and dates.
//
// Exit codes: 0 success, 1 a negative verdict (lint findings, failed cases,
// an expression that fails on its data), 2 usage or input errors.

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

#include "crypto.hpp"
#include "doc.hpp"
#include "wegwijzer/wegwijzer.hpp"

namespace fs = std::filesystem;
using namespace wegwijzer;

namespace {

constexpr int kOk = 0;
constexpr int kNegative = 1;
constexpr int kUsage = 2;

constexpr std::uintmax_t kMaxFileBytes = 64u * 1024u * 1024u;
constexpr std::size_t kMaxCourseLine = 1024u * 1024u;  // one course of a catalogue (courses)

const char* kUsageText = R"(wegwijzer - eligibility rules for Flemish training incentives

Usage:
  wegwijzer lint RULESET [--cases DIR]... [--strict]
  wegwijzer test RULESET CASES... [--no-coverage]
  wegwijzer eval RULESET --date YYYY-MM-DD --answers FILE [--locale nl|en]
  wegwijzer course RULESET --date YYYY-MM-DD --facts FILE [--locale nl|en]
  wegwijzer logic [--dialect certlogic|wegwijzer] EXPRESSION [DATA]
  wegwijzer courses RULESET COURSES.jsonl --date YYYY-MM-DD [-o FILE]
  wegwijzer doc RULESET [-o FILE]
  wegwijzer questions RULESET --date YYYY-MM-DD [--facts FILE] [--profile FILE]
  wegwijzer diff OLD NEW --date YYYY-MM-DD [--new-date YYYY-MM-DD] [--examples N]
  wegwijzer keygen --private FILE --public FILE [--owner NAME]
  wegwijzer trust-root --threshold K PUBLIC_KEY_FILE... -o FILE
  wegwijzer sign --key PRIVATE_KEY_FILE [--key ...] RULESET_OR_BUNDLE -o BUNDLE
  wegwijzer verify --trust FILE BUNDLE [--ruleset-id ID] [--min-version N]
                   [--min-version-digest SHA256] [--date YYYY-MM-DD] [--grace-days N]
                   [--fresh-grace-days N]
  wegwijzer --help

  lint, test, eval, course, courses, questions and diff also read a signed
  bundle instead of a ruleset when given --trust FILE: the bundle is verified
  first (as of today, or of the command's --date), so the exact published
  bytes are what is checked. --ruleset-id ID (with or without --trust) makes
  them refuse a file that holds another ruleset.

Commands:
  lint    Load and check a ruleset; print every problem with its JSON Pointer,
          then warnings: dead conditions, unread questions, results no case
          (--cases) expects, texts that look untranslated, gaps between a
          result's versions, sources outside authoring.officialHosts, long
          sentences and help texts, unexplained authoring.terms. Warnings
          fail the command only with --strict.
  test    Run rule cases (files, or folders of *.json files) against a ruleset;
          fails when a case fails or when a criterion was not seen both met
          and not met by some case (criterion coverage; --no-coverage skips it).
  eval    Evaluate answers (a JSON object: question id -> answer; FILE "-" reads
          stdin) on a date; prints {"results": [...], "next": [...], ...}.
  course  The course view: which results a course with these facts can unlock,
          and on which personal criteria they still depend.
  logic   Evaluate one expression (JSON text, or @FILE) against JSON data
          (default null) and print the value. The certlogic dialect refuses the
          Wegwijzer extensions (or, !==, -, *, /, min, max, non-integers).
  courses For a course catalogue (JSON Lines: {"id": ..., "facts": {...}} per
          line; "-" reads stdin), print per course (JSON Lines) which results
          it can unlock and on which personal criteria and questions they
          depend, and the amounts its facts alone settle, so a catalogue can
          precompute its labels. A bad line gives an "error" line for that
          course and the rest goes on (exit 1).
  doc     Render the ruleset as a readable Dutch document (Markdown) for
          policy staff: questions, results, versions, criteria, sources.
  questions  Simulate the interview over every combination of answers (one
          answer per class the rules can tell apart) and report how many
          questions a person is asked before every result is decided
          (per goal when the ruleset has a goal question). With --profile,
          one person's interview instead: the questions in the order asked,
          answered from the profile (a question it lacks: "I don't know").
  diff    The consequence of a rule change: per result, every combination of
          the answers it depends on (one per class the rules tell apart),
          judged by OLD on --date and by NEW on --new-date (default: the same
          date); counts and examples of each kind of change, then what
          changed in questions, texts, sources and formulas. With --trust,
          OLD and NEW are signed bundles.
  keygen  Make an Ed25519 key pair: a PKCS#8 PEM private key (mode 0600) and a
          public key card (JSON: keyid, publicKey, owner). Prints the key id.
          Never overwrites a file.
  trust-root  Write a trust root: the public keys a client trusts and how many
          distinct ones must sign (K).
  sign    Lint the ruleset, then sign its exact bytes with each key (DSSE,
          Ed25519). Given a bundle instead, add signatures to it (two-person
          publishing). Refuses a ruleset that does not pass lint.
  verify  Apply the client's trust policy to a bundle; prints a summary when
          accepted (exit 0), the reason code when refused (exit 1). The
          summary's "message sha256" is what a client records with the
          version: --min-version N --min-version-digest SHA256 then refuses
          another bundle that also says version N (version-reused).

Exit codes: 0 success, 1 a negative verdict (lint findings, failed cases,
an expression that fails on its data), 2 usage or input errors.
)";

struct Args {
    std::vector<std::string> positional;
    std::vector<std::pair<std::string, std::string>> options;  // --name value
    std::vector<std::string> flags;                            // --name
    std::string error;

    std::optional<std::string> option(const std::string& name) const {
        for (const auto& [k, v] : options) {
            if (k == name) return v;
        }
        return std::nullopt;
    }
    bool flag(const std::string& name) const { return std::find(flags.begin(), flags.end(), name) != flags.end(); }
};

Args parseArgs(int argc, char** argv, int start, const std::vector<std::string>& valued,
               const std::vector<std::string>& booleans) {
    Args a;
    for (int i = start; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "-o") arg = "--output";
        if (arg.size() > 2 && arg.rfind("--", 0) == 0) {
            std::string name = arg.substr(2);
            if (std::find(valued.begin(), valued.end(), name) != valued.end()) {
                if (i + 1 >= argc) {
                    a.error = "option " + arg + " needs a value";
                    return a;
                }
                a.options.emplace_back(name, argv[++i]);
            } else if (std::find(booleans.begin(), booleans.end(), name) != booleans.end()) {
                a.flags.push_back(name);
            } else {
                a.error = "unknown option " + arg;
                return a;
            }
        } else {
            a.positional.push_back(arg);
        }
    }
    return a;
}

// A whole number written as digits only (no sign, no trailing text), up to
// 2^53 - 1 (the largest ruleset version, rules-format §2).
std::optional<long long> wholeNumber(const std::string& text) {
    if (text.empty() || text.size() > 16 || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return std::nullopt;
    }
    const long long n = std::stoll(text);  // 16 digits fit in a long long
    if (n > 9007199254740991LL) return std::nullopt;
    return n;
}

int usageError(const std::string& message) {
    std::cerr << "wegwijzer: " << message << "\nRun 'wegwijzer --help' for usage.\n";
    return kUsage;
}

// One line of at most `limit` bytes; the rest of a longer line is read and
// dropped (never held), and `tooLong` says so. False at the end of input.
bool readLine(std::istream& in, std::string& line, std::size_t limit, bool& tooLong) {
    line.clear();
    tooLong = false;
    bool any = false;
    for (int c; (c = in.get()) != std::char_traits<char>::eof();) {
        any = true;
        if (c == '\n') return true;
        if (line.size() < limit) {
            line.push_back(static_cast<char>(c));
        } else {
            tooLong = true;
        }
    }
    return any;
}

// Reads a whole file ("-" = stdin), refusing what is not a readable regular file.
std::optional<std::string> readFile(const std::string& path, std::string& error) {
    if (path == "-") {  // the same cap as a file's, checked while reading (issue 15, D6)
        std::string text;
        char chunk[65536];
        while (std::cin.read(chunk, sizeof chunk) || std::cin.gcount() > 0) {
            text.append(chunk, static_cast<std::size_t>(std::cin.gcount()));
            if (text.size() > kMaxFileBytes) {
                error = "standard input: larger than " + std::to_string(kMaxFileBytes) + " bytes";
                return std::nullopt;
            }
        }
        return text;
    }
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) {
        error = path + ": no such file";
        return std::nullopt;
    }
    if (fs::file_size(path, ec) > kMaxFileBytes) {
        error = path + ": larger than " + std::to_string(kMaxFileBytes) + " bytes";
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = path + ": cannot be read";
        return std::nullopt;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Text from a file, as it goes to a terminal: control characters (C0, DEL
// and C1) are written as \u escapes, so an unsigned string cannot forge a
// line or move the cursor (reliability review D9). Messages of the core
// quote names from the input; none of them holds a line break of its own.
std::string safe(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        unsigned code = 0x100;  // none
        if (c < 0x20 || c == 0x7f) {
            code = c;
        } else if (c == 0xc2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
                   static_cast<unsigned char>(text[i + 1]) <= 0x9f) {
            code = static_cast<unsigned char>(text[++i]);
        }
        if (code == 0x100) {
            out += text[i];
        } else {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", code);
            out += buf;
        }
    }
    return out;
}

void printProblems(const std::string& file, const Problems& problems) {
    for (const Problem& p : problems) {
        std::cerr << file << ": " << (p.path.empty() ? "(document)" : safe(p.path)) << ": " << safe(p.message) << "\n";
    }
}

// The system's date: only the command reads the clock, and only where no
// --date is given (verification of a bundle); the core never does.
Date today() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    return Date{utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday};
}

// Reads a file, printing why when it cannot.
std::optional<std::string> readFileOrSay(const std::string& path) {
    std::string error;
    auto text = readFile(path, error);
    if (!text) std::cerr << "wegwijzer: " << error << "\n";
    return text;
}

std::optional<TrustRoot> loadTrustRoot(const std::string& path) {
    auto text = readFileOrSay(path);
    if (!text) return std::nullopt;
    LoadedTrustRoot loaded = parseTrustRoot(*text);
    if (!loaded.root) {
        printProblems(path, loaded.problems);
        return std::nullopt;
    }
    // A key id SHOULD be the key id of its key (bundle-format.md §4): the core
    // cannot check that (no SHA-256 in it), the command can. A warning only:
    // signatures are still matched by the key id the trust root gives.
    for (std::size_t i = 0; i < loaded.root->keys.size(); ++i) {
        const TrustedKey& key = loaded.root->keys[i];
        const std::string expected = native::keyIdOf(key.publicKey);
        if (key.keyid != expected) {
            std::cerr << path << ": warning: /keys/" << i << "/keyid: \"" << key.keyid
                      << "\" is not the key id of its publicKey (" << expected << ")\n";
        }
    }
    return loaded.root;
}

bool nativeVerify(std::string_view publicKey, std::string_view message, std::string_view signature) {
    return native::verifyEd25519(publicKey, message, signature);
}

// Loads a ruleset file, or with --trust a signed bundle verified as of `date`.
// Prints the problems or the refusal. Returns null on failure.
// With --trust the file is a bundle, verified on `date`; with --ruleset-id
// too, it must hold that ruleset (a bundle of another ruleset is refused, as
// the widget refuses it; issue 15).
std::shared_ptr<const Ruleset> loadRulesetFile(const std::string& path, int& exitCode, const Args& args,
                                               const Date& date = today()) {
    const std::optional<std::string> trustPath = args.option("trust");
    auto text = readFileOrSay(path);
    if (!text) {
        exitCode = kUsage;
        return nullptr;
    }
    if (trustPath) {
        auto root = loadTrustRoot(*trustPath);
        if (!root) {
            exitCode = kUsage;
            return nullptr;
        }
        TrustPolicy policy;
        policy.today = date;
        policy.rulesetId = args.option("ruleset-id").value_or("");
        BundleVerdict verdict = verifyBundle(*text, *root, policy, nativeVerify);
        if (!verdict.accepted()) {
            std::cerr << path << ": refused: " << verdict.refusal->code << ": " << safe(verdict.refusal->message) << "\n";
            exitCode = kNegative;
            return nullptr;
        }
        for (const std::string& w : verdict.warnings) std::cerr << path << ": warning: " << w << "\n";
        return verdict.ruleset;
    }
    LoadedRuleset loaded = loadRuleset(*text);
    if (loaded.ruleset && args.option("ruleset-id") && loaded.ruleset->id != *args.option("ruleset-id")) {
        std::cerr << path << ": holds ruleset \"" << safe(loaded.ruleset->id) << "\", not \"" << *args.option("ruleset-id") << "\"\n";
        exitCode = kNegative;
        return nullptr;
    }
    if (!loaded.ruleset) {
        printProblems(path, loaded.problems);
        std::cerr << path << ": " << loaded.problems.size() << " problem" << (loaded.problems.size() == 1 ? "" : "s")
                  << "\n";
        exitCode = kNegative;
    }
    return loaded.ruleset;
}

std::optional<Json> readJsonFile(const std::string& path) {
    auto text = readFileOrSay(path);
    if (!text) return std::nullopt;
    JsonResult parsed = parseJson(*text);
    if (!parsed.value) {
        printProblems(path, {parsed.problem});
        return std::nullopt;
    }
    return parsed.value;
}

std::string chooseLocale(const Args& args, const Ruleset& rs, bool& ok) {
    std::string locale = args.option("locale").value_or(rs.locales.front());
    ok = std::find(rs.locales.begin(), rs.locales.end(), locale) != rs.locales.end();
    return locale;
}

std::vector<std::string> caseFiles(const std::vector<std::string>& paths, std::string& error);

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

std::optional<Date> requireDate(const Args& args, std::string& error) {
    auto text = args.option("date");
    if (!text) {
        error = "--date YYYY-MM-DD is required (the rules depend on the date; the system clock is never used)";
        return std::nullopt;
    }
    auto d = Date::parse(*text);
    if (!d) error = "--date: \"" + *text + "\" is not a date of the form YYYY-MM-DD";
    return d;
}

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
    bool localeOk = false;
    std::string locale = chooseLocale(args, *rs, localeOk);
    if (!localeOk) return usageError("--locale: the ruleset has no locale \"" + locale + "\"");
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

// Writes all of `content` to `fd` and flushes it to the disk.
bool writeAll(int fd, const std::string& content) {
    std::size_t written = 0;
    while (written < content.size()) {
        const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
        if (n <= 0) return false;
        written += static_cast<std::size_t>(n);
    }
    return ::fsync(fd) == 0;
}

// Writes a file only if it does not exist yet (keys are never overwritten).
// O_EXCL makes "does not exist" and "create" one step; a secret is created
// with mode 0600, never readable by others even for a moment.
bool writeNewFile(const std::string& path, const std::string& content, bool secret) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, secret ? 0600 : 0644);
    if (fd < 0) {
        std::cerr << "wegwijzer: " << path << (errno == EEXIST ? " exists; not overwriting it" : ": cannot create it")
                  << "\n";
        return false;
    }
    const bool ok = writeAll(fd, content);
    ::close(fd);
    if (!ok) std::cerr << "wegwijzer: cannot write " << path << "\n";
    return ok;
}

// Replaces a file atomically (write a sibling, then rename), so a failed
// write never leaves half a bundle behind. The sibling gets a fresh name
// (mkstemp: created, never opened through a planted link; reliability review
// D11) and is removed when anything fails.
bool replaceFile(const std::string& path, const std::string& content) {
    std::string temp = path + ".XXXXXX";
    const int fd = ::mkstemp(temp.data());
    if (fd < 0) {
        std::cerr << "wegwijzer: cannot write next to " << path << "\n";
        return false;
    }
    const bool ok = ::fchmod(fd, 0644) == 0 && writeAll(fd, content);
    ::close(fd);
    std::error_code ec;
    if (!ok) {
        std::cerr << "wegwijzer: cannot write " << temp << "\n";
    } else {
        fs::rename(temp, path, ec);
        if (!ec) return true;
        std::cerr << "wegwijzer: cannot replace " << path << ": " << ec.message() << "\n";
    }
    ::unlink(temp.c_str());
    return false;
}

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

int cmdQuestions(int argc, char** argv) {
    Args args = parseArgs(argc, argv, 2, {"date", "facts", "trust", "ruleset-id", "max-paths", "profile"}, {});
    if (!args.error.empty()) return usageError(args.error);
    if (args.positional.size() != 1) return usageError("questions takes one RULESET file");
    std::string error;
    auto date = requireDate(args, error);
    if (!date) return usageError(error);
    int code = kOk;
    auto rs = loadRulesetFile(args.positional[0], code, args, *date);
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
        return printProfileWalk(*rs, *date, facts, *profile);
    }
    const auto start = std::chrono::steady_clock::now();
    InterviewStats s = simulateInterviews(*rs, *date, facts, maxPaths);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cout << "ruleset \"" << rs->id << "\" version " << rs->version << " on " << date->toString() << "\n"
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
            InterviewStats g = simulateInterviews(*rs, *date, prefilled, maxPaths);
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

int cmdCourses(int argc, char** argv) {
    Args args = parseArgs(argc, argv, 2, {"date", "output", "trust", "ruleset-id"}, {});
    if (!args.error.empty()) return usageError(args.error);
    if (args.positional.size() != 2) return usageError("courses takes a RULESET and a COURSES.jsonl file");
    std::string error;
    auto date = requireDate(args, error);
    if (!date) return usageError(error);
    int code = kOk;
    auto rs = loadRulesetFile(args.positional[0], code, args, *date);
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
            labels = parsed.value ? courseLabels(*rs, *parsed.value, *date) : Json{{"error", parsed.problem.message}};
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

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << kUsageText;
        return kUsage;
    }
    const std::string command = argv[1];
    if (command == "--help" || command == "-h" || command == "help") {
        std::cout << kUsageText;
        return kOk;
    }
    if (command == "lint") return cmdLint(argc, argv);
    if (command == "test") return cmdTest(argc, argv);
    if (command == "eval") return cmdEval(argc, argv);
    if (command == "course") return cmdCourse(argc, argv);
    if (command == "logic") return cmdLogic(argc, argv);
    if (command == "keygen") return cmdKeygen(argc, argv);
    if (command == "doc") return cmdDoc(argc, argv);
    if (command == "questions") return cmdQuestions(argc, argv);
    if (command == "diff") return cmdDiff(argc, argv);
    if (command == "courses") return cmdCourses(argc, argv);
    if (command == "trust-root") return cmdTrustRoot(argc, argv);
    if (command == "sign") return cmdSign(argc, argv);
    if (command == "verify") return cmdVerify(argc, argv);
    return usageError("unknown command \"" + command + "\"");
}
