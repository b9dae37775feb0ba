// The `wegwijzer` command: the rule core for rule authors, testers and
// publishers. All I/O lives in cli/; the core only sees bytes and dates.
// This file: the usage text and the dispatch; cli.hpp says where the rest is.
//
// Exit codes: 0 success, 1 a negative verdict (lint findings, failed cases,
// an expression that fails on its data), 2 usage or input errors.

#include <iostream>
#include <string>

#include "cli.hpp"

using namespace wegwijzer::cli;

namespace {

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
