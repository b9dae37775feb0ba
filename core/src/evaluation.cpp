#include "wegwijzer/evaluation.hpp"

#include <algorithm>
#include <cmath>

namespace wegwijzer {

const char* statusName(Status status) {
    switch (status) {
        case Status::Eligible: return "eligible";
        case Status::NotEligible: return "not-eligible";
        case Status::Unknown: return "unknown";
    }
    return "?";
}

std::optional<Status> parseStatus(std::string_view text) {
    for (Status s : {Status::Eligible, Status::NotEligible, Status::Unknown}) {
        if (text == statusName(s)) return s;
    }
    return std::nullopt;
}

const char* criterionStatusName(CriterionStatus status) {
    switch (status) {
        case CriterionStatus::Met: return "met";
        case CriterionStatus::NotMet: return "not-met";
        case CriterionStatus::Open: return "open";
    }
    return "?";
}

Status versionStatus(const Version& version, bool notMet, bool open) {
    if (notMet) return Status::NotEligible;
    return open || version.atMostUnknown ? Status::Unknown : Status::Eligible;
}

namespace {

// The answers of one evaluation, by slot. `given` holds what the person
// answered; `slots` what the rules see: the answer where the question applies,
// null where its askIf is false, Unknown where not answered or not yet settled.
struct Sheet {
    std::vector<Value> given;
    std::vector<Value> slots;
    std::vector<bool> declined;  // answered "I don't know" ({"unknown": true}): not asked again
};

Problem invalidAnswer(const Question& q, std::string message) {
    return {pointerAppend("", q.id), "answer to \"" + q.id + "\": " + message};
}

Value readAnswer(const Question& q, const Json& a, Problems& problems) {
    switch (q.type) {
        case QuestionType::Choice: {
            if (!a.is_string()) break;
            const std::string& s = a.get_ref<const std::string&>();
            for (const Option& o : q.options) {
                if (o.value == s) return Value::borrowedString(s);
            }
            std::string allowed;
            for (const Option& o : q.options) allowed += (allowed.empty() ? "" : ", ") + o.value;
            problems.push_back(invalidAnswer(q, "\"" + s + "\" is not one of its options (" + allowed + ")"));
            return Value::unknown();
        }
        case QuestionType::Boolean:
            if (a.is_boolean()) return Value::boolean(a.get<bool>());
            break;
        case QuestionType::Number: {
            if (!a.is_number()) break;
            const double n = a.get<double>();
            if (!(n >= q.min && n <= q.max)) {
                problems.push_back(invalidAnswer(q, a.dump() + " is outside its range (" + Value::number(q.min).toJson().dump() +
                                                        " to " + Value::number(q.max).toJson().dump() + ")"));
                return Value::unknown();
            }
            return Value::number(n);
        }
        case QuestionType::Date:
            if (a.is_string() && Date::parse(a.get_ref<const std::string&>())) {
                return Value::borrowedString(a.get_ref<const std::string&>());
            }
            problems.push_back(invalidAnswer(q, a.dump() + " is not a date of the form YYYY-MM-DD"));
            return Value::unknown();
    }
    problems.push_back(invalidAnswer(q, std::string("expected ") +
                                            (q.type == QuestionType::Choice ? "one of its options as a string"
                                                                            : std::string("a ") + questionTypeName(q.type)) +
                                            ", got " + a.dump()));
    return Value::unknown();
}

// {"unknown": true}: the person does not know (rules-format §7.1).
bool isDontKnow(const Json& a) {
    if (!a.is_object() || a.size() != 1) return false;
    auto it = a.find("unknown");
    return it != a.end() && it->is_boolean() && it->get<bool>();
}

Sheet readAnswers(const Ruleset& rs, const Json& answers, const Date& date, Problems& problems) {
    Sheet sheet;
    sheet.given.assign(rs.slotCount(), Value::unknown());
    sheet.declined.assign(rs.slotCount(), false);
    if (!answers.is_object()) {
        problems.push_back({"", "answers must be a JSON object of question id to answer"});
    } else {
        for (auto it = answers.begin(); it != answers.end(); ++it) {
            const Question* q = rs.question(it.key());
            if (q == nullptr) {
                problems.push_back({pointerAppend("", it.key()), "\"" + it.key() + "\" is not a question of this ruleset"});
            } else if (isDontKnow(*it)) {
                sheet.declined[static_cast<std::size_t>(q->slot)] = true;
            } else if (!it->is_null()) {
                sheet.given[static_cast<std::size_t>(q->slot)] = readAnswer(*q, *it, problems);
            }
        }
    }
    sheet.given[static_cast<std::size_t>(rs.dateSlot())] = Value::ownedString(date.toString());
    return sheet;
}

// Applies askIf: fills `slots` from `given`, in an order where each askIf
// reads only settled slots.
void settle(const Ruleset& rs, Sheet& sheet, Problems* problems, StepMeter* meter = nullptr) {
    sheet.slots.assign(sheet.given.size(), Value::unknown());
    sheet.slots[static_cast<std::size_t>(rs.dateSlot())] = sheet.given[static_cast<std::size_t>(rs.dateSlot())];
    for (int index : rs.askOrder) {
        const Question& q = rs.questions[static_cast<std::size_t>(index)];
        const auto slot = static_cast<std::size_t>(q.slot);
        if (!q.askIf.valid()) {
            sheet.slots[slot] = sheet.given[slot];
            continue;
        }
        Value ask = q.askIf.evaluate(sheet.slots, meter);
        if (ask.isError() && problems) problems->push_back(ask.errorProblem());
        if (ask.isTruthy()) {
            sheet.slots[slot] = sheet.given[slot];
        } else if (ask.isFalsy()) {
            sheet.slots[slot] = Value::null();  // does not apply: any answer has no effect
        } else {
            sheet.slots[slot] = Value::unknown();
        }
    }
}

CriterionStatus judge(const Criterion& c, const std::vector<Value>& slots, Problems* problems,
                      StepMeter* meter = nullptr) {
    Value v = c.test.evaluate(slots, meter);
    if (v.isError()) {
        if (problems) problems->push_back(v.errorProblem());
        return CriterionStatus::Open;
    }
    if (v.isUnknown()) return CriterionStatus::Open;
    return v.isTruthy() ? CriterionStatus::Met : CriterionStatus::NotMet;
}

Status combine(const Version& v, const std::vector<CriterionOutcome>& criteria) {
    bool open = false;
    for (const CriterionOutcome& c : criteria) {
        if (c.status == CriterionStatus::NotMet) return Status::NotEligible;
        open = open || c.status == CriterionStatus::Open;
    }
    return versionStatus(v, false, open);
}

// Follows open slots through askIf: a question whose askIf is still unknown
// cannot be asked yet, but the questions its askIf waits for can. A
// worklist: each open question's askIf is looked at once. `markAskIf(slot,
// more)` marks the slots the askIf of that slot's question waits for.
template <typename MarkAskIf>
void expandWith(std::vector<bool>& open, MarkAskIf&& markAskIf) {
    std::vector<std::size_t> work, more;
    for (std::size_t slot = 0; slot < open.size(); ++slot) {
        if (open[slot]) work.push_back(slot);
    }
    while (!work.empty()) {
        const std::size_t slot = work.back();
        work.pop_back();
        more.clear();
        markAskIf(slot, more);
        for (std::size_t i : more) {
            if (!open[i]) {
                open[i] = true;
                work.push_back(i);
            }
        }
    }
}

// The slots an expression waits for, as a list.
std::vector<std::size_t> openSlotList(const Expression& e, const std::vector<Value>& slots, StepMeter* meter = nullptr) {
    std::vector<bool> open(slots.size(), false);
    e.markOpenSlots(slots, open, meter);
    std::vector<std::size_t> out;
    for (std::size_t k = 0; k < open.size(); ++k) {
        if (open[k]) out.push_back(k);
    }
    return out;
}

void expandThroughAskIf(const Ruleset& rs, const Sheet& sheet, std::vector<bool>& open) {
    expandWith(open, [&](std::size_t slot, std::vector<std::size_t>& more) {
        if (slot < rs.questions.size() && rs.questions[slot].askIf.valid()) {
            more = openSlotList(rs.questions[slot].askIf, sheet.slots);
        }
    });
}

bool askable(const Question& q, const Sheet& sheet) {
    const auto slot = static_cast<std::size_t>(q.slot);
    if (!sheet.given[slot].isUnknown() || sheet.declined[slot]) return false;  // answered, or "I don't know"
    if (!q.askIf.valid()) return true;
    return q.askIf.evaluate(sheet.slots).isTruthy();
}

std::vector<const Question*> questionsOf(const Ruleset& rs, const Sheet& sheet, const std::vector<bool>& open) {
    std::vector<const Question*> out;
    for (const Question& q : rs.questions) {
        if (open[static_cast<std::size_t>(q.slot)] && askable(q, sheet)) out.push_back(&q);
    }
    return out;
}

// Values worth trying for a question when looking one step ahead, each
// with how common it is (the question's weights; numbers weigh alike).
struct Sample {
    Value value;
    double weight;
};

std::vector<Sample> sampleAnswers(const Question& q) {
    std::vector<Sample> out;
    switch (q.type) {
        case QuestionType::Choice:
            for (const Option& o : q.options) out.push_back({Value::borrowedString(o.value), o.weight});
            break;
        case QuestionType::Boolean:
            out = {{Value::boolean(true), q.weightTrue}, {Value::boolean(false), q.weightFalse}};
            break;
        case QuestionType::Number: {
            std::vector<double> xs{q.min, q.max};
            for (double t : q.thresholds) {
                for (double x : {t - 1, t, t + 1}) {
                    if (x >= q.min && x <= q.max) xs.push_back(x);
                }
            }
            std::sort(xs.begin(), xs.end());
            xs.erase(std::unique(xs.begin(), xs.end()), xs.end());
            for (double x : xs) out.push_back({Value::number(x), 1});
            break;
        }
        case QuestionType::Date:
            break;  // no finite sample: its expected count is its upper bound
    }
    return out;
}

// Which results the person wants to know about: the goal question's answer
// (rules-format §3.1); every result while it is not answered.
std::vector<bool> pursuedResults(const Ruleset& rs, const Sheet& sheet) {
    std::vector<bool> pursued(rs.results.size(), true);
    if (rs.goal == nullptr) return pursued;
    const Value& goal = sheet.given[static_cast<std::size_t>(rs.goal->slot)];
    if (!goal.isString()) return pursued;
    for (const Option& o : rs.goal->options) {
        if (o.value != goal.asString() || o.pillars.empty()) continue;
        for (std::size_t i = 0; i < rs.results.size(); ++i) {
            pursued[i] = std::find(o.pillars.begin(), o.pillars.end(), rs.results[i].pillar) != o.pillars.end();
        }
    }
    return pursued;
}

// The open set (§8.3), in two parts: the questions a verdict of a pursued
// result waits for, and those only an amount waits for.
struct OpenSet {
    std::vector<bool> verdict;
    std::vector<bool> amount;
    std::size_t undecided = 0;  // pursued results whose status is unknown
};

// One result's part of the open set, before following askIf: whether it is
// undecided, and the slots its open criteria and open amounts wait for.
void addOpenSlots(const Version& v, const Sheet& sheet, OpenSet& open, std::vector<const Criterion*>& openCriteria) {
    bool notMet = false;
    openCriteria.clear();  // each criterion judged once: this runs for every trial answer of the lookahead
    for (const Criterion& c : v.criteria) {
        const CriterionStatus s = judge(c, sheet.slots, nullptr);
        notMet = notMet || s == CriterionStatus::NotMet;
        if (s == CriterionStatus::Open) openCriteria.push_back(&c);
    }
    const Status status = versionStatus(v, notMet, !openCriteria.empty());
    if (status == Status::NotEligible) return;
    if (status == Status::Unknown) {
        ++open.undecided;
        for (const Criterion* c : openCriteria) c->test.markOpenSlots(sheet.slots, open.verdict);
    }
    for (const Amount& a : v.amounts) a.value.markOpenSlots(sheet.slots, open.amount);  // only when unknown
}

OpenSet emptyOpenSet(const Ruleset& rs) {
    return OpenSet{std::vector<bool>(rs.slotCount(), false), std::vector<bool>(rs.slotCount(), false), 0};
}

void expandOpenSet(const Ruleset& rs, const Sheet& sheet, OpenSet& open) {
    expandThroughAskIf(rs, sheet, open.verdict);
    expandThroughAskIf(rs, sheet, open.amount);
}

OpenSet openSet(const Ruleset& rs, const Sheet& sheet, const Date& date, const std::vector<bool>& pursued) {
    OpenSet open = emptyOpenSet(rs);
    std::vector<const Criterion*> openCriteria;
    for (std::size_t i = 0; i < rs.results.size(); ++i) {
        const Version* v = pursued[i] ? rs.results[i].versionAt(date) : nullptr;
        if (v != nullptr) addOpenSlots(*v, sheet, open, openCriteria);
    }
    expandOpenSet(rs, sheet, open);
    return open;
}

// The lookahead tries one answer at a time: a criterion or amount that
// reads none of the slots that answer changed keeps its verdict and the
// slots it waits for. Each pursued result's criteria and amounts for the
// current answers, and the slots each reads, computed once per planning.
class OpenSetCache {
public:
    OpenSetCache(const Ruleset& rs, const Sheet& sheet, const Date& date, const std::vector<bool>& pursued) : rs_(rs) {
        for (std::size_t i = 0; i < rs.results.size(); ++i) {
            const Version* v = pursued[i] ? rs.results[i].versionAt(date) : nullptr;
            if (v == nullptr) continue;
            Part part{i, v, {}, {}};
            for (const Criterion& c : v->criteria) {
                Piece piece = readsOf(c.test);
                piece.status = judge(c, sheet.slots, nullptr);
                if (piece.status == CriterionStatus::Open) piece.opens = openSlotList(c.test, sheet.slots);
                part.criteria.push_back(std::move(piece));
            }
            for (const Amount& a : v->amounts) {
                Piece piece = readsOf(a.value);
                piece.opens = openSlotList(a.value, sheet.slots);  // none unless its value is unknown
                part.amounts.push_back(std::move(piece));
            }
            parts_.push_back(std::move(part));
        }
        for (const Question& q : rs.questions) {
            Piece piece = readsOf(q.askIf);
            piece.opens = openSlotList(q.askIf, sheet.slots);
            askIf_.push_back(std::move(piece));
        }
    }

