#include "wegwijzer/diff.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "wegwijzer/interview.hpp"
#include "wegwijzer/program.hpp"

namespace wegwijzer {

namespace {

// The questions a result's version reads, by id, with the questions their
// askIf reads (transitively).
void collectQuestions(const Ruleset& rs, const Version* v, std::set<std::string>& ids) {
    if (v == nullptr) return;
    std::vector<bool> read(rs.slotCount(), false);
    for (const Criterion& c : v->criteria) c.test.markReadSlots(read);
    for (const Amount& a : v->amounts) a.value.markReadSlots(read);
    rs.addAskIfReads(read);
    for (const Question& q : rs.questions) {
        if (read[static_cast<std::size_t>(q.slot)]) ids.insert(q.id);
    }
}

// A question as both rulesets know it: options and thresholds merged.
Question merged(const Question* a, const Question* b) {
    Question q = b != nullptr ? *b : *a;
    if (a != nullptr && b != nullptr) {
        for (const Option& o : a->options) {
            if (std::none_of(q.options.begin(), q.options.end(), [&](const Option& x) { return x.value == o.value; })) {
                q.options.push_back(o);
            }
        }
        q.min = std::min(a->min, b->min);
        q.max = std::max(a->max, b->max);
        for (double t : a->thresholds) q.thresholds.push_back(t);
        std::sort(q.thresholds.begin(), q.thresholds.end());
        q.thresholds.erase(std::unique(q.thresholds.begin(), q.thresholds.end()), q.thresholds.end());
    }
    return q;
}

// One ruleset's view of the answers being enumerated: slot values with askIf
// applied (which questions to vary), and the same answers encoded for the
// fast path (program.hpp), which judges each combination without JSON when
// these rules compile.
struct Side {
    const Ruleset& rs;
    Date date;
    std::vector<Value> slots;
    std::shared_ptr<const Program> program;  // null: judged through evaluate()
    std::vector<double> encoded;             // one per question, in the ruleset's order
    ProgramOutcome outcome;

    Side(const Ruleset& r, const Date& d) : rs(r), date(d), slots(r.slotCount(), Value::unknown()) {
        slots[static_cast<std::size_t>(rs.dateSlot())] = Value::ownedString(d.toString());
        // The diff does not outlive the rulesets: a pointer that owns nothing.
        program = Program::build(std::shared_ptr<const Ruleset>(std::shared_ptr<const Ruleset>(), &r), d);
        if (program) {
            encoded.assign(r.questions.size(), kNotAnswered);
            outcome = program->makeOutcome();
        }
    }

    // The answer to question `id` (null: none) for the fast path. An answer
    // these rules refuse is left out, as evaluate() leaves it out.
    void encode(const std::string& id, const Json& answer) {
        if (!program) return;
        const Question* q = rs.question(id);
        if (q == nullptr) return;
        const auto at = static_cast<std::size_t>(q - rs.questions.data());
        encoded[at] = encodeAnswer(*q, answer).value_or(kNotAnswered);
    }

    // False when the question exists here and its askIf is false (it does not apply).
    bool applies(const std::string& id) const {
        const Question* q = rs.question(id);
        if (q == nullptr) return false;
        return !q->askIf.valid() || !q->askIf.evaluate(slots).isFalsy();
    }

