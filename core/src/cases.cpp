#include "wegwijzer/cases.hpp"

#include <cmath>

namespace wegwijzer {

namespace {

void readCase(const Json& j, const std::string& pointer, LoadedCases& out) {
    auto report = [&](const std::string& p, std::string message) { out.problems.push_back({p, std::move(message)}); };
    if (!j.is_object()) {
        report(pointer, "a case must be an object");
        return;
    }
    Case c;
    c.pointer = pointer;
    for (auto it = j.begin(); it != j.end(); ++it) {
        const std::string& k = it.key();
        if (k != "name" && k != "date" && k != "answers" && k != "expect" && k != "next" && k != "note") {
            report(pointerAppend(pointer, k), "unknown member \"" + k + "\"");
        }
    }
    auto name = j.find("name");
    if (name == j.end() || !name->is_string()) {
        report(pointer, "a case needs a \"name\" string");
    } else {
        c.name = name->get<std::string>();
    }
    auto date = j.find("date");
    std::optional<Date> d = (date != j.end() && date->is_string()) ? Date::parse(date->get<std::string>()) : std::nullopt;
    if (!d) {
        report(pointerAppend(pointer, "date"), "a case needs a \"date\" of the form YYYY-MM-DD");
    } else {
        c.date = *d;
    }
    auto answers = j.find("answers");
    if (answers == j.end() || !answers->is_object()) {
        report(pointerAppend(pointer, "answers"), "a case needs \"answers\", an object");
    } else {
        c.answers = *answers;
    }
    auto expect = j.find("expect");
    if (expect == j.end() || !expect->is_object() || expect->empty()) {
        report(pointerAppend(pointer, "expect"), "a case needs \"expect\", an object of result id to expectation");
    } else {
        for (auto it = expect->begin(); it != expect->end(); ++it) {
            const std::string p = pointerAppend(pointerAppend(pointer, "expect"), it.key());
            Expectation e;
            const Json* status = &*it;
            if (it->is_object()) {
                for (auto m = it->begin(); m != it->end(); ++m) {
                    if (m.key() != "status" && m.key() != "amounts") {
                        report(pointerAppend(p, m.key()), "unknown member \"" + m.key() + "\"");
                    }
                }
                auto s = it->find("status");
                status = s == it->end() ? nullptr : &*s;
                auto amounts = it->find("amounts");
                if (amounts != it->end()) {
                    if (!amounts->is_object()) {
                        report(pointerAppend(p, "amounts"), "must be an object of amount id to number");
                    } else {
                        for (auto a = amounts->begin(); a != amounts->end(); ++a) {
                            if (!a->is_number()) {
                                report(pointerAppend(pointerAppend(p, "amounts"), a.key()), "must be a number");
                            } else {
                                e.amounts[a.key()] = a->get<double>();
                            }
                        }
                    }
                }
            }
            auto parsed = (status && status->is_string()) ? parseStatus(status->get<std::string>()) : std::nullopt;
            if (!parsed) {
                report(p, "expected status must be \"eligible\", \"not-eligible\" or \"unknown\"");
                continue;
            }
            e.status = *parsed;
            c.expect[it.key()] = e;
        }
    }
    auto next = j.find("next");
    if (next != j.end()) {
        std::vector<std::string> ids;
        for (const Json& q : *next) {
            if (q.is_string()) ids.push_back(q.get<std::string>());
        }
        if (!next->is_array() || ids.size() != next->size()) {
            report(pointerAppend(pointer, "next"), "must be an array of question ids");
        }
        c.next = ids;
    }
    out.cases.push_back(std::move(c));
}

std::string number(double v) { return Value::number(v).toJson().dump(); }

}  // namespace

LoadedCases parseCases(std::string_view text) {
    LoadedCases out;
    JsonResult parsed = parseJson(text);
    if (!parsed.value) {
        out.problems.push_back(parsed.problem);
        return out;
    }
    const Json& doc = *parsed.value;
    if (doc.is_object() && doc.contains("cases")) {
        const Json& list = doc["cases"];
        if (!list.is_array()) {
            out.problems.push_back({"/cases", "must be an array of cases"});
            return out;
        }
        for (std::size_t i = 0; i < list.size(); ++i) readCase(list[i], pointerAppend("/cases", i), out);
    } else {
        readCase(doc, "", out);
    }
    return out;
}

CaseOutcome runCase(const Ruleset& ruleset, const Case& c) {
    CaseOutcome out;
    out.evaluation = evaluate(ruleset, c.answers, c.date);
    auto fail = [&](std::string message) {
        out.passed = false;
        out.failures.push_back(std::move(message));
    };
    for (const Problem& p : out.evaluation.problems) fail("invalid answer at " + p.path + ": " + p.message);
    for (const Problem& p : out.evaluation.ruleErrors) fail("rule error at " + p.path + ": " + p.message);
    for (const auto& [id, expected] : c.expect) {
        const ResultOutcome* found = nullptr;
        for (const ResultOutcome& r : out.evaluation.results) {
            if (r.result->id == id) found = &r;
        }
        if (found == nullptr) {
            fail(ruleset.result(id) ? "\"" + id + "\" has no version in force on " + c.date.toString()
                                    : "\"" + id + "\" is not a result of this ruleset");
            continue;
        }
        if (found->status != expected.status) {
            std::string why;
            for (const CriterionOutcome& co : found->criteria) {
                why += (why.empty() ? "" : ", ") + co.criterion->id + "=" + criterionStatusName(co.status);
            }
            fail(id + ": expected " + statusName(expected.status) + ", got " + statusName(found->status) + " (" + why +
                 ")");
        }
        for (const auto& [amountId, value] : expected.amounts) {
            const AmountOutcome* amount = nullptr;
            for (const AmountOutcome& a : found->amounts) {
                if (a.amount->id == amountId) amount = &a;
            }
            if (amount == nullptr) {
                fail(id + "/" + amountId + ": expected " + number(value) + ", but the amount is not determined");
            } else if (std::fabs(amount->value - value) > 1e-9 * std::max(1.0, std::fabs(value))) {
                fail(id + "/" + amountId + ": expected " + number(value) + ", got " + number(amount->value));
            }
        }
    }
    if (c.next) {
        std::vector<std::string> got;
        for (const Question* q : out.evaluation.next) got.push_back(q->id);
        if (got != *c.next) {
            fail("next questions: expected " + Json(*c.next).dump() + ", got " + Json(got).dump());
        }
    }
    return out;
}

void Coverage::record(const Evaluation& evaluation) {
    for (const ResultOutcome& r : evaluation.results) {
        for (const CriterionOutcome& co : r.criteria) {
            auto& seen = seen_[co.criterion];
            if (co.status == CriterionStatus::Met) seen.first = true;
            if (co.status == CriterionStatus::NotMet) seen.second = true;
        }
    }
}

std::vector<Coverage::Gap> Coverage::gaps(const Ruleset& ruleset) const {
    std::vector<Gap> out;
    for (const Result& r : ruleset.results) {
        for (const Version& v : r.versions) {
            for (const Criterion& c : v.criteria) {
                auto it = seen_.find(&c);
                const bool met = it != seen_.end() && it->second.first;
                const bool notMet = it != seen_.end() && it->second.second;
                if (!met || !notMet) out.push_back({r.id, v.validFrom.toString(), c.id, met, notMet});
            }
        }
    }
    return out;
}

std::size_t Coverage::total(const Ruleset& ruleset) const {
    std::size_t n = 0;
    for (const Result& r : ruleset.results) {
        for (const Version& v : r.versions) n += v.criteria.size();
    }
    return n;
}

}  // namespace wegwijzer
