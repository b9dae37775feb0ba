#include "doc.hpp"

#include <sstream>

#include "wegwijzer/value.hpp"

namespace wegwijzer {

namespace {

std::string literal(const Json& j) {
    if (j.is_boolean()) return j.get<bool>() ? "ja" : "nee";
    if (j.is_number()) {
        std::string s = Value::number(j.get<double>()).toJson().dump();
        for (char& c : s) {
            if (c == '.') c = ',';  // Dutch decimal comma
        }
        return s;
    }
    if (j.is_string()) return "\"" + j.get<std::string>() + "\"";
    return j.dump();
}

const char* symbol(const std::string& op) {
    if (op == "===") return "=";
    if (op == "!==") return "≠";
    if (op == "<") return "<";
    if (op == ">") return ">";
    if (op == "<=") return "≤";
    if (op == ">=") return "≥";
    if (op == "+") return "+";
    if (op == "-") return "−";
    if (op == "*") return "×";
    if (op == "/") return "÷";
    if (op == "before") return "vóór";
    if (op == "after") return "na";
    if (op == "not-before") return "niet vóór";
    if (op == "not-after") return "niet na";
    return nullptr;
}

std::string join(const Json& args, const std::string& separator, bool parenthesise) {
    std::string out;
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string part = describeExpression(args[i]);
        const bool compound = args[i].is_object() && !args[i].contains("var");
        if (parenthesise && compound) part = "(" + part + ")";
        out += (i == 0 ? "" : separator) + part;
    }
    return out;
}

}  // namespace

std::string describeExpression(const Json& e) {
    if (!e.is_object() || e.size() != 1) {
        if (e.is_array()) {
            std::string out;
            for (std::size_t i = 0; i < e.size(); ++i) out += (i == 0 ? "" : ", ") + literal(e[i]);
            return out;
        }
        return literal(e);
    }
    const std::string op = e.begin().key();
    const Json& args = e.begin().value();
    if (op == "var") return "`" + args.get<std::string>() + "`";
    if (!args.is_array()) return e.dump();
    if (op == "and") return join(args, " en ", true);
    if (op == "or") return join(args, " of ", true);
    if (op == "!") return "niet (" + describeExpression(args[0]) + ")";
    if (op == "in" && args.size() == 2) {
        if (args[1].is_array() && args[1].size() == 1) return describeExpression(args[0]) + " = " + literal(args[1][0]);
        return describeExpression(args[0]) + " is een van: " + describeExpression(args[1]);
    }
    if (op == "if" && args.size() == 3) {
        return "als " + describeExpression(args[0]) + " dan " + describeExpression(args[1]) + ", anders " +
               describeExpression(args[2]);
    }
    if (op == "min") return "het kleinste van (" + join(args, "; ", false) + ")";
    if (op == "max") return "het grootste van (" + join(args, "; ", false) + ")";
    if (op == "plusTime" && args.size() == 3) {
        if (args[1].is_number() && args[1].get<double>() == 0) return describeExpression(args[0]);
        return describeExpression(args[0]) + " + " + literal(args[1]) + " " + args[2].get<std::string>();
    }
    if (const char* s = symbol(op)) return join(args, std::string(" ") + s + " ", true);
    return e.dump();
}

