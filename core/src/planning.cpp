// Next questions and progress (rules-format §8): the open set of questions
// that could still change a verdict or an amount, the candidates to ask now,
// and their order by the number of questions expected to follow (a one-step
// lookahead over each candidate's answers, within the planning budget of
// §5.7). evaluation.cpp calls this after judging (sheet.hpp).

#include <algorithm>
#include <cmath>

#include "sheet.hpp"

namespace wegwijzer {

namespace {

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

}  // namespace

void expandThroughAskIf(const Ruleset& rs, const Sheet& sheet, std::vector<bool>& open) {
    expandWith(open, [&](std::size_t slot, std::vector<std::size_t>& more) {
        if (slot < rs.questions.size() && rs.questions[slot].askIf.valid()) {
            more = openSlotList(rs.questions[slot].askIf, sheet.slots);
        }
    });
}

namespace {

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

}  // namespace

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

namespace {

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

}  // namespace

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

namespace {

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

}  // namespace

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

}  // namespace wegwijzer