    // The open set after a trial answer: `changed` marks the slots whose
    // settled value differs from the current answers'; `pursued`, the
    // results pursued after it (a subset of those pursued now). The steps
    // its evaluations take are added to `meter`.
    OpenSet after(const Sheet& trial, const std::vector<bool>& changed, const std::vector<bool>& pursued,
                  StepMeter& meter) const {
        OpenSet open = emptyOpenSet(rs_);
        std::vector<CriterionStatus> statuses;  // of one version's criteria after the trial answer
        for (const Part& part : parts_) {
            if (!pursued[part.result]) continue;
            statuses.clear();
            bool notMet = false, anyOpen = false;
            for (std::size_t c = 0; c < part.criteria.size() && !notMet; ++c) {
                const CriterionStatus s = part.criteria[c].touchedBy(changed)
                                              ? judge(part.version->criteria[c], trial.slots, nullptr, &meter)
                                              : part.criteria[c].status;
                statuses.push_back(s);
                notMet = s == CriterionStatus::NotMet;
                anyOpen = anyOpen || s == CriterionStatus::Open;
            }
            const Status status = versionStatus(*part.version, notMet, anyOpen);
            if (status == Status::NotEligible) continue;
            if (status == Status::Unknown) {
                ++open.undecided;
                for (std::size_t c = 0; c < part.criteria.size(); ++c) {
                    if (!part.criteria[c].touchedBy(changed)) {
                        mark(part.criteria[c].opens, open.verdict);
                    } else if (statuses[c] == CriterionStatus::Open) {
                        part.version->criteria[c].test.markOpenSlots(trial.slots, open.verdict, &meter);
                    }
                }
            }
            for (std::size_t k = 0; k < part.amounts.size(); ++k) {
                if (!part.amounts[k].touchedBy(changed)) {
                    mark(part.amounts[k].opens, open.amount);
                } else {
                    part.version->amounts[k].value.markOpenSlots(trial.slots, open.amount, &meter);  // only when unknown
                }
            }
        }
        // Through askIf: an askIf that reads no changed slot waits for what it did.
        auto markAskIf = [&](std::size_t slot, std::vector<std::size_t>& more) {
            if (slot >= askIf_.size() || !rs_.questions[slot].askIf.valid()) return;
            more = askIf_[slot].touchedBy(changed) ? openSlotList(rs_.questions[slot].askIf, trial.slots, &meter)
                                                   : askIf_[slot].opens;
        };
        expandWith(open.verdict, markAskIf);
        expandWith(open.amount, markAskIf);
        return open;
    }

private:
    // A criterion, an amount or an askIf: the slots it reads, and for the
    // current answers the slots it waits for (and a criterion's status).
    struct Piece {
        std::vector<std::size_t> reads;
        CriterionStatus status = CriterionStatus::Open;  // criteria only
        std::vector<std::size_t> opens;

