#include "wegwijzer/lint.hpp"

#include <algorithm>
#include <map>
#include <unordered_set>

#include "wegwijzer/interview.hpp"

#include "lint_text.hpp"

namespace wegwijzer {

namespace {

// Whether an expression can be true and can be false over every combination
// of answer classes of the questions it reads (and their askIf). Questions
// whose askIf is false hold null, as in an evaluation.
struct Reach {
    bool canBeTrue = false;
    bool canBeFalse = false;
    bool complete = true;
};

class ConditionExplorer {
public:
    ConditionExplorer(const Ruleset& rs, const Expression& e, std::size_t limit, StepMeter& meter, std::uint64_t budget)
        : e_(e), limit_(limit), meter_(meter), budget_(budget) {
        std::vector<bool> read(rs.slotCount(), false);
        e.markReadSlots(read);
        rs.addAskIfReads(read);
        for (int index : rs.askOrder) {
            const Question& q = rs.questions[static_cast<std::size_t>(index)];
            if (read[static_cast<std::size_t>(q.slot)]) {
                questions_.push_back(&q);
                classes_.push_back(answerClasses(q, rs.published));
            }
        }
        slots_.assign(rs.slotCount(), Value::unknown());
        slots_[static_cast<std::size_t>(rs.dateSlot())] = Value::ownedString(rs.published.toString());
    }

    Reach explore() {
        walk(0);
        return reach_;
    }

private:
    void walk(std::size_t i) {
        if ((reach_.canBeTrue && reach_.canBeFalse) || !reach_.complete) return;
        if (i == questions_.size()) {
            if (++visited_ > limit_ || meter_.steps > budget_) {
                reach_.complete = false;
                return;
            }
            Value v = e_.evaluate(slots_, &meter_);
            if (v.isTruthy()) reach_.canBeTrue = true;
            if (v.isFalsy()) reach_.canBeFalse = true;
            return;
        }
        const Question& q = *questions_[i];
        auto& slot = slots_[static_cast<std::size_t>(q.slot)];
        if (q.askIf.valid() && q.askIf.evaluate(slots_, &meter_).isFalsy()) {
            slot = Value::null();
            walk(i + 1);
        } else {
            for (const Json& answer : classes_[i]) {
                slot = checkAnswer(q, answer).value;
                walk(i + 1);
            }
        }
        slot = Value::unknown();
    }

