// lint's checks of the texts a person reads (docs/rules-format.md §12,
// lint): sentences that are too long, help that is too long, and terms of
// authoring.terms used without an explanation. lint.cpp runs them after its
// checks of the rules.

#include "lint_text.hpp"

#include <algorithm>
#include <map>
#include <unordered_set>

namespace wegwijzer {

std::string asciiLower(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

namespace {

// ---------------------------------------------------------------- text scanning

// Where the texts of an option and of an apply link are (the walk of every
// read text and the term check both name them).
std::string optionTextPointer(const Question& q, std::size_t k) {
    return pointerAppend(pointerAppend(pointerAppend(q.pointer, "options"), k), "text");
}

std::string applyTextPointer(const Version& v, std::size_t k) {
    return pointerAppend(pointerAppend(pointerAppend(v.pointer, "apply"), k), "text");
}

// The code point at byte i of a UTF-8 text (the JSON parser lets only valid
// UTF-8 through; a broken sequence reads as U+FFFD) and its length in bytes.
char32_t codePointAt(std::string_view s, std::size_t i, std::size_t& length) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char b = byte(i);
    std::size_t n = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) {
        length = 1;
        return 0xFFFD;
    }
    char32_t cp = n == 1 ? b : n == 2 ? (b & 0x1F) : n == 3 ? (b & 0x0F) : (b & 0x07);
    for (std::size_t k = 1; k < n; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) {
            length = 1;
            return 0xFFFD;
        }
        cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    length = n;
    return cp;
}

// The code point that ends just before byte i (i > 0).
char32_t codePointBefore(std::string_view s, std::size_t i) {
    std::size_t start = i - 1;
    while (start > 0 && i - start < 4 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
    std::size_t length = 0;
    const char32_t cp = codePointAt(s, start, length);
    return start + length == i ? cp : 0xFFFD;
}

// Spaces: ASCII white space and the no-break spaces.
bool isSpace(char32_t c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 || c == 0x202F;
}

// Letters and digits: ASCII ones, and every code point from U+00C0 on except
// the multiplication and division signs and the punctuation and symbol blocks
// U+2000 to U+2BFF (dashes, quotes, the euro sign, arrows) and U+3000 to U+303F.
bool isLetterOrDigit(char32_t c) {
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (c < 0xC0 || c == 0xD7 || c == 0xF7) return false;
    return !(c >= 0x2000 && c <= 0x2BFF) && !(c >= 0x3000 && c <= 0x303F);
}

struct Sentence {
    std::size_t begin = 0, end = 0;  // bytes, without the surrounding spaces
    std::size_t words = 0;
};

// Splits a text into sentences: a sentence ends at ".", "!" or "?" followed by
// a space or the end of the text. A word is a run of non-spaces with at least
// one letter or digit.
std::vector<Sentence> sentencesOf(std::string_view text) {
    std::vector<Sentence> out;
    Sentence current;
    bool inSentence = false, inToken = false, tokenCounts = false;
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t length = 0;
        const char32_t c = codePointAt(text, i, length);
        if (isSpace(c)) {
            if (inToken && tokenCounts) ++current.words;
            inToken = tokenCounts = false;
            i += length;
            continue;
        }
        if (!inSentence) {
            current = Sentence{i, i, 0};
            inSentence = true;
        }
        inToken = true;
        tokenCounts = tokenCounts || isLetterOrDigit(c);
        i += length;
        current.end = i;
        if (c == '.' || c == '!' || c == '?') {
            std::size_t nextLength = 0;
            if (i == text.size() || isSpace(codePointAt(text, i, nextLength))) {
                if (tokenCounts) ++current.words;
                inToken = tokenCounts = false;
                out.push_back(current);
                inSentence = false;
            }
        }
    }
    if (inSentence) {
        if (inToken && tokenCounts) ++current.words;
        out.push_back(current);
    }
    return out;
}

// Calls f(text, pointer) for every text a person reads.
template <typename F>
void forEachReadText(const Ruleset& rs, F&& f) {
    f(rs.title, "/title");
    for (const Question& q : rs.questions) {
        f(q.text, pointerAppend(q.pointer, "text"));
        f(q.help, pointerAppend(q.pointer, "help"));
        for (std::size_t k = 0; k < q.options.size(); ++k) {
            f(q.options[k].text, optionTextPointer(q, k));
        }
        f(q.unit, pointerAppend(q.pointer, "unit"));
    }
    for (const Result& r : rs.results) {
        f(r.title, pointerAppend(r.pointer, "title"));
        f(r.summary, pointerAppend(r.pointer, "summary"));
        for (const Version& v : r.versions) {
            f(v.caution, pointerAppend(v.pointer, "caution"));
            for (const Criterion& c : v.criteria) {
                f(c.met, pointerAppend(c.pointer, "met"));
                f(c.notMet, pointerAppend(c.pointer, "notMet"));
                f(c.caution, pointerAppend(c.pointer, "caution"));
            }
            for (const Amount& a : v.amounts) f(a.text, pointerAppend(a.pointer, "text"));
            for (std::size_t k = 0; k < v.apply.size(); ++k) {
                f(v.apply[k].text, applyTextPointer(v, k));
            }
        }
    }
}

void longSentences(const Ruleset& rs, Problems& out) {
    const auto limit = static_cast<std::size_t>(rs.authoring.maxSentenceWords);
    forEachReadText(rs, [&](const Text& text, const std::string& pointer) {
        for (const auto& [locale, t] : text) {
            for (const Sentence& s : sentencesOf(t)) {
                if (s.words <= limit) continue;
                out.push_back({pointerAppend(pointer, locale),
                               "sentence of " + std::to_string(s.words) + " words (at most " + std::to_string(limit) +
                                   "): \"" + t.substr(s.begin, s.end - s.begin) + "\""});
            }
        }
    });
}

void longHelp(const Ruleset& rs, Problems& out) {
    const auto limit = static_cast<std::size_t>(rs.authoring.maxHelpWords);
    for (const Question& q : rs.questions) {
        for (const auto& [locale, t] : q.help) {
            std::size_t words = 0;
            for (const Sentence& s : sentencesOf(t)) words += s.words;
            if (words <= limit) continue;
            out.push_back({pointerAppend(pointerAppend(q.pointer, "help"), locale),
                           "help of " + std::to_string(words) + " words (at most " + std::to_string(limit) +
                               "): shorten it or split the question"});
        }
    }
}

// ---------------------------------------------------------------- terms

// Aho-Corasick: finds every occurrence of a set of patterns in one pass over
// a text.
class PatternSet {
public:
    void add(std::string_view pattern, int id) {
        int node = 0;
        for (char c : pattern) {
            auto it = nodes_[static_cast<std::size_t>(node)].next.find(static_cast<unsigned char>(c));
            if (it == nodes_[static_cast<std::size_t>(node)].next.end()) {
                nodes_.emplace_back();
                const int child = static_cast<int>(nodes_.size()) - 1;
                nodes_[static_cast<std::size_t>(node)].next[static_cast<unsigned char>(c)] = child;
                node = child;
            } else {
                node = it->second;
            }
        }
        nodes_[static_cast<std::size_t>(node)].ids.push_back(id);
    }

