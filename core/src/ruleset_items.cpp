// The ruleset loader, continued (ruleset_loader.hpp): the questions and
// their askIf (rules-format §3), the results with their versions, criteria
// and amounts (§4).

#include <algorithm>
#include <functional>
#include <set>

#include "ruleset_loader.hpp"

namespace wegwijzer {

// Pass 1: the questions' own members, so that expressions can name any question.
void RulesetLoader::questionShapes(const Json& list, const std::string& pointer, std::vector<const Json*>& askIfs) {
    for (std::size_t i = 0; i < list.size(); ++i) {
        Question q;
        q.pointer = pointerAppend(pointer, i);
        ObjectReader r(list[i], q.pointer, problems,
                       {"id", "type", "scope", "goal", "text", "help", "options", "min", "max", "unit", "askIf", "weights"});
        askIfs.push_back(r.get("askIf", false));
        q.id = r.id();
        const std::string type = r.string("type");
        if (type == "choice") {
            q.type = QuestionType::Choice;
        } else if (type == "boolean") {
            q.type = QuestionType::Boolean;
        } else if (type == "number") {
            q.type = QuestionType::Number;
        } else if (type == "date") {
            q.type = QuestionType::Date;
        } else if (!type.empty()) {
            r.report(r.at("type"), "unknown question type \"" + type + "\" (choice, boolean, number or date)");
        }
        const std::string scope = r.string("scope", false);
        if (!scope.empty() && scope != "person" && scope != "course") {
            r.report(r.at("scope"), "scope is \"person\" or \"course\"");
        }
        q.courseFact = scope == "course";
        if (const Json* goal = r.get("goal", false)) {
            if (!goal->is_boolean()) r.report(r.at("goal"), "must be true or false");
            q.goal = goal->is_boolean() && goal->get<bool>();
        }
        q.text = text(r, "text");
        q.help = text(r, "help", false);
        const Json* options = r.array("options", q.type == QuestionType::Choice);
        if (options != nullptr && q.type != QuestionType::Choice) {
            r.report(r.at("options"), "only a choice question has options");
        } else if (options != nullptr) {
            readOptions(q, *options, r.at("options"));
        }
        auto min = r.number("min", q.type == QuestionType::Number);
        auto max = r.number("max", q.type == QuestionType::Number);
        if ((min || max) && q.type != QuestionType::Number) {
            r.report(q.pointer, "only a number question has \"min\" and \"max\"");
        }
        if (min && max) {
            q.min = *min;
            q.max = *max;
            if (!(q.min < q.max)) r.report(r.at("max"), "must be greater than \"min\"");
        }
        q.unit = text(r, "unit", false);
        if (!q.unit.empty() && q.type != QuestionType::Number) r.report(r.at("unit"), "only a number question has a unit");
        if (const Json* weights = r.get("weights", false)) readWeights(q, *weights, r.at("weights"));
        q.slot = static_cast<int>(rs.questions.size());
        rs.questions.push_back(std::move(q));
    }
}

void RulesetLoader::readOptions(Question& q, const Json& options, const std::string& pointer) {
    if (options.size() < 2) report(pointer, "a choice question needs at least two options");
    std::set<std::string> seen;
    for (std::size_t k = 0; k < options.size(); ++k) {
        ObjectReader o(options[k], pointerAppend(pointer, k), problems, {"value", "text", "pillars"});
        Option option;
        option.value = o.id("value");
        option.text = text(o, "text");
        if (const Json* pillars = o.array("pillars", false)) {
            if (!q.goal) o.report(o.at("pillars"), "only the options of a goal question (\"goal\": true) have pillars");
            for (std::size_t i = 0; i < pillars->size(); ++i) {
                const Json& p = (*pillars)[i];
                if (!p.is_string() || !validPillar(p.get<std::string>())) {
                    report(pointerAppend(o.at("pillars"), i), "a pillar is \"geld\", \"tijd\" or \"begeleiding\"");
                } else {
                    option.pillars.push_back(p.get<std::string>());
                }
            }
            if (pillars->empty()) o.report(o.at("pillars"), "must list at least one pillar (leave it out for every result)");
        }
        if (!option.value.empty() && !seen.insert(option.value).second) {
            o.report(o.at("value"), "duplicate option value \"" + option.value + "\"");
        }
        q.options.push_back(std::move(option));
    }
}

// "weights": how common each answer is: option value (or "true" and
// "false") -> a positive number; answers not listed weigh 1.
void RulesetLoader::readWeights(Question& q, const Json& weights, const std::string& pointer) {
    if (q.type != QuestionType::Choice && q.type != QuestionType::Boolean) {
        report(pointer, "only a choice or boolean question has weights");
        return;
    }
    if (!weights.is_object()) {
        report(pointer, "must be an object of answer to weight");
        return;
    }
    for (auto it = weights.begin(); it != weights.end(); ++it) {
        const std::string p = pointerAppend(pointer, it.key());
        if (!it->is_number() || !(it->get<double>() > 0) || it->get<double>() > 1e6) {
            report(p, "a weight is a number above 0, at most 1000000");
            continue;
        }
        const double w = it->get<double>();
        if (q.type == QuestionType::Boolean && (it.key() == "true" || it.key() == "false")) {
            (it.key() == "true" ? q.weightTrue : q.weightFalse) = w;
            continue;
        }
        bool found = false;
        for (Option& o : q.options) {
            if (o.value == it.key()) {
                o.weight = w;
                found = true;
            }
        }
        if (!found) {
            report(p, q.type == QuestionType::Boolean ? "a boolean question weighs \"true\" and \"false\""
                                                      : "\"" + it.key() + "\" is not one of the question's options");
        }
    }
}

void RulesetLoader::declareVariables() {
    for (const Question& q : rs.questions) {
        Variable v;
        v.name = q.id;
        v.slot = q.slot;
        switch (q.type) {
            case QuestionType::Choice:
                v.type = StaticType::String;
                for (const Option& o : q.options) v.options.push_back(o.value);
                break;
            case QuestionType::Boolean: v.type = StaticType::Boolean; break;
            case QuestionType::Number: v.type = StaticType::Number; break;
            case QuestionType::Date: v.type = StaticType::Date; break;
        }
        rs.variables_.push_back(std::move(v));
    }
    rs.variables_.push_back(Variable{kDateVariable, rs.dateSlot(), StaticType::Date, {}});
}

// Pass 2: askIf expressions, then an order in which to settle them.
void RulesetLoader::askIfs(const std::vector<const Json*>& askIfs) {
    for (std::size_t i = 0; i < rs.questions.size(); ++i) {
        if (askIfs[i] == nullptr) continue;
        Question& q = rs.questions[i];
        CompileOptions options;
        options.scope = &rs;
        options.path = pointerAppend(q.pointer, "askIf");
        options.document = document;
        q.askIf = compile(*askIfs[i], options, problems);
        if (q.askIf.valid() && q.askIf.type() != StaticType::Boolean) {
            report(options.path, std::string("askIf must give a boolean, but gives ") +
                                     staticTypeName(q.askIf.type()));
            q.askIf = Expression();
        }
    }
    orderAskIfs();
}

void RulesetLoader::orderAskIfs() {
    const std::size_t n = rs.questions.size();
    std::vector<std::vector<bool>> reads(n, std::vector<bool>(rs.slotCount(), false));
    for (std::size_t i = 0; i < n; ++i) rs.questions[i].askIf.markReadSlots(reads[i]);
    // Depth-first topological sort; an edge back to a question on the stack is a cycle.
    std::vector<int> state(n, 0);  // 0 new, 1 on the stack, 2 done
    std::function<void(std::size_t)> visit = [&](std::size_t i) {
        state[i] = 1;
        for (std::size_t k = 0; k < n; ++k) {
            if (!reads[i][k]) continue;
            if (state[k] == 1) {
                const std::string through = k == i ? "" : ", through \"" + rs.questions[k].id + "\",";
                report(pointerAppend(rs.questions[i].pointer, "askIf"),
                       "askIf of \"" + rs.questions[i].id + "\" depends" + through + " on its own answer");
            } else if (state[k] == 0) {
                visit(k);
            }
        }
        state[i] = 2;
        rs.askOrder.push_back(static_cast<int>(i));
    };
    for (std::size_t i = 0; i < n; ++i) {
        if (state[i] == 0) visit(i);
    }
}

void RulesetLoader::results(const Json& list, const std::string& pointer) {
    std::vector<std::string> pointers;
    for (std::size_t i = 0; i < list.size(); ++i) {
        Result res;
        res.pointer = pointerAppend(pointer, i);
        pointers.push_back(res.pointer);
        ObjectReader r(list[i], res.pointer, problems, {"id", "kind", "pillar", "title", "summary", "versions"});
        res.id = r.id();
        const std::string kind = r.string("kind");
        if (kind == "referral") {
            res.kind = ResultKind::Referral;
        } else if (kind != "incentive" && !kind.empty()) {
            r.report(r.at("kind"), "kind is \"incentive\" or \"referral\"");
        }
        res.pillar = r.string("pillar");
        if (!res.pillar.empty() && !validPillar(res.pillar)) {
            r.report(r.at("pillar"), "pillar is \"geld\", \"tijd\" or \"begeleiding\"");
        }
        res.title = text(r, "title");
        res.summary = text(r, "summary");
        if (const Json* versions = r.array("versions")) {
            if (versions->empty()) r.report(r.at("versions"), "a result needs at least one version");
            for (std::size_t k = 0; k < versions->size(); ++k) {
                res.versions.push_back(version((*versions)[k], pointerAppend(r.at("versions"), k)));
            }
            checkOverlaps(res);
        }
        rs.results.push_back(std::move(res));
    }
    uniqueIds(rs.results, pointers, "result");
}

Version RulesetLoader::version(const Json& j, const std::string& pointer) {
    Version v;
    v.pointer = pointer;
    ObjectReader r(j, pointer, problems, {"validFrom", "validUntil", "maxStatus", "caution", "criteria", "amounts", "apply"});
    if (auto from = r.date("validFrom")) v.validFrom = *from;
    v.validUntil = r.date("validUntil", false);
    if (v.validUntil && *v.validUntil < v.validFrom) r.report(r.at("validUntil"), "is before \"validFrom\"");
    std::vector<std::string> pointers;
    if (const Json* criteria = r.array("criteria")) {
        if (criteria->empty()) r.report(r.at("criteria"), "a version needs at least one criterion");
        for (std::size_t k = 0; k < criteria->size(); ++k) {
            pointers.push_back(pointerAppend(r.at("criteria"), k));
            v.criteria.push_back(criterion((*criteria)[k], pointers.back()));
        }
        uniqueIds(v.criteria, pointers, "criterion");
    }
    pointers.clear();
    if (const Json* amounts = r.array("amounts", false)) {
        for (std::size_t k = 0; k < amounts->size(); ++k) {
            pointers.push_back(pointerAppend(r.at("amounts"), k));
            v.amounts.push_back(amount((*amounts)[k], pointers.back()));
        }
        uniqueIds(v.amounts, pointers, "amount");
    }
    if (const Json* apply = r.array("apply", false)) {
        for (std::size_t k = 0; k < apply->size(); ++k) {
            ObjectReader l((*apply)[k], pointerAppend(r.at("apply"), k), problems, {"text", "url"});
            v.apply.push_back(Link{text(l, "text"), l.url("url")});
        }
    }
    v.caution = text(r, "caution", false);
    if (r.get("maxStatus", false) != nullptr) {
        const std::string cap = r.string("maxStatus");
        if (cap == "unknown") {
            v.atMostUnknown = true;
        } else if (!cap.empty() && cap != "eligible") {
            r.report(r.at("maxStatus"), "must be \"eligible\" or \"unknown\"");
        }
    }
    return v;
}

Criterion RulesetLoader::criterion(const Json& j, const std::string& pointer) {
    Criterion c;
    c.pointer = pointer;
    ObjectReader r(j, pointer, problems, {"id", "test", "met", "notMet", "caution", "source"});
    c.id = r.id();
    c.test = expression(r, "test", true, StaticType::Boolean, "a criterion's test");
    c.met = text(r, "met");
    c.notMet = text(r, "notMet");
    c.caution = text(r, "caution", false);
    if (const Json* source = r.get("source", true)) {
        ObjectReader s(*source, r.at("source"), problems, {"url", "note", "unofficial"});
        c.source.url = s.url("url");
        c.source.note = s.string("note", false);
        c.source.unofficial = s.string("unofficial", false);
    }
    return c;
}

Amount RulesetLoader::amount(const Json& j, const std::string& pointer) {
    Amount a;
    a.pointer = pointer;
    ObjectReader r(j, pointer, problems, {"id", "unit", "value", "text"});
    a.id = r.id();
    a.unit = r.string("unit");
    static const char* kUnits[] = {"euro", "hours", "days", "weeks", "months", "percent", "count"};
    if (!a.unit.empty() && std::none_of(std::begin(kUnits), std::end(kUnits),
                                        [&](const char* u) { return a.unit == u; })) {
        r.report(r.at("unit"), "unknown unit \"" + a.unit + "\" (euro, hours, days, weeks, months, percent, count)");
    }
    a.value = expression(r, "value", true, StaticType::Number, "an amount's value");
    a.text = text(r, "text");
    return a;
}

void RulesetLoader::checkOverlaps(const Result& res) {
    for (std::size_t a = 0; a < res.versions.size(); ++a) {
        for (std::size_t b = a + 1; b < res.versions.size(); ++b) {
            const Version& x = res.versions[a];
            const Version& y = res.versions[b];
            const bool xEndsBeforeY = x.validUntil && *x.validUntil < y.validFrom;
            const bool yEndsBeforeX = y.validUntil && *y.validUntil < x.validFrom;
            if (!xEndsBeforeY && !yEndsBeforeX) {
                report(pointerAppend(y.pointer, "validFrom"),
                       "the validity of this version overlaps with version " + std::to_string(a) + " (" +
                           x.validFrom.toString() + " to " + (x.validUntil ? x.validUntil->toString() : "open end") +
                           ")");
            }
        }
    }
}

}  // namespace wegwijzer