        bool touchedBy(const std::vector<bool>& changed) const {
            return std::any_of(reads.begin(), reads.end(), [&](std::size_t k) { return changed[k]; });
        }
    };
    struct Part {
        std::size_t result;  // index in the ruleset's results
        const Version* version;
        std::vector<Piece> criteria;
        std::vector<Piece> amounts;
    };

    Piece readsOf(const Expression& e) const {
        std::vector<bool> read(rs_.slotCount(), false);
        e.markReadSlots(read);
        Piece piece;
        for (std::size_t k = 0; k < read.size(); ++k) {
            if (read[k]) piece.reads.push_back(k);
        }
        return piece;
    }
    static void mark(const std::vector<std::size_t>& slots, std::vector<bool>& into) {
        for (std::size_t k : slots) into[k] = true;
    }

    const Ruleset& rs_;
    std::vector<Part> parts_;
    std::vector<Piece> askIf_;  // by question (slot)
};

// §8.5: the questions of the open set not answered yet (nor with "I don't
// know"), plus the goal question while it is: an upper bound of what is
// still to be asked.
std::size_t remainingOf(const Ruleset& rs, const Sheet& sheet, const OpenSet& open) {
    std::size_t n = 0;
    for (const Question& q : rs.questions) {
        const auto slot = static_cast<std::size_t>(q.slot);
        const bool wanted = open.verdict[slot] || open.amount[slot] || &q == rs.goal;
        if (wanted && sheet.given[slot].isUnknown() && !sheet.declined[slot]) ++n;
    }
    return n;
}

// §8.3: the candidates to ask now. Questions that only refine an amount
// wait until no verdict waits for a question; the goal question comes first.
std::vector<const Question*> candidatesOf(const Ruleset& rs, const Sheet& sheet, const OpenSet& open) {
    std::vector<const Question*> out = questionsOf(rs, sheet, open.verdict);
    if (out.empty()) out = questionsOf(rs, sheet, open.amount);
    if (rs.goal != nullptr && askable(*rs.goal, sheet)) out.insert(out.begin(), rs.goal);
    return out;
}

// §8.4: orders the candidates by the number of questions still to come
// after answering them, on average over their answers weighted by how common
// each is (fewest first); ties go to the question that decides the most
// results, then to the ruleset's order. The goal question stays first.
// Returns the expected number of questions left, this one included.
// Planning stops after `budget` steps (§5.7): the candidates
// not tried by then count as if all the rest may follow them, and
// `ruleErrors` says so.
double orderByExpectedQuestions(const Ruleset& rs, const Sheet& sheet, const Date& date, const std::vector<bool>& pursued,
                                std::size_t undecided, std::size_t remaining, std::vector<const Question*>& candidates,
                                std::uint64_t budget, Problems& ruleErrors) {
    if (candidates.empty()) return 0;
    struct Score {
        double left;     // expected questions of the open set after this answer
        double decided;  // expected pursued results it decides
        std::size_t index;
    };
    std::vector<Score> scored;
    const OpenSetCache cache(rs, sheet, date, pursued);
    std::vector<bool> changed(sheet.slots.size(), false);
    StepMeter meter;
    bool stopped = false;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        const Question& q = *candidates[i];
        const std::vector<Sample> samples = stopped ? std::vector<Sample>{} : sampleAnswers(q);
        double total = 0, left = 0, decided = 0;
        for (const Sample& sample : samples) {
            if (meter.steps > budget) {
                stopped = true;
                total = 0;  // this question counts as untried
                ruleErrors.push_back({q.pointer, "planning the next question was stopped after " +
                                                     std::to_string(meter.steps) + " steps, at this question: " +
                                                     "the rules ask for too much work (rules-format §5.7)"});
                break;
            }
            Sheet trial = sheet;
            trial.given[static_cast<std::size_t>(q.slot)] = sample.value;
            settle(rs, trial, nullptr, &meter);
            for (std::size_t k = 0; k < changed.size(); ++k) {
                const Value& was = sheet.slots[k];
                const Value& now = trial.slots[k];
                changed[k] = !(was.isUnknown() ? now.isUnknown() : strictEquals(was, now));
            }
            // The goal changes what is pursued (never more than now).
            std::vector<bool> after = pursued;
            if (&q == rs.goal) {
                const std::vector<bool> chosen = pursuedResults(rs, trial);
                for (std::size_t r = 0; r < after.size(); ++r) after[r] = after[r] && chosen[r];
            }
            const OpenSet open = cache.after(trial, changed, after, meter);
            total += sample.weight;
            left += sample.weight * static_cast<double>(remainingOf(rs, trial, open));
            decided += sample.weight * (static_cast<double>(undecided) - static_cast<double>(open.undecided));
        }
        if (total > 0) scored.push_back({left / total, decided / total, i});
        else scored.push_back({static_cast<double>(remaining) - 1, 0, i});  // no sample: all the rest may follow
    }
    const bool goalFirst = candidates.front() == rs.goal;
    std::stable_sort(scored.begin() + (goalFirst ? 1 : 0), scored.end(), [](const Score& a, const Score& b) {
        if (a.left != b.left) return a.left < b.left;
        return a.decided > b.decided;
    });
    std::vector<const Question*> ordered;
    for (const Score& s : scored) ordered.push_back(candidates[s.index]);
    candidates = std::move(ordered);
    return 1 + scored.front().left;
}

Evaluation evaluateSheet(const Ruleset& rs, Sheet& sheet, const Date& date, const EvaluateOptions& options,
                         Problems problems) {
    Evaluation out;
    out.date = date;
    out.problems = std::move(problems);
    settle(rs, sheet, &out.ruleErrors);
    for (const Question& q : rs.questions) {
        if (q.askIf.valid() && sheet.slots[static_cast<std::size_t>(q.slot)].isNull()) out.notApplicable.push_back(&q);
    }
    out.results.reserve(rs.results.size());
    const std::vector<bool> pursued = pursuedResults(rs, sheet);

    for (std::size_t i = 0; i < rs.results.size(); ++i) {
        const Result& res = rs.results[i];
        if (options.only != nullptr && options.only != &res) continue;
        const Version* version = res.versionAt(date);
        if (version == nullptr) continue;
        ResultOutcome r;
        r.result = &res;
        r.version = version;
        r.pursued = pursued[i];
        Problems errors;
        r.criteria.reserve(version->criteria.size());
        for (const Criterion& c : version->criteria) {
            r.criteria.push_back(CriterionOutcome{&c, judge(c, sheet.slots, &errors), {}});
        }
        r.status = combine(*version, r.criteria);
        // A criterion may read a question that does not apply to this person
        // (null); that is only an error when no other criterion decided "no".
        if (r.status != Status::NotEligible) out.ruleErrors.insert(out.ruleErrors.end(), errors.begin(), errors.end());
        if (r.status == Status::Unknown) {
            for (CriterionOutcome& co : r.criteria) {
                if (co.status != CriterionStatus::Open) continue;
                std::vector<bool> mine(rs.slotCount(), false);
                co.criterion->test.markOpenSlots(sheet.slots, mine);
                expandThroughAskIf(rs, sheet, mine);
                for (std::size_t k = 0; k < rs.questions.size(); ++k) {
                    if (mine[k]) co.openQuestions.push_back(&rs.questions[k]);
                }
            }
        }
        if (r.status != Status::NotEligible) {
            for (const Amount& a : version->amounts) {
                Value v = a.value.evaluate(sheet.slots);
                if (v.isError()) {
                    out.ruleErrors.push_back(v.errorProblem());
                } else if (v.isNumber()) {
                    r.amounts.push_back({&a, v.asNumber()});
                }
            }
        }
        out.results.push_back(std::move(r));
    }

    for (const Question& q : rs.questions) {
        const auto slot = static_cast<std::size_t>(q.slot);
        if (!sheet.given[slot].isUnknown() && !sheet.slots[slot].isNull()) ++out.progress.answered;
    }
    std::vector<bool> only = pursued;
    if (options.only != nullptr) {
        for (std::size_t i = 0; i < rs.results.size(); ++i) only[i] = only[i] && &rs.results[i] == options.only;
    }
    const OpenSet open = openSet(rs, sheet, date, only);
    out.progress.remaining = remainingOf(rs, sheet, open);
    if (options.planNext) {
        out.next = candidatesOf(rs, sheet, open);
        out.progress.expected =
            orderByExpectedQuestions(rs, sheet, date, only, open.undecided, out.progress.remaining, out.next,
                                     options.planningSteps, out.ruleErrors);
    }
    return out;
}

// Does the course decide anything here: does a criterion of the version read
// a course question (rules-format.md §9)? Amounts and askIf do not count.
bool readsCourseQuestion(const Ruleset& rs, const Version& version) {
    std::vector<bool> read(rs.slotCount(), false);
    for (const Criterion& c : version.criteria) c.test.markReadSlots(read);
    for (const Question& q : rs.questions) {
        if (q.courseFact && read[static_cast<std::size_t>(q.slot)]) return true;
    }
    return false;
}

}  // namespace