    void build() {
        std::vector<int> queue;
        for (const auto& [c, child] : nodes_[0].next) queue.push_back(child);
        for (std::size_t head = 0; head < queue.size(); ++head) {
            const int u = queue[head];
            for (const auto& [c, v] : node(u).next) {
                int f = node(u).fail;
                while (f != 0 && step(f, c) < 0) f = node(f).fail;
                const int target = step(f, c);
                node(v).fail = target >= 0 && target != v ? target : 0;
                const Node& fail = node(node(v).fail);
                node(v).output = fail.ids.empty() ? fail.output : node(v).fail;
                queue.push_back(v);
            }
        }
    }

    // Calls found(id, end) for every occurrence of a pattern ending before byte `end`.
    template <typename F>
    void scan(std::string_view text, F&& found) const {
        int state = 0;
        for (std::size_t i = 0; i < text.size(); ++i) {
            const auto c = static_cast<unsigned char>(text[i]);
            while (state != 0 && step(state, c) < 0) state = node(state).fail;
            state = std::max(step(state, c), 0);
            for (int o = node(state).ids.empty() ? node(state).output : state; o > 0; o = node(o).output) {
                for (int id : node(o).ids) found(id, i + 1);
            }
        }
    }

private:
    struct Node {
        std::map<unsigned char, int> next;
        int fail = 0;
        int output = 0;  // the longest proper suffix that ends a pattern (0: none)
        std::vector<int> ids;
    };