std::string renderRulesetDocument(const Ruleset& rs, const std::string& sourcePath) {
    const std::string nl = "nl";
    std::ostringstream out;
    out << "# " << textIn(rs.title, nl) << "\n\n"
        << "Regelset `" << rs.id << "`, versie " << rs.version << ". Gepubliceerd op " << rs.published.toString()
        << ", geldig tot " << rs.expires.toString() << ".\n\n"
        << "> Dit document wordt door `wegwijzer doc` gemaakt uit `" << sourcePath
        << "` bij elke build. Pas het niet met de hand aan: verander de regelset.\n\n";

    out << "## Vragen\n\n| vraag | soort | antwoorden | gesteld als |\n|---|---|---|---|\n";
    for (const Question& q : rs.questions) {
        std::string answers;
        switch (q.type) {
            case QuestionType::Choice:
                for (const Option& o : q.options) answers += (answers.empty() ? "" : "<br>") + ("`" + o.value + "`: " + textIn(o.text, nl));
                break;
            case QuestionType::Boolean: answers = "ja / nee"; break;
            case QuestionType::Number:
                answers = literal(Json(q.min)) + " tot " + literal(Json(q.max)) + (q.unit.empty() ? "" : " " + textIn(q.unit, nl));
                break;
            case QuestionType::Date: answers = "datum"; break;
        }
        out << "| `" << q.id << "`" << (q.courseFact ? " (opleiding)" : "") << "<br>" << textIn(q.text, nl) << " | "
            << questionTypeName(q.type) << " | " << answers << " | "
            << (q.askIf.valid() ? describeExpression(q.askIf.source()) : "altijd") << " |\n";
    }

    for (const char* kind : {"incentive", "referral"}) {
        const bool incentives = std::string(kind) == "incentive";
        out << "\n## " << (incentives ? "Vlaamse incentives" : "Doorverwijzingen (andere steun)") << "\n";
        for (const Result& r : rs.results) {
            if ((r.kind == ResultKind::Incentive) != incentives) continue;
            out << "\n### " << textIn(r.title, nl) << "\n\n`" << r.id << "` · pijler " << r.pillar << ". "
                << textIn(r.summary, nl) << "\n";
            for (const Version& v : r.versions) {
                out << "\n#### Geldig vanaf " << v.validFrom.toString()
                    << (v.validUntil ? " tot en met " + v.validUntil->toString() : " (geen einddatum)") << "\n\n";
                if (!v.caution.empty()) {
                    out << "Let op, voor deze hele versie (getoond aan de burger bij elke uitkomst): "
                        << textIn(v.caution, nl) << "\n\n";
                }
                if (v.atMostUnknown) {
                    out << "Deze versie zegt nooit “je hebt er recht op”: is aan alle voorwaarden voldaan, dan is de uitkomst "
                           "“misschien” (`maxStatus`: `unknown`).\n\n";
                    out << "Het kan alleen als aan alle voorwaarden voldaan is:\n\n";
                } else {
                    out << "Je hebt er recht op als aan alle voorwaarden voldaan is:\n\n";
                }
                int n = 1;
                for (const Criterion& c : v.criteria) {
                    const bool bareQuestion = c.test.source().is_object() && c.test.source().contains("var");
                    out << n++ << ". **" << c.id << "**: " << describeExpression(c.test.source())
                        << (bareQuestion ? " = ja" : "") << "  \n"
                        << "   Voldaan: “" << textIn(c.met, nl) << "” Niet voldaan: “" << textIn(c.notMet, nl) << "”  \n"
                        << "   Bron: <" << c.source.url << ">";
                    if (!c.source.note.empty()) out << "  \n   Noot: " << c.source.note;
                    if (!c.source.unofficial.empty()) out << "  \n   Geen officiële bron, want: " << c.source.unofficial;
                    if (!c.caution.empty()) out << "  \n   Let op (getoond aan de burger): " << textIn(c.caution, nl);
                    out << "\n";
                }
                if (!v.amounts.empty()) {
                    out << "\nBedragen:\n\n";
                    for (const Amount& a : v.amounts) {
                        out << "- **" << a.id << "** (" << a.unit << "): " << describeExpression(a.value.source()) << ". "
                            << textIn(a.text, nl) << "\n";
                    }
                }
                if (!v.apply.empty()) {
                    out << "\nAanvragen:\n\n";
                    for (const Link& l : v.apply) out << "- " << textIn(l.text, nl) << " <" << l.url << ">\n";
                }
            }
        }
    }
    return out.str();
}

}  // namespace wegwijzer
