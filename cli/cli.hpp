// What the parts of the `wegwijzer` command share: exit codes, argument
// parsing, reading and writing files (with their limits), and the one way
// every command opens a ruleset or a bundle. The commands themselves live by
// purpose: authoring.cpp (lint, test, doc, questions, diff), evaluating.cpp
// (eval, course, courses, logic), publishing.cpp (keygen, trust-root, sign,
// verify); main.cpp holds the usage text and the dispatch.
#pragma once

#include <algorithm>
#include <cstdint>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "wegwijzer/wegwijzer.hpp"

namespace wegwijzer::cli {

inline constexpr int kOk = 0;
inline constexpr int kNegative = 1;  // lint findings, failed cases, an expression that fails on its data
inline constexpr int kUsage = 2;     // usage or input errors

inline constexpr std::uintmax_t kMaxFileBytes = 64u * 1024u * 1024u;

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

// Options: `valued` take the next argument, `booleans` none; "-o" is "--output".
Args parseArgs(int argc, char** argv, int start, const std::vector<std::string>& valued,
               const std::vector<std::string>& booleans);
// A whole number written as digits only, up to 2^53 - 1.
std::optional<long long> wholeNumber(const std::string& text);
// Prints the message and the hint to --help; returns kUsage.
int usageError(const std::string& message);
// One line of at most `limit` bytes (the rest is dropped, `tooLong` says so).
bool readLine(std::istream& in, std::string& line, std::size_t limit, bool& tooLong);
// A whole regular file ("-" = standard input), at most kMaxFileBytes.
std::optional<std::string> readFile(const std::string& path, std::string& error);
// Text from a file as it may go to a terminal (control characters escaped).
std::string safe(const std::string& text);
void printProblems(const std::string& file, const Problems& problems);
// The system's UTC date (only where no --date is given).
Date today();
std::optional<std::string> readFileOrSay(const std::string& path);
std::optional<TrustRoot> loadTrustRoot(const std::string& path);
bool nativeVerify(std::string_view publicKey, std::string_view message, std::string_view signature);
// The one opening of every command that reads rules: a ruleset file, or with
// --trust a bundle verified on `date`; --ruleset-id binds the id. Prints the
// problems or the refusal; null on failure, with `exitCode` set.
std::shared_ptr<const Ruleset> loadRulesetFile(const std::string& path, int& exitCode, const Args& args,
                                               const Date& date = today());
std::optional<Json> readJsonFile(const std::string& path);
// --date, required where the rules depend on it.
std::optional<Date> requireDate(const Args& args, std::string& error);
// The opening of a command that works on one date: --date (required), then
// loadRulesetFile as of that date. Null on failure, with `exitCode` set.
std::shared_ptr<const Ruleset> openOnDate(const Args& args, const std::string& path, Date& date, int& exitCode);
bool writeAll(int fd, const std::string& content);
bool writeNewFile(const std::string& path, const std::string& content, bool secret);
bool replaceFile(const std::string& path, const std::string& content);

// authoring.cpp
int cmdLint(int argc, char** argv);
int cmdTest(int argc, char** argv);
int cmdDoc(int argc, char** argv);
int cmdQuestions(int argc, char** argv);
int cmdDiff(int argc, char** argv);
// evaluating.cpp
int cmdEval(int argc, char** argv);
int cmdCourse(int argc, char** argv);
int cmdCourses(int argc, char** argv);
int cmdLogic(int argc, char** argv);
// publishing.cpp
int cmdKeygen(int argc, char** argv);
int cmdTrustRoot(int argc, char** argv);
int cmdSign(int argc, char** argv);
int cmdVerify(int argc, char** argv);

}  // namespace wegwijzer::cli