    Node& node(int i) { return nodes_[static_cast<std::size_t>(i)]; }
    const Node& node(int i) const { return nodes_[static_cast<std::size_t>(i)]; }
    int step(int from, unsigned char c) const {
        auto it = node(from).next.find(c);
        return it == node(from).next.end() ? -1 : it->second;
    }

    std::vector<Node> nodes_{1};
};

// Terms of authoring.terms used in a text without an explanation in the
// text itself or in an always-shown text of its block. Every text is scanned
// once per locale for the terms (case-sensitive, whole words) and once for the
// explaining phrases (ASCII case-insensitive); stamps instead of cleared sets
// keep the work linear in the texts plus the matches.
class TermCheck {
public:
    TermCheck(const Ruleset& rs, Problems& out) : rs_(rs), out_(out) {
        const std::size_t n = rs.authoring.terms.size();
        for (std::size_t t = 0; t < n; ++t) terms_.add(rs.authoring.terms[t].term, static_cast<int>(t));
        terms_.build();
        for (const std::string& locale : rs.locales) {
            PatternSet& phrases = phrases_[locale];
            for (std::size_t t = 0; t < n; ++t) {
                auto it = rs.authoring.terms[t].explained.find(locale);
                if (it == rs.authoring.terms[t].explained.end()) continue;
                for (const std::string& phrase : it->second) phrases.add(asciiLower(phrase), static_cast<int>(t));
            }
            phrases.build();
        }
        used_.assign(n, 0);
        explained_.assign(n, 0);
        block_.assign(n, 0);
        version_.assign(n, 0);
        cautionCount_.assign(n, {0, 0});
    }

    void run() {
        if (rs_.authoring.terms.empty()) return;
        for (const std::string& locale : rs_.locales) {
            // The ruleset's title stands alone.
            newBlock();
            check(rs_.title, "/title", locale, Role::Always);
            flushAlways(locale);
            for (const Question& q : rs_.questions) {
                newBlock();
                check(q.text, pointerAppend(q.pointer, "text"), locale, Role::Always);
                check(q.help, pointerAppend(q.pointer, "help"), locale, Role::Always);
                flushAlways(locale);
                for (std::size_t k = 0; k < q.options.size(); ++k) {
                    check(q.options[k].text, optionTextPointer(q, k), locale, Role::Other);
                }
                check(q.unit, pointerAppend(q.pointer, "unit"), locale, Role::Other);
            }
            for (const Result& r : rs_.results) result(r, locale);
        }
    }

private:
    enum class Role { Always, VersionAlways, Other };
    struct Use {
        std::string pointer;
        int term;
    };

    // A new block; no version caution explains anything in it until a
    // version of it is checked.
    void newBlock() {
        ++blockSerial_;
        ++versionSerial_;
        pending_.clear();
    }

    // A result: its title and summary are shown with every version, and so is
    // a version's caution. A term in the title or summary counts as explained
    // by the cautions only when every version's caution explains it.
    void result(const Result& r, const std::string& locale) {
        newBlock();
        for (const Version& v : r.versions) {
            if (v.caution.empty()) continue;
            scan(textIn(v.caution, locale), locale);
            for (int t : found_) {
                if (explained_[static_cast<std::size_t>(t)] != textSerial_) continue;
                auto& [serial, count] = cautionCount_[static_cast<std::size_t>(t)];
                if (serial != blockSerial_) serial = blockSerial_, count = 0;
                ++count;
            }
        }
        check(r.title, pointerAppend(r.pointer, "title"), locale, Role::Always);
        check(r.summary, pointerAppend(r.pointer, "summary"), locale, Role::Always);
        for (const Use& use : pending_) {
            const auto& [serial, count] = cautionCount_[static_cast<std::size_t>(use.term)];
            const bool byCautions = serial == blockSerial_ && count == r.versions.size();
            if (block_[static_cast<std::size_t>(use.term)] != blockSerial_ && !byCautions) warn(use, locale);
        }
        pending_.clear();
        for (const Version& v : r.versions) {
            ++versionSerial_;
            check(v.caution, pointerAppend(v.pointer, "caution"), locale, Role::VersionAlways);
            for (const Criterion& c : v.criteria) {
                check(c.met, pointerAppend(c.pointer, "met"), locale, Role::Other);
                check(c.notMet, pointerAppend(c.pointer, "notMet"), locale, Role::Other);
                check(c.caution, pointerAppend(c.pointer, "caution"), locale, Role::Other);
            }
            for (const Amount& a : v.amounts) check(a.text, pointerAppend(a.pointer, "text"), locale, Role::Other);
            for (std::size_t k = 0; k < v.apply.size(); ++k) {
                check(v.apply[k].text, applyTextPointer(v, k), locale, Role::Other);
            }
        }
    }

