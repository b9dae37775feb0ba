#include "wegwijzer/evaluation.hpp"

#include <algorithm>
#include <cmath>

#include "sheet.hpp"

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

// Applies askIf: fills `slots` from `given`, in an order where each askIf
// reads only settled slots.
void settle(const Ruleset& rs, Sheet& sheet, Problems* problems, StepMeter* meter) {
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

CriterionStatus judge(const Criterion& c, const std::vector<Value>& slots, Problems* problems, StepMeter* meter) {
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

namespace {

// The sheet of an evaluation: the answers, and the date in its slot.
Sheet sheetOf(const Ruleset& rs, Answers answers, const Date& date) {
    Sheet sheet;
    sheet.given = std::move(answers.given);
    sheet.declined = std::move(answers.declined);
    sheet.given[static_cast<std::size_t>(rs.dateSlot())] = Value::ownedString(date.toString());
    return sheet;
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
    Answers read = Answers::read(ruleset, answers, problems);
    Sheet sheet = sheetOf(ruleset, std::move(read), date);
    return evaluateSheet(ruleset, sheet, date, options, std::move(problems));
}

Evaluation evaluate(const Ruleset& ruleset, const Answers& answers, const Date& date, const EvaluateOptions& options) {
    Sheet sheet = sheetOf(ruleset, answers, date);
    return evaluateSheet(ruleset, sheet, date, options, {});
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
    Sheet sheet = sheetOf(ruleset, Answers::read(ruleset, facts.is_object() ? courseFacts : facts, problems), date);
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
