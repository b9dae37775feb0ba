// Fuzz target: the ruleset loader, then the evaluator on what it loaded.
//
// The input is a ruleset document. When it loads, it is evaluated on a few
// dates it names (published, the versions' validFrom) with answer sets
// built from wegwijzer::answerClasses(): none, the k-th class of every
// question for each k (up to 16), a mix chosen by a hash of the input, and
// answers of the wrong kind; then the course view, the JSON output in every locale and
// a short interview simulation (50 paths, on the first and latest date).
//
// Invariants: a refused document has problems and a loaded one none; every
// answer answerClasses() proposes is a valid answer (no problem reported);
// with every question answered nothing is left to ask; a result's status
// agrees with its criteria; an open criterion of an undecided result waits
// for at least one question (unless its test failed with a rule error).
#include <algorithm>
#include <vector>

#include "common.hpp"

using namespace wegwijzer;
using wegwijzer_fuzz::asText;
using wegwijzer_fuzz::dumped;

namespace {

constexpr std::size_t kMaxInterviewPaths = 50;

Json wrongAnswer(const Question& q) {
    switch (q.type) {
        case QuestionType::Choice: return "Not An Option";  // option values are lower-case ids
        case QuestionType::Boolean: return "yes";
        case QuestionType::Number: return "1";
        case QuestionType::Date: return "2025-02-30";
    }
    return nullptr;
}

void checkEvaluation(const Evaluation& e, const Ruleset& rs) {
    wegwijzer_fuzz::checkResultOutcomes(e);
    for (const Question* q : e.next) WW_FUZZ_CHECK(q != nullptr && rs.question(q->id) == q);
    for (const std::string& locale : rs.locales) dumped(toJson(e, rs, locale));
    dumped(toJson(e, rs, "zz"));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = asText(data, size);
    LoadedRuleset loaded = loadRuleset(text);
    if (!loaded.ruleset) {
        WW_FUZZ_CHECK(!loaded.problems.empty());
        dumped(toJson(loaded.problems));
        return 0;
    }
    WW_FUZZ_CHECK(loaded.problems.empty());
    const Ruleset& rs = *loaded.ruleset;
    WW_FUZZ_CHECK(rs.askOrder.size() == rs.questions.size());

    // Dates the ruleset itself names: published and the versions' validFrom.
    std::vector<Date> dates{rs.published};
    for (const Result& r : rs.results) {
        for (const Version& v : r.versions) {
            if (dates.size() < 4 && std::find(dates.begin(), dates.end(), v.validFrom) == dates.end()) {
                dates.push_back(v.validFrom);
            }
        }
    }

    // First the interview simulation (on the first and the latest of those
    // dates): it is where an answer class that the evaluator refuses turns
    // into an endless interview.
    const Date latest = *std::max_element(dates.begin(), dates.end());
    for (const Date& date : {dates.front(), latest}) {
        InterviewStats stats = simulateInterviews(rs, date, Json::object(), kMaxInterviewPaths);
        WW_FUZZ_CHECK(stats.paths <= kMaxInterviewPaths);
        if (latest == dates.front()) break;
    }

    const std::uint64_t h = wegwijzer_fuzz::hashOf(text);
    for (const Date& date : dates) {
        // Answer set k gives every question its k-th answer class (its last
        // when it has fewer), so every class of up to 16 is tried; one more
        // set mixes classes by a hash of the input.
        std::vector<std::vector<Json>> classes;
        std::size_t sets = 1;
        for (const Question& q : rs.questions) {
            classes.push_back(answerClasses(q, date));
            WW_FUZZ_CHECK(!classes.back().empty());
            sets = std::max(sets, classes.back().size());
        }
        sets = std::min<std::size_t>(sets, 16);
        std::vector<Json> answerSets(sets + 1, Json::object());
        Json wrong = Json::object(), course = Json::object();
        for (std::size_t i = 0; i < rs.questions.size(); ++i) {
            const Question& q = rs.questions[i];
            const std::vector<Json>& c = classes[i];
            for (std::size_t k = 0; k < sets; ++k) answerSets[k][q.id] = c[std::min(k, c.size() - 1)];
            answerSets[sets][q.id] = c[static_cast<std::size_t>((h >> (i % 61)) % c.size())];
            wrong[q.id] = wrongAnswer(q);
            if (q.courseFact) course[q.id] = c.back();
        }

        Evaluation none = evaluate(rs, Json::object(), date);
        checkEvaluation(none, rs);
        WW_FUZZ_CHECK(none.problems.empty());

        for (const Json& answers : answerSets) {
            Evaluation e = evaluate(rs, answers, date);
            checkEvaluation(e, rs);
            // answerClasses() only proposes valid answers ...
            WW_FUZZ_CHECK(e.problems.empty());
            // ... and once every question is answered, nothing is left to ask.
            WW_FUZZ_CHECK(e.next.empty());
            WW_FUZZ_CHECK(e.progress.remaining == 0);
        }

        Evaluation bad = evaluate(rs, wrong, date);
        checkEvaluation(bad, rs);
        WW_FUZZ_CHECK(bad.problems.size() == rs.questions.size());

        CourseView view = courseView(rs, course, date);
        for (const std::string& locale : rs.locales) dumped(toJson(view, rs, locale));
        CourseView personal = courseView(rs, answerSets.back(), date);  // personal answers are reported, not used
        dumped(toJson(personal, rs, rs.locales.front()));
    }
    return 0;
}