    const Expression& e_;
    std::size_t limit_;
    std::vector<const Question*> questions_;
    std::vector<std::vector<Json>> classes_;
    std::vector<Value> slots_;
    Reach reach_;
    std::size_t visited_ = 0;
    StepMeter& meter_;
    std::uint64_t budget_;
};

void untranslated(const Text& t, const std::string& path, Problems& out) {
    for (auto a = t.begin(); a != t.end(); ++a) {
        for (auto b = std::next(a); b != t.end(); ++b) {
            // Short texts (names, units such as "%") may rightly be the same.
            if (a->second == b->second && a->second.size() > 12) {
                out.push_back({path, "the \"" + a->first + "\" and \"" + b->first +
                                         "\" texts are the same; is one of them not translated?"});
            }
        }
    }
}

// ---------------------------------------------------------------- versions

// Each result needs a version in force on every day from its earliest
// validFrom to the ruleset's expires.
void versionGaps(const Ruleset& rs, Problems& out) {
    for (const Result& r : rs.results) {
        if (r.versions.empty()) continue;
        std::vector<const Version*> byStart;
        for (const Version& v : r.versions) byStart.push_back(&v);
        std::sort(byStart.begin(), byStart.end(),
                  [](const Version* a, const Version* b) { return a->validFrom < b->validFrom; });
        const std::int64_t last = rs.expires.daysSinceEpoch();
        std::int64_t next = byStart.front()->validFrom.daysSinceEpoch();  // first day not yet covered
        const auto gap = [&](std::int64_t from, std::int64_t to) {
            out.push_back({r.pointer, "result \"" + r.id + "\" has no version in force from " +
                                          Date::fromDaysSinceEpoch(from).toString() + " to " +
                                          Date::fromDaysSinceEpoch(to).toString()});
        };
        bool open = false;
        for (const Version* v : byStart) {
            if (next > last) break;
            const std::int64_t from = v->validFrom.daysSinceEpoch();
            if (from > next) gap(next, std::min(from - 1, last));
            if (!v->validUntil) {
                open = true;
                break;
            }
            next = std::max(next, v->validUntil->daysSinceEpoch() + 1);
        }
        if (!open && next <= last) gap(next, last);
    }
}

// ---------------------------------------------------------------- sources

// The host of an https:// URL, in lower case, without user, port or final dot.
std::string hostOf(const std::string& url) {
    std::size_t start = url.find("://");
    start = start == std::string::npos ? 0 : start + 3;
    std::string authority = url.substr(start, url.find_first_of("/?#", start) - start);
    const std::size_t at = authority.rfind('@');
    if (at != std::string::npos) authority.erase(0, at + 1);
    if (!authority.empty() && authority.front() == '[') {
        authority = authority.substr(0, authority.find(']') + 1);
    } else {
        authority = authority.substr(0, authority.find(':'));
    }
    authority = asciiLower(authority);
    if (!authority.empty() && authority.back() == '.') authority.pop_back();
    return authority;
}

// A host is official when it is one of the official hosts or a subdomain of one.
bool isOfficial(const std::string& host, const std::unordered_set<std::string>& official) {
    for (std::size_t start = 0;;) {
        if (official.count(host.substr(start)) != 0) return true;
        const std::size_t dot = host.find('.', start);
        if (dot == std::string::npos) return false;
        start = dot + 1;
    }
}

void unofficialSources(const Ruleset& rs, Problems& out) {
    if (rs.authoring.officialHosts.empty()) return;
    const std::unordered_set<std::string> official(rs.authoring.officialHosts.begin(),
                                                   rs.authoring.officialHosts.end());
    for (const Result& r : rs.results) {
        for (const Version& v : r.versions) {
            for (const Criterion& c : v.criteria) {
                const std::string host = hostOf(c.source.url);
                const bool ok = isOfficial(host, official);
                const std::string pointer = pointerAppend(c.pointer, "source");
                if (!ok && c.source.unofficial.empty()) {
                    out.push_back({pointerAppend(pointer, "url"),
                                   "the source host \"" + host +
                                       "\" is not an official host (authoring.officialHosts): cite an official page, "
                                       "or give the reason in \"unofficial\""});
                } else if (ok && !c.source.unofficial.empty()) {
                    out.push_back({pointerAppend(pointer, "unofficial"),
                                   "the source host \"" + host +
                                       "\" is official, but the source is marked \"unofficial\": remove the marker"});
                }
            }
        }
    }
}

}  // namespace

Problems lintWarnings(const Ruleset& rs, const LintOptions& options) {
    Problems out;
    StepMeter explorer;
    for (const Question& q : rs.questions) {
        untranslated(q.text, pointerAppend(q.pointer, "text"), out);
        untranslated(q.help, pointerAppend(q.pointer, "help"), out);
    }
    for (const Result& r : rs.results) {
        untranslated(r.title, pointerAppend(r.pointer, "title"), out);
        untranslated(r.summary, pointerAppend(r.pointer, "summary"), out);
        if (options.resultsWithCases != nullptr && options.resultsWithCases->count(r.id) == 0) {
            out.push_back({r.pointer, "no case expects anything of result \"" + r.id + "\""});
        }
        for (const Version& v : r.versions) {
            for (const Criterion& c : v.criteria) {
                untranslated(c.met, pointerAppend(c.pointer, "met"), out);
                untranslated(c.notMet, pointerAppend(c.pointer, "notMet"), out);
                Reach reach =
                    ConditionExplorer(rs, c.test, options.maxCombinations, explorer, options.maxExplorerSteps).explore();
                if (reach.complete && !reach.canBeTrue) {
                    out.push_back({pointerAppend(c.pointer, "test"),
                                   "criterion \"" + c.id + "\" can never be met, whatever the answers"});
                } else if (reach.complete && !reach.canBeFalse) {
                    out.push_back({pointerAppend(c.pointer, "test"),
                                   "criterion \"" + c.id + "\" can never fail, whatever the answers"});
                }
            }
        }
    }
    if (options.explorerSteps) *options.explorerSteps = explorer.steps;
    const std::vector<bool> read = rs.slotsReadByRules();
    for (const Question& q : rs.questions) {
        if (!read[static_cast<std::size_t>(q.slot)] && !q.goal) {  // no rule may read the goal question
            out.push_back({q.pointer, "no criterion, amount or askIf reads question \"" + q.id + "\""});
        }
    }
    versionGaps(rs, out);
    unofficialSources(rs, out);
    textWarnings(rs, out);
    return out;
}

}  // namespace wegwijzer
