// Fuzz target: a real ruleset, fuzzed answers (what a visitor of the widget
// controls).
//
// The ruleset is read once at start-up from $WEGWIJZER_FUZZ_RULESET, else
// rules/opleidingsincentives/ruleset.json, else rules/example/ruleset.json
// (paths compiled in as WEGWIJZER_FUZZ_RULES_DIR).
//
// Input: the evaluation date ("YYYY-MM-DD") on the first line, the answers
// JSON on the rest. A first line that is not a date means 2025-09-01. The
// rest is also read as a case file (parseCases) and its first cases run.
//
// Invariants: the next questions are unanswered questions of the ruleset; a
// result's status agrees with its criteria; an open criterion of an undecided
// result waits for a question (unless its test failed); a problem is reported for every
// answer that is not used; the JSON output serialises; the fast path
// (program.hpp) gives evaluate()'s statuses, criteria, amounts and rule-error
// flag, and survives any doubles as encoded answers.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>

#include "common.hpp"

#ifndef WEGWIJZER_FUZZ_RULES_DIR
#define WEGWIJZER_FUZZ_RULES_DIR "rules"
#endif

using namespace wegwijzer;
using wegwijzer_fuzz::asText;
using wegwijzer_fuzz::dumped;

namespace {

std::shared_ptr<const Ruleset> gRuleset;

std::shared_ptr<const Ruleset> loadFrom(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return nullptr;
    std::ostringstream text;
    text << in.rdbuf();
    LoadedRuleset loaded = loadRuleset(text.str());
    if (!loaded.ruleset) {
        std::cerr << "fuzz_answers: " << path << " does not load: "
                  << (loaded.problems.empty() ? "" : loaded.problems.front().path + " " + loaded.problems.front().message)
                  << "\n";
    }
    return loaded.ruleset;
}

void checkEvaluation(const Evaluation& e, const Ruleset& rs, const Json& answers) {
    wegwijzer_fuzz::checkResultOutcomes(e);
    for (const Question* q : e.next) {
        WW_FUZZ_CHECK(q != nullptr && rs.question(q->id) == q);
        // A question worth asking is not answered yet (or its answer was refused).
        if (answers.is_object() && answers.contains(q->id) && !answers[q->id].is_null()) {
            bool refused = false;
            for (const Problem& p : e.problems) refused = refused || p.path == pointerAppend("", q->id);
            WW_FUZZ_CHECK(refused);
        }
    }
    if (!answers.is_object()) WW_FUZZ_CHECK(!e.problems.empty());
}

// The fast path agrees with evaluate() (no planning) on the same answers;
// then runs on doubles taken from the input's bytes (any encoding at all).
void checkFastPath(const Ruleset& rs, const Json& answers, const Date& date, std::string_view bytes) {
    auto program = Program::build(gRuleset, date);
    if (!program) return;  // a ruleset with operations the fast path lacks
    std::vector<double> encoded(rs.questions.size());
    encodeAnswers(rs, answers, encoded.data());
    ProgramOutcome fast = program->makeOutcome();
    program->run(encoded.data(), fast);
    EvaluateOptions quick;
    quick.planNext = false;
    const Evaluation e = evaluate(rs, answers, date, quick);
    WW_FUZZ_CHECK(fast.invalidAnswer == -1);
    WW_FUZZ_CHECK(e.results.size() == program->results().size());
    for (std::size_t r = 0; r < e.results.size(); ++r) {
        const Program::ResultSlice& slice = program->results()[r];
        WW_FUZZ_CHECK(e.results[r].status == fast.statuses[r]);
        for (std::size_t k = 0; k < e.results[r].criteria.size(); ++k) {
            WW_FUZZ_CHECK(e.results[r].criteria[k].status == fast.criteria[slice.firstCriterion + k]);
        }
        std::size_t determined = 0;
        for (std::size_t k = 0; k < slice.amountCount; ++k) determined += std::isnan(fast.amounts[slice.firstAmount + k]) ? 0 : 1;
        WW_FUZZ_CHECK(determined == e.results[r].amounts.size());
        for (const AmountOutcome& a : e.results[r].amounts) {
            const auto k = static_cast<std::size_t>(a.amount - slice.version->amounts.data());
            WW_FUZZ_CHECK(fast.amounts[slice.firstAmount + k] == a.value);
        }
    }
    WW_FUZZ_CHECK(fast.ruleErrors == !e.ruleErrors.empty());

    // Any doubles at all: invalid ones are flagged, statuses follow the criteria.
    for (std::size_t i = 0; i < encoded.size() && !bytes.empty(); ++i) {
        double d = 0;
        std::memcpy(&d, bytes.data() + (i * 8) % bytes.size(), std::min<std::size_t>(8, bytes.size() - (i * 8) % bytes.size()));
        encoded[i] = d;
    }
    program->run(encoded.data(), fast);
    for (std::size_t r = 0; r < program->results().size(); ++r) {
        const Program::ResultSlice& slice = program->results()[r];
        bool notMet = false, open = false;
        for (std::size_t k = 0; k < slice.criterionCount; ++k) {
            notMet = notMet || fast.criteria[slice.firstCriterion + k] == CriterionStatus::NotMet;
            open = open || fast.criteria[slice.firstCriterion + k] == CriterionStatus::Open;
        }
        WW_FUZZ_CHECK(fast.statuses[r] == (notMet ? Status::NotEligible : (open ? Status::Unknown : Status::Eligible)));
    }
    WW_FUZZ_CHECK(fast.invalidAnswer >= -1 && fast.invalidAnswer < static_cast<int>(rs.questions.size()));
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    std::string paths[3];
    if (const char* env = std::getenv("WEGWIJZER_FUZZ_RULESET")) paths[0] = env;
    paths[1] = std::string(WEGWIJZER_FUZZ_RULES_DIR) + "/opleidingsincentives/ruleset.json";
    paths[2] = std::string(WEGWIJZER_FUZZ_RULES_DIR) + "/example/ruleset.json";
    for (const std::string& path : paths) {
        if (path.empty()) continue;
        gRuleset = loadFrom(path);
        if (gRuleset) {
            std::cerr << "fuzz_answers: ruleset " << gRuleset->id << " version " << gRuleset->version << " from "
                      << path << "\n";
            return 0;
        }
    }
    std::cerr << "fuzz_answers: no ruleset loads (set WEGWIJZER_FUZZ_RULESET)\n";
    std::abort();
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (!gRuleset) LLVMFuzzerInitialize(nullptr, nullptr);
    const Ruleset& rs = *gRuleset;
    const auto parts = wegwijzer_fuzz::splitFirstLine(asText(data, size));
    Date date = wegwijzer_fuzz::date(2025, 9, 1);
    std::string_view rest = parts.second;
    if (auto d = Date::parse(parts.first)) {
        date = *d;
    } else {
        rest = asText(data, size);  // no date line: the whole input is the answers
    }

    JsonResult parsed = parseJson(rest);
    if (parsed.value) {
        const Json& answers = *parsed.value;
        Evaluation e = evaluate(rs, answers, date);
        checkEvaluation(e, rs, answers);
        for (const std::string& locale : rs.locales) dumped(toJson(e, rs, locale));
        dumped(toJson(e, rs, "zz"));

        EvaluateOptions quick;
        quick.planNext = false;
        Evaluation q = evaluate(rs, answers, date, quick);
        WW_FUZZ_CHECK(q.next.empty());
        WW_FUZZ_CHECK(q.results.size() == e.results.size());
        for (std::size_t i = 0; i < q.results.size(); ++i) WW_FUZZ_CHECK(q.results[i].status == e.results[i].status);

        checkFastPath(rs, answers, date, rest);

        CourseView view = courseView(rs, answers, date);
        dumped(toJson(view, rs, rs.locales.front()));
        dumped(toJson(e.ruleErrors));
    }

    // The same text as a case file: parse and run the first few cases.
    LoadedCases cases = parseCases(rest);
    std::size_t ran = 0;
    for (const Case& c : cases.cases) {
        if (++ran > 3) break;
        CaseOutcome outcome = runCase(rs, c);
        checkEvaluation(outcome.evaluation, rs, c.answers);
    }
    dumped(toJson(cases.problems));
    return 0;
}