    // Scans one text. Always-shown texts mark what they explain for the
    // block (or the version) and leave their own uses pending until every
    // always-shown text of the block is scanned.
    void check(const Text& text, const std::string& pointer, const std::string& locale, Role role) {
        if (text.empty()) return;
        scan(textIn(text, locale), locale);
        for (int t : found_) {
            if (explained_[static_cast<std::size_t>(t)] != textSerial_) continue;
            if (role == Role::Always) block_[static_cast<std::size_t>(t)] = blockSerial_;
            if (role == Role::VersionAlways) version_[static_cast<std::size_t>(t)] = versionSerial_;
        }
        for (int t : found_) {
            const auto i = static_cast<std::size_t>(t);
            if (used_[i] != textSerial_ || explained_[i] == textSerial_) continue;
            if (role == Role::Always) {
                pending_.push_back({pointerAppend(pointer, locale), t});
            } else if (block_[i] != blockSerial_ && (role == Role::VersionAlways || version_[i] != versionSerial_)) {
                warn({pointerAppend(pointer, locale), t}, locale);
            }
        }
    }

    void flushAlways(const std::string& locale) {
        for (const Use& use : pending_) {
            if (block_[static_cast<std::size_t>(use.term)] != blockSerial_) warn(use, locale);
        }
        pending_.clear();
    }

    // Finds the terms the text uses and the terms it explains; found_ lists
    // each once (used_[t] or explained_[t] equals textSerial_).
    void scan(const std::string& text, const std::string& locale) {
        ++textSerial_;
        found_.clear();
        const auto note = [&](int t) {
            const auto i = static_cast<std::size_t>(t);
            if (used_[i] != textSerial_ && explained_[i] != textSerial_) found_.push_back(t);
        };
        terms_.scan(text, [&](int t, std::size_t end) {
            const auto i = static_cast<std::size_t>(t);
            if (used_[i] == textSerial_) return;
            const std::size_t begin = end - rs_.authoring.terms[i].term.size();
            std::size_t length = 0;
            const bool wordBefore = begin > 0 && isLetterOrDigit(codePointBefore(text, begin));
            const bool wordAfter = end < text.size() && isLetterOrDigit(codePointAt(text, end, length));
            if (wordBefore || wordAfter) return;
            note(t);
            used_[i] = textSerial_;
        });
        auto phrases = phrases_.find(locale);
        if (phrases == phrases_.end()) return;
        phrases->second.scan(asciiLower(text), [&](int t, std::size_t) {
            note(t);
            explained_[static_cast<std::size_t>(t)] = textSerial_;
        });
    }

    void warn(const Use& use, const std::string& locale) {
        const Term& term = rs_.authoring.terms[static_cast<std::size_t>(use.term)];
        auto it = term.explained.find(locale);
        const std::string phrase = it == term.explained.end() || it->second.empty() ? "" : it->second.front();
        out_.push_back({use.pointer, "term \"" + term.term + "\" is used without explanation in this text: add \"" +
                                         phrase + "\" or replace the term"});
    }

    const Ruleset& rs_;
    Problems& out_;
    PatternSet terms_;
    std::map<std::string, PatternSet> phrases_;
    std::vector<std::size_t> used_, explained_, block_, version_;  // stamps: serials of texts, blocks, versions
    std::vector<std::pair<std::size_t, std::size_t>> cautionCount_;  // block serial, cautions that explain
    std::vector<int> found_;
    std::vector<Use> pending_;
    std::size_t textSerial_ = 0, blockSerial_ = 0, versionSerial_ = 0;
};

}  // namespace

void textWarnings(const Ruleset& rs, Problems& out) {
    longSentences(rs, out);
    longHelp(rs, out);
    TermCheck(rs, out).run();
}

}  // namespace wegwijzer
