#include "wegwijzer/ruleset.hpp"

#include <algorithm>
#include <functional>
#include <set>

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

namespace {

bool validId(const std::string& id) {
    if (id.empty() || id.size() > 64 || id.front() == '-' || id.back() == '-') return false;
    for (std::size_t i = 0; i < id.size(); ++i) {
        const char c = id[i];
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '-' && id[i - 1] != '-');
        if (!ok) return false;
    }
    return id.front() >= 'a' && id.front() <= 'z';
}

// A lower-case host name: dot-separated labels of letters a-z, digits and
// hyphens, each label non-empty and not starting or ending with a hyphen.
bool validHost(const std::string& host) {
    std::size_t start = 0;
    while (true) {
        const std::size_t end = std::min(host.find('.', start), host.size());
        if (end == start || host[start] == '-' || host[end - 1] == '-') return false;
        for (std::size_t i = start; i < end; ++i) {
            const char c = host[i];
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
        }
        if (end == host.size()) return true;
        start = end + 1;
    }
}

bool validUrl(const std::string& url) {
    return url.rfind("https://", 0) == 0 && url.size() > 8 &&
           url.find_first_of(" \t\r\n\"<>") == std::string::npos;
}

// Reads one JSON object, member by member, remembering the place of each
// problem. Members not in the allowed list are reported (catches typos).
class ObjectReader {
public:
    ObjectReader(const Json& j, std::string pointer, Problems& problems, std::initializer_list<const char*> allowed)
        : json_(j), pointer_(std::move(pointer)), problems_(problems) {
        if (!j.is_object()) {
            report(pointer_, "must be an object");
            return;
        }
        for (auto it = j.begin(); it != j.end(); ++it) {
            const bool known = std::any_of(allowed.begin(), allowed.end(),
                                           [&](const char* name) { return it.key() == name; });
            if (!known) report(pointerAppend(pointer_, it.key()), "unknown member \"" + it.key() + "\"");
        }
    }

    bool ok() const { return json_.is_object(); }
    const std::string& pointer() const { return pointer_; }
    std::string at(const char* key) const { return pointerAppend(pointer_, key); }

    const Json* get(const char* key, bool required) {
        if (!json_.is_object()) return nullptr;
        auto it = json_.find(key);
        if (it == json_.end()) {
            if (required) report(pointer_, std::string("missing member \"") + key + "\"");
            return nullptr;
        }
        return &*it;
    }

    std::string string(const char* key, bool required = true) {
        const Json* j = get(key, required);
        if (j == nullptr) return {};
        if (!j->is_string() || j->get_ref<const std::string&>().empty()) {
            report(at(key), "must be a non-empty string");
            return {};
        }
        return j->get<std::string>();
    }

    std::string id(const char* key = "id") {
        std::string value = string(key);
        if (!value.empty() && !validId(value)) {
            report(at(key), "\"" + value + "\" is not a valid id (lower-case letters, digits and single hyphens, "
                            "starting with a letter, at most 64 characters)");
        }
        return value;
    }

    std::string url(const char* key) {
        std::string value = string(key);
        if (!value.empty() && !validUrl(value)) report(at(key), "must be an https:// URL");
        return value;
    }

    std::optional<Date> date(const char* key, bool required = true) {
        std::string value = string(key, required);
        if (value.empty()) return std::nullopt;
        auto d = Date::parse(value);
        if (!d) report(at(key), "\"" + value + "\" is not a date of the form YYYY-MM-DD");
        return d;
    }

    std::optional<double> number(const char* key, bool required = true) {
        const Json* j = get(key, required);
        if (j == nullptr) return std::nullopt;
        if (!j->is_number()) {
            report(at(key), "must be a number");
            return std::nullopt;
        }
        return j->get<double>();
    }

    const Json* array(const char* key, bool required = true) {
        const Json* j = get(key, required);
        if (j != nullptr && !j->is_array()) {
            report(at(key), "must be an array");
            return nullptr;
        }
        return j;
    }

    void report(const std::string& pointer, std::string message) {
        problems_.push_back({pointer, std::move(message)});
    }

private:
    const Json& json_;
    std::string pointer_;
    Problems& problems_;
};

bool validPillar(const std::string& p) { return p == "geld" || p == "tijd" || p == "begeleiding"; }

}  // namespace