Evaluation evaluate(const Ruleset& ruleset, const Json& answers, const Date& date, const EvaluateOptions& options) {
    Problems problems;
    Sheet sheet = readAnswers(ruleset, answers, date, problems);
    return evaluateSheet(ruleset, sheet, date, options, std::move(problems));
}

CourseView courseView(const Ruleset& ruleset, const Json& facts, const Date& date) {
    CourseView view;
    view.date = date;
    Problems problems;
    Json courseFacts = Json::object();  // personal answers are reported and left out
    if (facts.is_object()) {
        for (auto it = facts.begin(); it != facts.end(); ++it) {
            const Question* q = ruleset.question(it.key());
            if (q != nullptr && !q->courseFact) {
                problems.push_back({pointerAppend("", it.key()),
                                    "\"" + it.key() + "\" is a personal question, not a fact of the course"});
            } else {
                courseFacts[it.key()] = *it;
            }
        }
    }
    Sheet sheet = readAnswers(ruleset, facts.is_object() ? courseFacts : facts, date, problems);
    EvaluateOptions options;
    options.planNext = false;
    Evaluation e = evaluateSheet(ruleset, sheet, date, options, std::move(problems));
    view.problems = std::move(e.problems);
    view.problems.insert(view.problems.end(), e.ruleErrors.begin(), e.ruleErrors.end());
    for (ResultOutcome& r : e.results) {
        CourseOutcome c;
        c.result = r.result;
        c.version = r.version;
        c.status = r.status;
        c.course = readsCourseQuestion(ruleset, *r.version);
        for (CriterionOutcome& co : r.criteria) {
            if (co.status == CriterionStatus::NotMet) c.blockedBy.push_back(co.criterion);
            if (co.status == CriterionStatus::Open && r.status == Status::Unknown) c.dependsOn.push_back(std::move(co));
        }
        c.amounts = std::move(r.amounts);
        view.results.push_back(std::move(c));
    }
    return view;
}

}  // namespace wegwijzer