    void set(const std::string& id, const Value& v) {
        if (const Question* q = rs.question(id)) slots[static_cast<std::size_t>(q->slot)] = v;
    }
};

struct Outcome {
    std::string status;  // eligible, not-eligible, unknown, absent
    std::map<std::string, double> amounts;
};

// The fast path's verdict on the encoded answers: the same as judge() below
// (tests/diff_test.cpp checks both on the real rulesets).
Outcome judgeFast(Side& side, const Result* r) {
    if (r == nullptr) return {"absent", {}};
    side.program->run(side.encoded.data(), side.outcome);
    for (std::size_t i = 0; i < side.program->results().size(); ++i) {
        const Program::ResultSlice& slice = side.program->results()[i];
        if (slice.result != r) continue;
        Outcome o{statusName(side.outcome.statuses[i]), {}};
        for (std::size_t k = 0; k < slice.amountCount; ++k) {
            const double v = side.outcome.amounts[slice.firstAmount + k];
            if (!std::isnan(v)) o.amounts[slice.version->amounts[k].id] = v;
        }
        return o;
    }
    return {"absent", {}};  // no version in force on the side's date
}

Outcome judge(const Ruleset& rs, const Result* r, const Json& answers, const Date& date) {
    if (r == nullptr || r->versionAt(date) == nullptr) return {"absent", {}};
    EvaluateOptions options;
    options.planNext = false;
    options.only = r;
    Evaluation e = evaluate(rs, answers, date, options);
    Outcome o{statusName(e.results.front().status), {}};
    for (const AmountOutcome& a : e.results.front().amounts) o.amounts[a.amount->id] = a.value;
    return o;
}

class Enumerator {
public:
    Enumerator(const Ruleset& oldRules, const Ruleset& newRules, const DiffOptions& options, const std::string& result,
               std::vector<Question> questions)
        : old_(oldRules, options.oldDate),
          new_(newRules, options.newDate),
          options_(options),
          oldResult_(oldRules.result(result)),
          newResult_(newRules.result(result)),
          questions_(std::move(questions)) {
        diff_.result = result;
        for (const Question& q : questions_) {
            diff_.questions.push_back(q.id);
            classes_.push_back(answerClasses(q, options.newDate));
        }
    }

    ResultDiff run(bool& truncated) {
        Json answers = Json::object();
        walk(0, answers);
        summariseWho();
        truncated = truncated_;
        return diff_;
    }

private:
    void walk(std::size_t i, Json& answers) {
        if (truncated_) return;
        if (i == questions_.size()) {
            compare(answers);
            return;
        }
        const std::string& id = questions_[i].id;
        if (!old_.applies(id) && !new_.applies(id)) {  // not asked of this person: nothing to vary
            old_.set(id, Value::null());
            new_.set(id, Value::null());
            walk(i + 1, answers);
            old_.set(id, Value::unknown());
            new_.set(id, Value::unknown());
            return;
        }
        for (const Json& answer : classes_[i]) {
            answers[id] = answer;
            old_.encode(id, answer);
            new_.encode(id, answer);
            const Value v = checkAnswer(questions_[i], answer).value;
            old_.set(id, old_.applies(id) ? v : Value::null());
            new_.set(id, new_.applies(id) ? v : Value::null());
            walk(i + 1, answers);
            if (truncated_) break;
        }
        answers.erase(id);
        old_.encode(id, Json());
        new_.encode(id, Json());
        old_.set(id, Value::unknown());
        new_.set(id, Value::unknown());
    }

    void compare(const Json& answers) {
        if (++diff_.combinations > options_.maxCombinationsPerResult) {
            truncated_ = true;
            return;
        }
        const Outcome before = old_.program ? judgeFast(old_, oldResult_) : judge(old_.rs, oldResult_, answers, options_.oldDate);
        const Outcome after = new_.program ? judgeFast(new_, newResult_) : judge(new_.rs, newResult_, answers, options_.newDate);
        std::string from = before.status, to = after.status;
        if (from == to) {
            if (sameAmounts(before.amounts, after.amounts)) return;
            from = "amount";
            to = describeAmounts(before.amounts) + " -> " + describeAmounts(after.amounts);
        }
        ++diff_.changed;
        auto kind = std::find_if(diff_.kinds.begin(), diff_.kinds.end(),
                                 [&](const ChangeKind& k) { return k.from == from && k.to == to; });
        if (kind == diff_.kinds.end()) {
            diff_.kinds.push_back(ChangeKind{from, to, 0, {}, {}});
            kind = diff_.kinds.end() - 1;
        }
        ++kind->combinations;
        if (kind->examples.size() < options_.examplesPerKind) kind->examples.push_back(answers);
        auto& seen = seen_[static_cast<std::size_t>(kind - diff_.kinds.begin())];
        for (auto it = answers.begin(); it != answers.end(); ++it) seen[it.key()].insert(*it);
    }

public:
    // Summarises, per kind, the answers of the affected combinations.
    void summariseWho() {
        for (std::size_t k = 0; k < diff_.kinds.size(); ++k) {
            for (std::size_t i = 0; i < questions_.size(); ++i) {
                const auto& values = seen_[k][questions_[i].id];
                if (values.empty()) continue;  // never asked of the affected people
                if (values.size() == classes_[i].size()) {
                    diff_.kinds[k].who[questions_[i].id] = {"any"};
                } else {
                    for (const Json& v : values) diff_.kinds[k].who[questions_[i].id].push_back(v.dump());
                }
            }
        }
    }

private:

