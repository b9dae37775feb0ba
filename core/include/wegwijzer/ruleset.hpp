// The ruleset document (docs/rules-format.md): questions, results with dated
// versions, criteria, amounts and links. Loading validates everything and
// reports each problem with a JSON Pointer.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wegwijzer/date.hpp"
#include "wegwijzer/expression.hpp"
#include "wegwijzer/json.hpp"
#include "wegwijzer/problem.hpp"

namespace wegwijzer {

// The limits on the work a ruleset can ask for (rules-format §5.7), checked
// when it is loaded: beyond them it is refused, so it is never signed or used.
// Evaluation and planning also stop at them at run time (expression.hpp).
namespace limits {
inline constexpr std::uint64_t kStepsPerExpression = kStepsPerEvaluation;  // one test, amount or askIf, at most
inline constexpr std::uint64_t kStepsPerRuleset = 1000000;    // all of them together, evaluated once
inline constexpr std::size_t kThresholdsPerQuestion = 100;    // different numbers compared with one question
inline constexpr std::uint64_t kPlanningSteps = 20000000;     // the trial answers of planning times the steps above
}  // namespace limits

// A text in every locale of the ruleset: locale -> text.
using Text = std::map<std::string, std::string>;

// Looks up a text in a locale; falls back to any locale the text has (a
// loaded ruleset has every text in every locale, so only for partial texts).
const std::string& textIn(const Text& text, const std::string& locale);

enum class QuestionType { Choice, Boolean, Number, Date };
const char* questionTypeName(QuestionType type);

struct Option {
    std::string value;
    Text text;
    double weight = 1;  // how common this answer is, relative to the other options (planning, §8.4)
    // Goal question only: the pillars this choice pursues; empty: every result.
    std::vector<std::string> pillars;
};

struct Question {
    std::string id;
    QuestionType type = QuestionType::Boolean;
    bool courseFact = false;  // "scope": "course": a fact of the training, not of the person
    bool goal = false;        // "goal": true: what the person wants to know (rules-format §3.1); read by no rule
    Text text;
    Text help;                // optional (empty when absent)
    std::vector<Option> options;  // choice
    double min = 0, max = 0;      // number
    Text unit;                    // number, optional
    Expression askIf;             // invalid when the question is always asked
    std::vector<double> thresholds;  // number literals the rules compare this answer with (sorted)
    double weightTrue = 1, weightFalse = 1;  // boolean: how common each answer is (planning, §8.4)
    int slot = -1;
    std::string pointer;
};

// How many trial answers next-question planning tries for a question, at most: each
// option, yes and no, or a number's bounds and each number compared with
// it, one below and one above (a date: none).
std::size_t planningSamples(const Question& q);

struct Source {
    std::string url;
    std::string note;  // for rule authors: why this reading, what is unconfirmed
    std::string unofficial;  // for rule authors: why a page outside authoring.officialHosts is cited
};

struct Criterion {
    std::string id;
    Expression test;
    Text met;
    Text notMet;
    Text caution;  // optional: shown to the person when the criterion rests on an unconfirmed fact
    Source source;
    std::string pointer;
};

struct Amount {
    std::string id;
    std::string unit;
    Expression value;
    Text text;
    std::string pointer;
};

struct Link {
    Text text;
    std::string url;
};

struct Version {
    Date validFrom;
    std::optional<Date> validUntil;  // inclusive; open-ended when absent
    std::vector<Criterion> criteria;
    std::vector<Amount> amounts;
    std::vector<Link> apply;
    Text caution;  // optional: what is uncertain about this version as a whole; shown with every verdict
    // "maxStatus": "unknown": the version never says eligible (its rules are
    // not known yet, or a deciding condition is not asked); where every
    // criterion is met the status is unknown, with nothing left to ask.
    bool atMostUnknown = false;
    std::string pointer;

    bool covers(const Date& date) const { return validFrom <= date && (!validUntil || date <= *validUntil); }
};

enum class ResultKind { Incentive, Referral };

struct Result {
    std::string id;
    ResultKind kind = ResultKind::Incentive;
    std::string pillar;  // geld | tijd | begeleiding
    Text title;
    Text summary;
    std::vector<Version> versions;
    std::string pointer;

    // The version in force on `date`, or nullptr.
    const Version* versionAt(const Date& date) const;
};

// A term people may not know, and per locale the phrases that explain it.
struct Term {
    std::string term;
    std::map<std::string, std::vector<std::string>> explained;  // locale -> phrases (every locale)
};

// How the ruleset's authors want it checked ("authoring"; read by lint only,
// never by evaluation).
struct Authoring {
    std::vector<std::string> officialHosts;  // empty: sources are not checked
    std::vector<Term> terms;
    std::int64_t maxSentenceWords = 20;
    std::int64_t maxHelpWords = 40;
};

// The variable of the evaluation date, readable as {"var": "$date"}.
inline constexpr const char* kDateVariable = "$date";

class Ruleset : public Scope {
public:
    Ruleset() = default;
    Ruleset(const Ruleset&) = delete;  // expressions point into the variables
    Ruleset& operator=(const Ruleset&) = delete;

    std::string id;
    std::int64_t version = 0;
    Date published;
    Date expires;
    // Optional: the last day a mirror may serve this bundle as current
    // (bundle-format §6, freshness); a short horizon, renewed by publishing again.
    std::optional<Date> freshUntil;
    std::vector<std::string> locales;
    Text title;
    std::vector<Question> questions;
    std::vector<Result> results;
    Authoring authoring;
    // Questions in an order where each question's askIf reads only earlier ones.
    std::vector<int> askOrder;
    const Question* goal = nullptr;  // the goal question, if the ruleset has one

    const Question* question(std::string_view id) const;
    const Result* result(std::string_view id) const;
    std::size_t slotCount() const { return questions.size() + 1; }  // + $date
    int dateSlot() const { return static_cast<int>(questions.size()); }

    const Variable* find(std::string_view name) const override;

    // Adds to `read` (one flag per slot) every slot that the askIf of a
    // marked question reads, transitively: what deciding whether those
    // questions are asked depends on.
    void addAskIfReads(std::vector<bool>& read) const;

    // One flag per slot: read by an askIf, a criterion or an amount of any version.
    std::vector<bool> slotsReadByRules() const;

private:
    friend struct RulesetLoader;
    std::vector<Variable> variables_;
};

struct LoadedRuleset {
    std::shared_ptr<const Ruleset> ruleset;  // null when there are problems
    Problems problems;
};

// Loads and validates a ruleset document.
LoadedRuleset loadRuleset(std::string_view text);
LoadedRuleset loadRulesetDocument(const Json& document);

inline constexpr const char* kRulesetFormat = "wegwijzer-ruleset/1";

}  // namespace wegwijzer