struct RulesetLoader {
    Ruleset& rs;
    Problems& problems;

    void report(const std::string& pointer, std::string message) { problems.push_back({pointer, std::move(message)}); }

    Text text(ObjectReader& r, const char* key, bool required = true) {
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

    Expression expression(ObjectReader& r, const char* key, bool required, StaticType expected, const char* role) {
        const Json* j = r.get(key, required);
        if (j == nullptr) return {};
        CompileOptions options;
        options.dialect = Dialect::Wegwijzer;
        options.scope = &rs;
        options.path = r.at(key);
        Expression e = compile(*j, options, problems);
        if (e.valid() && e.type() != expected) {
            report(options.path, std::string(role) + " must give " + staticTypeName(expected) + ", but gives " +
                                     staticTypeName(e.type()));
            return {};
        }
        return e;
    }

    template <typename Item>
    void uniqueIds(const std::vector<Item>& items, const std::vector<std::string>& pointers, const char* what) {
        std::set<std::string> seen;
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (!items[i].id.empty() && !seen.insert(items[i].id).second) {
                report(pointers[i], std::string("duplicate ") + what + " id \"" + items[i].id + "\"");
            }
        }
    }

    void header(ObjectReader& r) {
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
    void authoring(ObjectReader& top) {
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
    void explanations(ObjectReader& t, Term& term) {
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

    std::int64_t wordLimit(ObjectReader& r, const char* key, std::int64_t fallback) {
        auto n = r.number(key, false);
        if (!n) return fallback;
        if (*n < 1 || *n > 1000 || static_cast<double>(static_cast<std::int64_t>(*n)) != *n) {
            r.report(r.at(key), "must be an integer from 1 to 1000");
            return fallback;
        }
        return static_cast<std::int64_t>(*n);
    }

    // Pass 1: the questions' own members, so that expressions can name any question.
    void questionShapes(const Json& list, const std::string& pointer, std::vector<const Json*>& askIfs) {
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

    void readOptions(Question& q, const Json& options, const std::string& pointer) {
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
    void readWeights(Question& q, const Json& weights, const std::string& pointer) {
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

    void declareVariables() {
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
    void askIfs(const std::vector<const Json*>& askIfs) {
        for (std::size_t i = 0; i < rs.questions.size(); ++i) {
            if (askIfs[i] == nullptr) continue;
            Question& q = rs.questions[i];
            CompileOptions options;
            options.scope = &rs;
            options.path = pointerAppend(q.pointer, "askIf");
            q.askIf = compile(*askIfs[i], options, problems);
            if (q.askIf.valid() && q.askIf.type() != StaticType::Boolean) {
                report(options.path, std::string("askIf must give a boolean, but gives ") +
                                         staticTypeName(q.askIf.type()));
                q.askIf = Expression();
            }
        }
        orderAskIfs();
    }

    void orderAskIfs() {
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

    void results(const Json& list, const std::string& pointer) {
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

    Version version(const Json& j, const std::string& pointer) {
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

    Criterion criterion(const Json& j, const std::string& pointer) {
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

    Amount amount(const Json& j, const std::string& pointer) {
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

    void checkOverlaps(const Result& res) {
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

    void load(const Json& doc) {
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
    void goalQuestion() {
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

    void collectThresholds() {
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
    void checkLimits() {
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

    static std::string stepCount(std::uint64_t n) { return n >= kStepsCap ? "more than 10^18" : std::to_string(n); }
};

std::size_t planningSamples(const Question& q) {
    switch (q.type) {
        case QuestionType::Choice: return q.options.size();
        case QuestionType::Boolean: return 2;
        case QuestionType::Number: return 2 + 3 * q.thresholds.size();
        case QuestionType::Date: return 0;
    }
    return 0;
}

LoadedRuleset loadRulesetDocument(const Json& document) {
    auto rs = std::make_shared<Ruleset>();
    LoadedRuleset out;
    RulesetLoader loader{*rs, out.problems};
    loader.load(document);
    if (out.problems.empty()) out.ruleset = std::move(rs);
    return out;
}

LoadedRuleset loadRuleset(std::string_view text) {
    JsonResult parsed = parseJson(text);
    if (!parsed.value) return LoadedRuleset{nullptr, {parsed.problem}};
    return loadRulesetDocument(*parsed.value);
}

}  // namespace wegwijzer