    static bool sameAmounts(const std::map<std::string, double>& a, const std::map<std::string, double>& b) {
        if (a.size() != b.size()) return false;
        for (const auto& [id, v] : a) {
            auto it = b.find(id);
            if (it == b.end() || std::fabs(it->second - v) > 1e-9) return false;
        }
        return true;
    }

    static std::string describeAmounts(const std::map<std::string, double>& a) {
        if (a.empty()) return "no amount";
        std::string out;
        for (const auto& [id, v] : a) out += (out.empty() ? "" : ", ") + id + " " + Value::number(v).toJson().dump();
        return out;
    }

    Side old_;
    Side new_;
    const DiffOptions& options_;
    const Result* oldResult_;
    const Result* newResult_;
    std::vector<Question> questions_;
    std::vector<std::vector<Json>> classes_;
    ResultDiff diff_;
    std::map<std::size_t, std::map<std::string, std::set<Json>>> seen_;  // kind -> question -> answers (sorted)
    bool truncated_ = false;
};

// ------------------------------------------------------------ text changes

void compareTexts(const std::string& what, const Text& a, const Text& b, std::vector<std::string>& out) {
    if (a != b) out.push_back(what + ": text changed");
}

void compareVersions(const std::string& rid, const Version* a, const Version* b, std::vector<std::string>& out) {
    if (a == nullptr || b == nullptr) return;
    compareTexts(rid + " / version (caution)", a->caution, b->caution, out);
    for (const Criterion& c : b->criteria) {
        auto it = std::find_if(a->criteria.begin(), a->criteria.end(), [&](const Criterion& x) { return x.id == c.id; });
        const std::string where = rid + " / criterion " + c.id;
        if (it == a->criteria.end()) {
            out.push_back(where + ": added");
            continue;
        }
        if (it->test.source() != c.test.source()) {
            out.push_back(where + ": condition changed from " + it->test.source().dump() + " to " + c.test.source().dump());
        }
        compareTexts(where + " (met)", it->met, c.met, out);
        compareTexts(where + " (not met)", it->notMet, c.notMet, out);
        compareTexts(where + " (caution)", it->caution, c.caution, out);
        if (it->source.url != c.source.url) out.push_back(where + ": source changed to " + c.source.url);
        if (it->source.note != c.source.note) out.push_back(where + ": source note changed");
    }
    for (const Criterion& c : a->criteria) {
        if (std::none_of(b->criteria.begin(), b->criteria.end(), [&](const Criterion& x) { return x.id == c.id; })) {
            out.push_back(rid + " / criterion " + c.id + ": removed");
        }
    }
    for (const Amount& m : b->amounts) {
        auto it = std::find_if(a->amounts.begin(), a->amounts.end(), [&](const Amount& x) { return x.id == m.id; });
        if (it == a->amounts.end()) {
            out.push_back(rid + " / amount " + m.id + ": added");
        } else if (it->value.source() != m.value.source() || it->unit != m.unit) {
            out.push_back(rid + " / amount " + m.id + ": formula changed from " + it->value.source().dump() + " to " +
                          m.value.source().dump());
        }
    }
    for (const Amount& m : a->amounts) {
        if (std::none_of(b->amounts.begin(), b->amounts.end(), [&](const Amount& x) { return x.id == m.id; })) {
            out.push_back(rid + " / amount " + m.id + ": removed");
        }
    }
    if (a->apply.size() != b->apply.size() ||
        !std::equal(a->apply.begin(), a->apply.end(), b->apply.begin(),
                    [](const Link& x, const Link& y) { return x.url == y.url && x.text == y.text; })) {
        out.push_back(rid + ": how-to-apply links changed");
    }
}

std::vector<std::string> textChanges(const Ruleset& a, const Ruleset& b, const DiffOptions& o) {
    std::vector<std::string> out;
    for (const Question& q : b.questions) {
        const Question* p = a.question(q.id);
        const std::string where = "question " + q.id;
        if (p == nullptr) {
            out.push_back(where + ": added");
            continue;
        }
        if (p->type != q.type) out.push_back(where + ": type changed to " + questionTypeName(q.type));
        for (const Option& opt : q.options) {
            if (std::none_of(p->options.begin(), p->options.end(), [&](const Option& x) { return x.value == opt.value; })) {
                out.push_back(where + ": option " + opt.value + " added");
            }
        }
        for (const Option& opt : p->options) {
            if (std::none_of(q.options.begin(), q.options.end(), [&](const Option& x) { return x.value == opt.value; })) {
                out.push_back(where + ": option " + opt.value + " removed");
            }
        }
        if (p->min != q.min || p->max != q.max) out.push_back(where + ": range changed");
        if (p->askIf.source() != q.askIf.source()) out.push_back(where + ": askIf changed to " + q.askIf.source().dump());
        compareTexts(where, p->text, q.text, out);
        compareTexts(where + " (help)", p->help, q.help, out);
    }
    for (const Question& q : a.questions) {
        if (b.question(q.id) == nullptr) out.push_back("question " + q.id + ": removed");
    }
    for (const Result& r : b.results) {
        const Result* p = a.result(r.id);
        if (p == nullptr) {
            out.push_back("result " + r.id + ": added");
            continue;
        }
        compareTexts("result " + r.id + " (title)", p->title, r.title, out);
        compareTexts("result " + r.id + " (summary)", p->summary, r.summary, out);
        compareVersions(r.id, p->versionAt(o.oldDate), r.versionAt(o.newDate), out);
    }
    for (const Result& r : a.results) {
        if (b.result(r.id) == nullptr) out.push_back("result " + r.id + ": removed");
    }
    return out;
}

}  // namespace

RulesetDiff diffRulesets(const Ruleset& oldRules, const Ruleset& newRules, const DiffOptions& options) {
    RulesetDiff out;
    std::vector<std::string> resultIds;
    for (const Result& r : newRules.results) resultIds.push_back(r.id);
    for (const Result& r : oldRules.results) {
        if (newRules.result(r.id) == nullptr) resultIds.push_back(r.id);
    }
    // Question order: the new ruleset's settling order, then questions only the old one has.
    std::vector<std::string> order;
    for (int i : newRules.askOrder) order.push_back(newRules.questions[static_cast<std::size_t>(i)].id);
    for (int i : oldRules.askOrder) {
        const std::string& id = oldRules.questions[static_cast<std::size_t>(i)].id;
        if (newRules.question(id) == nullptr) order.push_back(id);
    }
    for (const std::string& rid : resultIds) {
        std::set<std::string> ids;
        const Result* a = oldRules.result(rid);
        const Result* b = newRules.result(rid);
        collectQuestions(oldRules, a ? a->versionAt(options.oldDate) : nullptr, ids);
        collectQuestions(newRules, b ? b->versionAt(options.newDate) : nullptr, ids);
        std::vector<Question> questions;
        for (const std::string& id : order) {
            if (ids.count(id)) questions.push_back(merged(oldRules.question(id), newRules.question(id)));
        }
        bool truncated = false;
        out.results.push_back(Enumerator(oldRules, newRules, options, rid, std::move(questions)).run(truncated));
        out.combinations += out.results.back().combinations;
        out.truncated = out.truncated || truncated;
    }
    out.textChanges = textChanges(oldRules, newRules, options);
    return out;
}

}  // namespace wegwijzer
