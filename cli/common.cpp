// The parts of the `wegwijzer` command that every command shares (cli.hpp).

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
                                               const Date& date) {
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

std::shared_ptr<const Ruleset> openOnDate(const Args& args, const std::string& path, Date& date, int& exitCode) {
    std::string error;
    auto d = requireDate(args, error);
    if (!d) {
        exitCode = usageError(error);
        return nullptr;
    }
    date = *d;
    return loadRulesetFile(path, exitCode, args, date);
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

}  // namespace wegwijzer::cli
