#include "wegwijzer/output.hpp"

#include <algorithm>

namespace wegwijzer {

namespace {

Json text(const Text& t, const std::string& locale) { return textIn(t, locale); }

}  // namespace

LocaleChoice chooseLocale(const Ruleset& ruleset, std::string_view requested) {
    const auto& all = ruleset.locales;
    if (requested.empty()) return {all.front(), true};
    if (std::find(all.begin(), all.end(), requested) != all.end()) return {std::string(requested), true};
    return {all.front(), false};
}

Json toJson(const std::vector<AmountOutcome>& amounts) {
    Json out = Json::object();
    for (const AmountOutcome& a : amounts) out[a.amount->id] = Value::number(a.value).toJson();
    return out;
}

Json toJson(const Problems& problems) {
    Json out = Json::array();
    for (const Problem& p : problems) out.push_back({{"path", p.path}, {"message", p.message}});
    return out;
}

namespace {

Json criterionJson(const CriterionOutcome& co, const std::string& locale) {
    const Criterion& c = *co.criterion;
    Json j = {{"criterion", c.id}, {"outcome", criterionStatusName(co.status)}};
    j["text"] = text(co.status == CriterionStatus::NotMet ? c.notMet : c.met, locale);
    j["source"] = c.source.url;
    if (!c.caution.empty()) j["caution"] = text(c.caution, locale);
    if (co.status == CriterionStatus::Open) {
        Json qs = Json::array();
        for (const Question* q : co.openQuestions) qs.push_back(q->id);
        j["waitsFor"] = qs;
    }
    return j;
}

// `amounts` (id -> value) and `amountDetails` of a result object.
void addAmounts(Json& j, const std::vector<AmountOutcome>& outcomes, const std::string& locale) {
    Json details = Json::array();
    for (const AmountOutcome& a : outcomes) {
        details.push_back({{"id", a.amount->id},
                           {"value", Value::number(a.value).toJson()},
                           {"unit", a.amount->unit},
                           {"text", text(a.amount->text, locale)}});
    }
    j["amounts"] = toJson(outcomes);
    j["amountDetails"] = details;
}

Json resultHeader(const Result& res, const Version& v, Status status, const std::string& locale) {
    Json j = {{"id", res.id},
              {"kind", res.kind == ResultKind::Incentive ? "incentive" : "referral"},
              {"pillar", res.pillar},
              {"status", statusName(status)},
              {"title", text(res.title, locale)},
              {"summary", text(res.summary, locale)}};
    j["validFrom"] = v.validFrom.toString();
    j["validUntil"] = v.validUntil ? Json(v.validUntil->toString()) : Json(nullptr);
    return j;
}

// The cautions of a result, whatever its status (rules-format.md §10): the
// version's own caution first, then the caution of every criterion listed
// (met, not-met and open alike), in order, each text once. A caution can
// change the outcome, so it must reach the person most of all on a "no".
class Cautions {
public:
    Cautions(const Version& v, const std::string& locale) : locale_(locale) { add(v.caution); }
    void add(const Text& caution) {
        if (caution.empty()) return;
        const std::string& t = textIn(caution, locale_);
        for (const std::string* seen : texts_) {
            if (*seen == t) return;
        }
        texts_.push_back(&t);
    }
    Json json() const {
        Json out = Json::array();
        for (const std::string* t : texts_) out.push_back(*t);
        return out;
    }

private:
    const std::string& locale_;
    std::vector<const std::string*> texts_;  // into the ruleset's texts
};

Json progressJson(const Progress& p) {
    // One decimal: what a person is shown is a whole number anyway.
    return {{"answered", p.answered}, {"remaining", p.remaining}, {"expected", std::round(p.expected * 10) / 10}};
}

}  // namespace

Json toJson(const Evaluation& e, const Ruleset& rs, const std::string& locale) {
    Json results = Json::array();
    for (const ResultOutcome& r : e.results) {
        Json j = resultHeader(*r.result, *r.version, r.status, locale);
        j["pursued"] = r.pursued;
        addAmounts(j, r.amounts, locale);
        // The reasons: for a negative verdict, the criteria that decided it;
        // otherwise every criterion with its outcome.
        Json reasons = Json::array();
        Cautions cautions(*r.version, locale);
        for (const CriterionOutcome& co : r.criteria) {
            if (r.status == Status::NotEligible && co.status != CriterionStatus::NotMet) continue;
            reasons.push_back(criterionJson(co, locale));
            cautions.add(co.criterion->caution);
        }
        j["reasons"] = reasons;
        j["cautions"] = cautions.json();
        Json apply = Json::array();
        for (const Link& l : r.version->apply) apply.push_back({{"text", text(l.text, locale)}, {"url", l.url}});
        j["apply"] = apply;
        results.push_back(std::move(j));
    }
    Json next = Json::array();
    for (const Question* q : e.next) next.push_back(q->id);
    Json out = {{"ruleset", {{"id", rs.id}, {"version", rs.version}}},
                {"date", e.date.toString()},
                {"locale", locale},
                {"results", results},
                {"next", next},
                {"progress", progressJson(e.progress)}};
    out["errors"] = toJson(e.problems);
    out["ruleErrors"] = toJson(e.ruleErrors);
    return out;
}

Json toStatusJson(const Evaluation& e) {
    Json results = Json::array();
    for (const ResultOutcome& r : e.results) {
        results.push_back({{"id", r.result->id},
                           {"status", statusName(r.status)},
                           {"pursued", r.pursued},
                           {"amounts", toJson(r.amounts)}});
    }
    Json next = Json::array();
    for (const Question* q : e.next) next.push_back(q->id);
    Json notApplicable = Json::array();
    for (const Question* q : e.notApplicable) notApplicable.push_back(q->id);
    Json out = {{"results", std::move(results)},
                {"next", std::move(next)},
                {"notApplicable", std::move(notApplicable)},
                {"progress", progressJson(e.progress)}};
    out["errors"] = toJson(e.problems);
    out["ruleErrors"] = toJson(e.ruleErrors);
    return out;
}

Json toJson(const CourseView& view, const Ruleset& rs, const std::string& locale) {
    Json results = Json::array();
    for (const CourseOutcome& c : view.results) {
        Json j = resultHeader(*c.result, *c.version, c.status, locale);
        j["possible"] = c.status != Status::NotEligible;
        j["course"] = c.course;
        Json blocked = Json::array();
        Cautions cautions(*c.version, locale);
        for (const Criterion* cr : c.blockedBy) {
            Json b = {{"criterion", cr->id}, {"text", text(cr->notMet, locale)}, {"source", cr->source.url}};
            if (!cr->caution.empty()) b["caution"] = text(cr->caution, locale);
            blocked.push_back(std::move(b));
            cautions.add(cr->caution);
        }
        j["blockedBy"] = blocked;
        Json depends = Json::array();
        for (const CriterionOutcome& co : c.dependsOn) {
            depends.push_back(criterionJson(co, locale));
            cautions.add(co.criterion->caution);
        }
        j["dependsOn"] = depends;
        j["cautions"] = cautions.json();
        addAmounts(j, c.amounts, locale);
        results.push_back(std::move(j));
    }
    Json out = {{"ruleset", {{"id", rs.id}, {"version", rs.version}}},
                {"date", view.date.toString()},
                {"locale", locale},
                {"results", results}};
    out["errors"] = toJson(view.problems);
    return out;
}

Json summaryJson(const Ruleset& rs) {
    Json out = {{"id", rs.id}, {"version", rs.version}, {"published", rs.published.toString()},
                {"expires", rs.expires.toString()}};
    if (rs.freshUntil) out["freshUntil"] = rs.freshUntil->toString();
    return out;
}

Json describeJson(const Ruleset& rs, const std::string& locale) {
    Json questions = Json::array();
    for (const Question& q : rs.questions) {
        Json j = {{"id", q.id}, {"type", questionTypeName(q.type)}, {"course", q.courseFact},
                  {"text", text(q.text, locale)}};
        if (!q.help.empty()) j["help"] = text(q.help, locale);
        if (q.goal) j["goal"] = true;
        if (q.type == QuestionType::Number) {
            j["min"] = Value::number(q.min).toJson();
            j["max"] = Value::number(q.max).toJson();
            if (!q.unit.empty()) j["unit"] = text(q.unit, locale);
        }
        if (q.type == QuestionType::Choice) {
            Json options = Json::array();
            for (const Option& o : q.options) {
                Json option = {{"value", o.value}, {"text", text(o.text, locale)}};
                if (q.goal) option["pillars"] = o.pillars;  // empty: every result
                options.push_back(std::move(option));
            }
            j["options"] = std::move(options);
        }
        questions.push_back(std::move(j));
    }
    Json out = summaryJson(rs);
    out["title"] = text(rs.title, locale);
    out["locales"] = rs.locales;
    out["questions"] = std::move(questions);
    return out;
}

Json toJson(const Refusal& r) {
    return {{"accepted", false}, {"refusal", {{"code", r.code}, {"message", r.message}}}};
}

Json toJson(const BundleVerdict& v) {
    if (!v.accepted()) return toJson(*v.refusal);
    Json out = summaryJson(*v.ruleset);
    out["accepted"] = true;
    out["signers"] = v.signers;
    out["warnings"] = v.warnings;
    out["expired"] = v.expired;
    out["stale"] = v.stale;
    return out;
}

}  // namespace wegwijzer
