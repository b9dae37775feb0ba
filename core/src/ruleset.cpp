#include "wegwijzer/ruleset.hpp"

#include <algorithm>
#include <functional>
#include <set>

#include "ruleset_loader.hpp"

namespace wegwijzer {

const std::string& textIn(const Text& text, const std::string& locale) {
    static const std::string kEmpty;
    auto it = text.find(locale);
    if (it != text.end()) return it->second;
    return text.empty() ? kEmpty : text.begin()->second;
}

const char* questionTypeName(QuestionType type) {
    switch (type) {
        case QuestionType::Choice: return "choice";
        case QuestionType::Boolean: return "boolean";
        case QuestionType::Number: return "number";
        case QuestionType::Date: return "date";
    }
    return "?";
}

const Version* Result::versionAt(const Date& date) const {
    for (const Version& v : versions) {
        if (v.covers(date)) return &v;
    }
    return nullptr;
}

const Question* Ruleset::question(std::string_view qid) const {
    for (const Question& q : questions) {
        if (q.id == qid) return &q;
    }
    return nullptr;
}

const Result* Ruleset::result(std::string_view rid) const {
    for (const Result& r : results) {
        if (r.id == rid) return &r;
    }
    return nullptr;
}

void Ruleset::addAskIfReads(std::vector<bool>& read) const {
    bool grew = true;
    while (grew) {
        grew = false;
        for (const Question& q : questions) {
            if (!read[static_cast<std::size_t>(q.slot)]) continue;
            std::vector<bool> more(read.size(), false);
            q.askIf.markReadSlots(more);
            for (std::size_t i = 0; i < more.size(); ++i) {
                if (more[i] && !read[i]) read[i] = grew = true;
            }
        }
    }
}

std::vector<bool> Ruleset::slotsReadByRules() const {
    std::vector<bool> read(slotCount(), false);
    for (const Question& q : questions) q.askIf.markReadSlots(read);
    for (const Result& res : results) {
        for (const Version& v : res.versions) {
            for (const Criterion& c : v.criteria) c.test.markReadSlots(read);
            for (const Amount& a : v.amounts) a.value.markReadSlots(read);
        }
    }
    return read;
}

const Variable* Ruleset::find(std::string_view name) const {
    for (const Variable& v : variables_) {
        if (v.name == name) return &v;
    }
    return nullptr;
}

void RulesetLoader::report(const std::string& pointer, std::string message) {
    problems.push_back({pointer, std::move(message)});
}

Text RulesetLoader::text(ObjectReader& r, const char* key, bool required) {
    Text out;
    const Json* j = r.get(key, required);
    if (j == nullptr) return out;
    const std::string pointer = r.at(key);
    if (!j->is_object()) {
        report(pointer, "must be an object with a text per locale");
        return out;
    }
    for (auto it = j->begin(); it != j->end(); ++it) {
        if (std::find(rs.locales.begin(), rs.locales.end(), it.key()) == rs.locales.end()) {
            report(pointerAppend(pointer, it.key()), "locale \"" + it.key() + "\" is not listed in /locales");
        } else if (!it->is_string() || it->get_ref<const std::string&>().empty()) {
            report(pointerAppend(pointer, it.key()), "must be a non-empty string");
        } else {
            out[it.key()] = it->get<std::string>();
        }
    }
    for (const std::string& locale : rs.locales) {
        if (j->find(locale) == j->end()) report(pointer, "the text in locale \"" + locale + "\" is missing");
    }
    return out;
}

Expression RulesetLoader::expression(ObjectReader& r, const char* key, bool required, StaticType expected, const char* role) {
    const Json* j = r.get(key, required);
    if (j == nullptr) return {};
    CompileOptions options;
    options.dialect = Dialect::Wegwijzer;
    options.scope = &rs;
    options.path = r.at(key);
    options.document = document;
    Expression e = compile(*j, options, problems);
    if (e.valid() && e.type() != expected) {
        report(options.path, std::string(role) + " must give " + staticTypeName(expected) + ", but gives " +
                                 staticTypeName(e.type()));
        return {};
    }
    return e;
}

void RulesetLoader::header(ObjectReader& r) {
    const std::string format = r.string("format");
    if (!format.empty() && format != kRulesetFormat) {
        r.report(r.at("format"), "unsupported format \"" + format + "\"; this engine reads \"" +
                                     std::string(kRulesetFormat) + "\"");
    }
    rs.id = r.id();
    if (auto v = r.number("version")) {
        if (*v < 1 || *v > 9007199254740991.0 || static_cast<double>(static_cast<std::int64_t>(*v)) != *v) {
            r.report(r.at("version"), "must be a positive integer");
        } else {
            rs.version = static_cast<std::int64_t>(*v);
        }
    }
    auto published = r.date("published");
    auto expires = r.date("expires");
    if (published) rs.published = *published;
    if (expires) rs.expires = *expires;
    if (published && expires && !(*published < *expires)) {
        r.report(r.at("expires"), "must be later than \"published\"");
    }
    if (auto fresh = r.date("freshUntil", false)) {
        rs.freshUntil = *fresh;
        if ((published && *fresh < *published) || (expires && *expires < *fresh)) {
            r.report(r.at("freshUntil"), "must be between \"published\" and \"expires\"");
        }
    }
    if (const Json* locales = r.array("locales")) {
        for (std::size_t i = 0; i < locales->size(); ++i) {
            const Json& l = (*locales)[i];
            const std::string p = pointerAppend(r.at("locales"), i);
            const bool twoLetters = l.is_string() && l.get_ref<const std::string&>().size() == 2 &&
                                    std::all_of(l.get_ref<const std::string&>().begin(),
                                                l.get_ref<const std::string&>().end(),
                                                [](char c) { return c >= 'a' && c <= 'z'; });
            if (!twoLetters) {
                report(p, "a locale is a two-letter language code such as \"nl\"");
            } else if (std::find(rs.locales.begin(), rs.locales.end(), l.get<std::string>()) != rs.locales.end()) {
                report(p, "duplicate locale \"" + l.get<std::string>() + "\"");
            } else {
                rs.locales.push_back(l.get<std::string>());
            }
        }
        if (rs.locales.empty()) r.report(r.at("locales"), "must list at least one locale");
    }
    rs.title = text(r, "title");
}

// "authoring": how lint checks the texts and sources (never read by evaluation).
void RulesetLoader::authoring(ObjectReader& top) {
    const Json* j = top.get("authoring", false);
    if (j == nullptr) return;
    ObjectReader r(*j, top.at("authoring"), problems, {"officialHosts", "terms", "maxSentenceWords", "maxHelpWords"});
    if (!r.ok()) return;
    Authoring& a = rs.authoring;
    if (const Json* hosts = r.array("officialHosts", false)) {
        if (hosts->empty()) r.report(r.at("officialHosts"), "must list at least one host");
        for (std::size_t i = 0; i < hosts->size(); ++i) {
            const Json& h = (*hosts)[i];
            const std::string p = pointerAppend(r.at("officialHosts"), i);
            if (!h.is_string() || !validHost(h.get<std::string>())) {
                report(p, "a host is a lower-case host name such as \"vlaanderen.be\"");
            } else if (std::find(a.officialHosts.begin(), a.officialHosts.end(), h.get<std::string>()) !=
                       a.officialHosts.end()) {
                report(p, "duplicate host \"" + h.get<std::string>() + "\"");
            } else {
                a.officialHosts.push_back(h.get<std::string>());
            }
        }
    }
    if (const Json* terms = r.array("terms", false)) {
        std::set<std::string> seen;
        for (std::size_t k = 0; k < terms->size(); ++k) {
            ObjectReader t((*terms)[k], pointerAppend(r.at("terms"), k), problems, {"term", "explained"});
            Term term;
            term.term = t.string("term");
            if (!term.term.empty() && !seen.insert(term.term).second) {
                t.report(t.at("term"), "duplicate term \"" + term.term + "\"");
            }
            explanations(t, term);
            a.terms.push_back(std::move(term));
        }
    }
    a.maxSentenceWords = wordLimit(r, "maxSentenceWords", a.maxSentenceWords);
    a.maxHelpWords = wordLimit(r, "maxHelpWords", a.maxHelpWords);
}

// "explained": locale -> non-empty array of non-empty phrases, for every locale.
void RulesetLoader::explanations(ObjectReader& t, Term& term) {
    const Json* j = t.get("explained", true);
    if (j == nullptr) return;
    const std::string pointer = t.at("explained");
    if (!j->is_object()) {
        report(pointer, "must be an object with the explaining phrases per locale");
        return;
    }
    for (auto it = j->begin(); it != j->end(); ++it) {
        const std::string p = pointerAppend(pointer, it.key());
        if (std::find(rs.locales.begin(), rs.locales.end(), it.key()) == rs.locales.end()) {
            report(p, "locale \"" + it.key() + "\" is not listed in /locales");
        } else if (!it->is_array() || it->empty()) {
            report(p, "must be a non-empty array of phrases");
        } else {
            std::vector<std::string>& phrases = term.explained[it.key()];
            for (std::size_t i = 0; i < it->size(); ++i) {
                const Json& phrase = (*it)[i];
                if (!phrase.is_string() || phrase.get_ref<const std::string&>().empty()) {
                    report(pointerAppend(p, i), "must be a non-empty string");
                } else {
                    phrases.push_back(phrase.get<std::string>());
                }
            }
        }
    }
    for (const std::string& locale : rs.locales) {
        if (j->find(locale) == j->end()) report(pointer, "the phrases in locale \"" + locale + "\" are missing");
    }
}

std::int64_t RulesetLoader::wordLimit(ObjectReader& r, const char* key, std::int64_t fallback) {
    auto n = r.number(key, false);
    if (!n) return fallback;
    if (*n < 1 || *n > 1000 || static_cast<double>(static_cast<std::int64_t>(*n)) != *n) {
        r.report(r.at(key), "must be an integer from 1 to 1000");
        return fallback;
    }
    return static_cast<std::int64_t>(*n);
}

void RulesetLoader::load(const Json& doc) {
    ObjectReader r(doc, "", problems,
                   {"$schema", "format", "id", "version", "published", "expires", "freshUntil", "locales", "title",
                    "questions", "results", "authoring"});
    if (!r.ok()) return;
    header(r);
    authoring(r);
    std::vector<const Json*> askIfJson;
    const Json* questions = r.array("questions");
    if (questions != nullptr && questions->size() > 250) {
        r.report(r.at("questions"), "a ruleset has at most 250 questions");
    } else if (questions != nullptr) {
        questionShapes(*questions, r.at("questions"), askIfJson);
    }
    std::vector<std::string> qPointers;
    for (const Question& q : rs.questions) qPointers.push_back(q.pointer);
    uniqueIds(rs.questions, qPointers, "question");
    declareVariables();
    askIfs(askIfJson);
    if (const Json* list = r.array("results")) results(*list, r.at("results"));
    collectThresholds();
    goalQuestion();
    checkLimits();
}

// The goal question (rules-format §3.1): at most one, a choice asked of
// everyone, and read by no rule: what a person wants to know never
// changes what they are entitled to.
void RulesetLoader::goalQuestion() {
    if (std::none_of(rs.questions.begin(), rs.questions.end(), [](const Question& q) { return q.goal; })) return;
    const std::vector<bool> read = rs.slotsReadByRules();
    for (const Question& q : rs.questions) {
        if (!q.goal) continue;
        if (rs.goal != nullptr) {
            report(pointerAppend(q.pointer, "goal"), "only one question can be the goal question (\"" + rs.goal->id + "\" is)");
            continue;
        }
        if (q.type != QuestionType::Choice) report(pointerAppend(q.pointer, "goal"), "the goal question is a choice question");
        if (q.courseFact) report(pointerAppend(q.pointer, "scope"), "the goal question is the person's, not the course's");
        if (q.askIf.valid()) report(pointerAppend(q.pointer, "askIf"), "the goal question is asked of everyone: no askIf");
        if (read[static_cast<std::size_t>(q.slot)]) {
            report(q.pointer, "no rule may read the goal question \"" + q.id + "\": what a person wants to know does not change what applies");
        }
        rs.goal = &q;
    }
}

void RulesetLoader::collectThresholds() {
    std::vector<std::pair<int, double>> found;
    for (const Question& q : rs.questions) q.askIf.collectThresholds(found);
    for (const Result& res : rs.results) {
        for (const Version& v : res.versions) {
            for (const Criterion& c : v.criteria) c.test.collectThresholds(found);
            for (const Amount& a : v.amounts) a.value.collectThresholds(found);
        }
    }
    for (const auto& [slot, value] : found) {
        if (slot < 0 || slot >= static_cast<int>(rs.questions.size())) continue;
        rs.questions[static_cast<std::size_t>(slot)].thresholds.push_back(value);
    }
    for (Question& q : rs.questions) {
        std::sort(q.thresholds.begin(), q.thresholds.end());
        q.thresholds.erase(std::unique(q.thresholds.begin(), q.thresholds.end()), q.thresholds.end());
    }
}

// The limits on work (rules-format §5.7): a ruleset whose evaluation or
// next-question planning could take long is refused before it is signed
// or used. Each is far above what the real rules need (the test
// Limits.TheRealRulesetIsFarBelowEveryLimit prints how far).
void RulesetLoader::checkLimits() {
    std::uint64_t total = 0;
    bool each = true;
    auto check = [&](const Expression& e, const std::string& pointer) {
        const std::uint64_t steps = e.worstCaseSteps();
        total = addSteps(total, steps);
        if (steps <= limits::kStepsPerExpression) return;
        each = false;
        report(pointer, "this expression can take up to " + stepCount(steps) + " steps to evaluate, more than the limit of " +
                            stepCount(limits::kStepsPerExpression) +
                            ": use shorter lists, or fewer \"reduce\" inside \"reduce\"");
    };
    for (const Question& q : rs.questions) {
        check(q.askIf, pointerAppend(q.pointer, "askIf"));
        if (q.thresholds.size() > limits::kThresholdsPerQuestion) {
            report(q.pointer, "the rules compare this question with " + std::to_string(q.thresholds.size()) +
                                  " different numbers, more than the limit of " +
                                  std::to_string(limits::kThresholdsPerQuestion) +
                                  ": planning the next question tries each of them");
        }
    }
    for (const Result& res : rs.results) {
        for (const Version& v : res.versions) {
            for (const Criterion& c : v.criteria) check(c.test, pointerAppend(c.pointer, "test"));
            for (const Amount& a : v.amounts) check(a.value, pointerAppend(a.pointer, "value"));
        }
    }
    if (each && total > limits::kStepsPerRuleset) {
        each = false;
        report("", "all the rules together can take up to " + stepCount(total) +
                       " steps to evaluate once, more than the limit of " + stepCount(limits::kStepsPerRuleset));
    }
    std::uint64_t samples = 0;
    for (const Question& q : rs.questions) samples += planningSamples(q);
    const std::uint64_t planning = timesSteps(total, samples);
    if (each && planning > limits::kPlanningSteps) {
        report("", "planning the next question can take up to " + stepCount(planning) + " steps (" +
                       std::to_string(samples) + " trial answers), more than the limit of " +
                       stepCount(limits::kPlanningSteps) + ": use fewer or simpler rules, or fewer numbers in them");
    }
}

std::string RulesetLoader::stepCount(std::uint64_t n) { return n >= kStepsCap ? "more than 10^18" : std::to_string(n); }

std::size_t planningSamples(const Question& q) {
    switch (q.type) {
        case QuestionType::Choice: return q.options.size();
        case QuestionType::Boolean: return 2;
        case QuestionType::Number: return 2 + 3 * q.thresholds.size();
        case QuestionType::Date: return 0;
    }
    return 0;
}

namespace {

// `owner`, when set, holds `document`: the expressions keep it for their source.
LoadedRuleset load(const Json& document, std::shared_ptr<const Json> owner) {
    auto rs = std::make_shared<Ruleset>();
    LoadedRuleset out;
    RulesetLoader loader{*rs, out.problems, std::move(owner)};
    loader.load(document);
    if (out.problems.empty()) out.ruleset = std::move(rs);
    return out;
}

}  // namespace

LoadedRuleset loadRulesetDocument(const Json& document) { return load(document, nullptr); }

LoadedRuleset loadRuleset(std::string_view text) {
    JsonResult parsed = parseJson(text);
    if (!parsed.value) return LoadedRuleset{nullptr, {parsed.problem}};
    // Kept as long as the rules are: their expressions point into it for
    // their source, where copying each one and then freeing the document
    // took about a sixth of the load in wasm.
    auto document = std::make_shared<const Json>(std::move(*parsed.value));
    return load(*document, document);
}

}  // namespace wegwijzer
