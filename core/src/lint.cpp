#include "wegwijzer/lint.hpp"

#include "wegwijzer/interview.hpp"

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
    ConditionExplorer(const Ruleset& rs, const Expression& e, std::size_t limit) : e_(e), limit_(limit) {
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
            if (++visited_ > limit_) {
                reach_.complete = false;
                return;
            }
            Value v = e_.evaluate(slots_);
            if (v.isTruthy()) reach_.canBeTrue = true;
            if (v.isFalsy()) reach_.canBeFalse = true;
            return;
        }
        const Question& q = *questions_[i];
        auto& slot = slots_[static_cast<std::size_t>(q.slot)];
        if (q.askIf.valid() && q.askIf.evaluate(slots_).isFalsy()) {
            slot = Value::null();
            walk(i + 1);
        } else {
            for (const Json& answer : classes_[i]) {
                slot = Value::fromJson(answer);
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

}  // namespace

Problems lintWarnings(const Ruleset& rs, const LintOptions& options) {
    Problems out;
    std::vector<bool> read(rs.slotCount(), false);
    for (const Question& q : rs.questions) {
        q.askIf.markReadSlots(read);
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
                c.test.markReadSlots(read);
                untranslated(c.met, pointerAppend(c.pointer, "met"), out);
                untranslated(c.notMet, pointerAppend(c.pointer, "notMet"), out);
                Reach reach = ConditionExplorer(rs, c.test, options.maxCombinations).explore();
                if (reach.complete && !reach.canBeTrue) {
                    out.push_back({pointerAppend(c.pointer, "test"),
                                   "criterion \"" + c.id + "\" can never be met, whatever the answers"});
                } else if (reach.complete && !reach.canBeFalse) {
                    out.push_back({pointerAppend(c.pointer, "test"),
                                   "criterion \"" + c.id + "\" can never fail, whatever the answers"});
                }
            }
            for (const Amount& a : v.amounts) a.value.markReadSlots(read);
        }
    }
    for (const Question& q : rs.questions) {
        if (!read[static_cast<std::size_t>(q.slot)]) {
            out.push_back({q.pointer, "no criterion, amount or askIf reads question \"" + q.id + "\""});
        }
    }
    return out;
}

}  // namespace wegwijzer
