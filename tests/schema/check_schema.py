#!/usr/bin/python3
"""The JSON Schemas in docs/schema/ and the loader agree.

Usage: /usr/bin/python3 tests/schema/check_schema.py WEGWIJZER_BINARY REPO_ROOT

Needs the `jsonschema` module (Debian: apt-get install python3-jsonschema, which
installs it for /usr/bin/python3; a pyenv or venv python3 may not see it).
Exits 77 (skipped) without it.

1. The schemas follow the loader's tables: operators and their arities
   (core/src/compile.cpp), the allowed members of every object and the
   enumerations (the ruleset loader: core/src/ruleset.cpp, ruleset_items.cpp
   and ruleset_loader.hpp; core/src/cases.cpp, core/src/date.cpp).
2. Every rules/*/ruleset.json and rules/*/cases/*.json is valid against its
   schema and accepted by the native tool (`lint` exits 0; `test --no-coverage`
   reports no problem in the case file), and so are a few valid variants.
3. Invalid variants of rules/example/ruleset.json and of a case file, one per
   failure the schema can express: the schema rejects each one (with an error
   at or around the expected place) and the tool rejects it too (`lint` exits 1,
   `test` exits 2) with a problem at the expected JSON Pointer.

Prints a summary; exits 1 on any disagreement.
"""

import copy
import json
import os
import re
import subprocess
import sys
import tempfile

try:
    import jsonschema
except ImportError:
    print("check_schema: SKIPPED: the Python module jsonschema is missing for " + sys.executable +
          " (apt-get install python3-jsonschema; run with /usr/bin/python3)")
    sys.exit(77)

failures = []


def fail(message):
    failures.append(message)
    print("FAIL " + message)


# ------------------------------------------------------------------ pointers


def segments(pointer):
    if pointer == "":
        return []
    return [s.replace("~1", "/").replace("~0", "~") for s in pointer.split("/")[1:]]


def pointer_of(path):
    return "".join("/" + str(s).replace("~", "~0").replace("/", "~1") for s in path)


def parent_and_key(doc, pointer):
    segs = segments(pointer)
    node = doc
    for s in segs[:-1]:
        node = node[int(s)] if isinstance(node, list) else node[s]
    key = segs[-1]
    return node, (int(key) if isinstance(node, list) else key)


def set_at(doc, pointer, value):
    node, key = parent_and_key(doc, pointer)
    if isinstance(node, list) and key == len(node):
        node.append(value)
    else:
        node[key] = value


def delete_at(doc, pointer):
    node, key = parent_and_key(doc, pointer)
    del node[key]


# ------------------------------------------------------------------ schema side


def schema_errors(validator, doc):
    """Every error, with the errors inside anyOf/oneOf/allOf branches, as JSON Pointers."""
    out = []

    def walk(errors):
        for e in errors:
            out.append((pointer_of(e.absolute_path), e.message))
            walk(e.context or [])

    walk(validator.iter_errors(doc))
    return out


def related(a, b):
    """One pointer is the other or inside it (the schema and the loader may report at a parent)."""
    sa, sb = segments(a), segments(b)
    n = min(len(sa), len(sb))
    return sa[:n] == sb[:n]


# ------------------------------------------------------------------ tool side


def run(args):
    p = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, universal_newlines=True)
    return p.returncode, p.stdout + p.stderr


def problem_line(file, pointer):
    return "%s: %s: " % (file, pointer if pointer else "(document)")


# ------------------------------------------------------------------ 1. tables


def check_tables(root, ruleset_schema, cases_schema):
    def read(rel):
        with open(os.path.join(root, rel), encoding="utf-8") as f:
            return f.read()

    def show(items):
        return ", ".join("{%s}" % ", ".join(sorted(i)) if isinstance(i, frozenset) else str(i) for i in
                         sorted(items, key=lambda i: sorted(i) if isinstance(i, frozenset) else [i]))

    def same(what, from_source, from_schema):
        if not from_source:
            fail("tables: could not read %s from the sources; update tests/schema/check_schema.py" % what)
        elif from_source != from_schema:
            fail("tables: %s differ: only in the loader: %s; only in the schema: %s" % (
                what, show(from_source - from_schema) or "-", show(from_schema - from_source) or "-"))

    expression = read("core/src/compile.cpp")
    ruleset_cpp = "\n".join(read(f) for f in ("core/src/ruleset.cpp", "core/src/ruleset_items.cpp", "core/src/ruleset_loader.hpp"))
    cases_cpp = read("core/src/cases.cpp")
    date_cpp = read("core/src/date.cpp")
    header = read("core/include/wegwijzer/ruleset.hpp")
    defs = ruleset_schema["definitions"]

    # Operators and arities.
    ops = defs["operation"]["properties"]
    table = re.findall(r'\{"([^"]+)",\s*Op::\w+,\s*(\d+),\s*(kMany|\d+),\s*(?:true|false)\}', expression)
    same("operators", {name for name, _, _ in table} | {"var"}, set(ops))
    for name, lo, hi in table:
        if name not in ops:
            continue
        s = ops[name]
        lo_s = s.get("minItems")
        hi_s = s.get("maxItems")
        if isinstance(s.get("items"), list) and s.get("additionalItems") is False:
            hi_s = min(hi_s, len(s["items"])) if hi_s is not None else len(s["items"])
        want_hi = None if hi == "kMany" else int(hi)
        if lo_s != int(lo) or hi_s != want_hi:
            fail("tables: operator %s: loader takes %s to %s operands, schema %s to %s" % (name, lo, hi, lo_s, hi_s))

    # Allowed members of every object the loader reads with an ObjectReader.
    lists = re.findall(r"ObjectReader\s+\w+\([^;]*?\{([^{}]*)\}\)", ruleset_cpp, re.S)
    source_sets = {frozenset(re.findall(r'"([^"]+)"', l)) for l in lists}
    schema_sets = {frozenset(ruleset_schema["properties"])}
    for name in ["question", "option", "result", "version", "link", "criterion", "source", "amount", "authoring",
                 "term"]:
        schema_sets.add(frozenset(defs[name]["properties"]))
    same("allowed members of the ruleset's objects", source_sets, schema_sets)
    if len(lists) != 11:
        fail("tables: expected 11 ObjectReader member lists in the ruleset loader, found %d" % len(lists))

    # Enumerations.
    same("format", set(re.findall(r'kRulesetFormat\s*=\s*"([^"]+)"', header)),
         {ruleset_schema["properties"]["format"]["const"]})
    same("question types", set(re.findall(r'\btype == "(\w+)"', ruleset_cpp)),
         set(defs["question"]["properties"]["type"]["enum"]))
    same("question scopes", set(re.findall(r'scope != "(\w+)"', ruleset_cpp)),
         set(defs["question"]["properties"]["scope"]["enum"]))
    same("result kinds", set(re.findall(r'kind [!=]= "(\w+)"', ruleset_cpp)),
         set(defs["result"]["properties"]["kind"]["enum"]))
    pillars = re.search(r"bool validPillar\([^)]*\)\s*\{([^}]*)\}", ruleset_cpp)
    same("pillars", set(re.findall(r'"(\w+)"', pillars.group(1))) if pillars else set(),
         set(defs["result"]["properties"]["pillar"]["enum"]))
    units = re.search(r"kUnits\[\]\s*=\s*\{([^}]*)\}", ruleset_cpp)
    same("amount units", set(re.findall(r'"(\w+)"', units.group(1))) if units else set(),
         set(defs["amount"]["properties"]["unit"]["enum"]))
    time_units = re.search(r"parseTimeUnit\([^)]*\)\s*\{(.*?)\n\}", date_cpp, re.S)
    same("plusTime units", set(re.findall(r'text == "(\w+)"', time_units.group(1))) if time_units else set(),
         set(ops["plusTime"]["items"][2]["enum"]))

    # The date pattern is Date::parse (core/src/date.cpp): a real day of a real month, proleptic Gregorian.
    date = re.compile(defs["date"]["pattern"])
    for year in range(10000):
        leap = (year % 4 == 0 and year % 100 != 0) or year % 400 == 0
        for month, last in [(2, 29 if leap else 28), (4, 30), (12, 31)]:
            for day in (last, last + 1):
                text = "%04d-%02d-%02d" % (year, month, day)
                if bool(date.search(text)) != (day == last):
                    fail("tables: the date pattern %s %s" % ("refuses" if day == last else "accepts", text))

    # Case files.
    cdefs = cases_schema["definitions"]
    if cdefs["date"]["pattern"] != defs["date"]["pattern"]:
        fail("tables: the date patterns of the two schemas differ")
    same("allowed members of a case", set(re.findall(r'k != "(\w+)"', cases_cpp)),
         set(cdefs["case"]["properties"]))
    same("allowed members of an expectation", set(re.findall(r'm\.key\(\) != "(\w+)"', cases_cpp)),
         set(cdefs["expectation"]["anyOf"][1]["properties"]))


# ------------------------------------------------------------------ variants

T = "/results/0/versions/0/criteria/0/test"  # a criterion test of rules/example
V = "/results/0/versions/0/amounts/0/value"  # an amount value of rules/example
NOW = {"plusTime": [{"var": "$date"}, 0, "day"]}
STARTS = {"plusTime": [{"var": "opleiding-startdatum"}, 0, "day"]}
TEXT = {"nl": "Tekst", "en": "Text"}


def nested(n):
    e = True
    for _ in range(n):
        e = {"!": [e]}
    return e


def extra_questions(n):
    return [{"id": "extra-%d" % i, "type": "boolean", "text": TEXT} for i in range(n)]


# (what, [edits], pointer of the loader's problem); an edit is ("set", pointer, value) or ("del", pointer).
RULESET_INVALID = [
    # the document
    ("missing format", [("del", "/format")], ""),
    ("unsupported format", [("set", "/format", "wegwijzer-ruleset/2")], "/format"),
    ("unknown member (typo of title)", [("set", "/titel", TEXT)], "/titel"),
    ("missing id", [("del", "/id")], ""),
    ("id with upper case", [("set", "/id", "Example")], "/id"),
    ("id with a double hyphen", [("set", "/id", "voor--beeld")], "/id"),
    ("id ending with a hyphen", [("set", "/id", "voorbeeld-")], "/id"),
    ("id starting with a digit", [("set", "/id", "1voorbeeld")], "/id"),
    ("id of 65 characters", [("set", "/id", "a" * 65)], "/id"),
    ("id not a string", [("set", "/id", 7)], "/id"),
    ("missing version", [("del", "/version")], ""),
    ("version 0", [("set", "/version", 0)], "/version"),
    ("version not an integer", [("set", "/version", 1.5)], "/version"),
    ("version as a string", [("set", "/version", "1")], "/version"),
    ("version 2^53", [("set", "/version", 9007199254740992)], "/version"),
    ("published not YYYY-MM-DD", [("set", "/published", "2025-6-1")], "/published"),
    ("published on 30 February", [("set", "/published", "2025-02-30")], "/published"),
    ("published on 29 February of a common year", [("set", "/published", "2100-02-29")], "/published"),
    ("expires in month 13", [("set", "/expires", "2027-13-01")], "/expires"),
    ("expires with a time", [("set", "/expires", "2027-06-30T00:00:00Z")], "/expires"),
    ("missing expires", [("del", "/expires")], ""),
    ("no locales", [("set", "/locales", [])], "/locales"),
    ("locales not an array", [("set", "/locales", "nl")], "/locales"),
    ("locale in upper case", [("set", "/locales", ["nl", "EN"]), ("set", "/title/EN", "Example")],
     "/locales/1"),
    ("locale of three letters", [("set", "/locales", ["nld"])], "/locales/0"),
    ("duplicate locale", [("set", "/locales", ["nl", "en", "nl"])], "/locales/2"),
    ("missing title", [("del", "/title")], ""),
    ("title not a text object", [("set", "/title", "Voorbeeld")], "/title"),
    ("title with an empty text", [("set", "/title/nl", "")], "/title/nl"),
    ("title with a number text", [("set", "/title/en", 5)], "/title/en"),
    ("title without any locale", [("set", "/title", {})], "/title"),
    ("title with a locale key that is no locale", [("set", "/title/NL", "Voorbeeld")], "/title/NL"),
    ("missing questions", [("del", "/questions")], ""),
    ("questions not an array", [("set", "/questions", {})], "/questions"),
    ("251 questions", [("set", "/questions/%d" % (8 + i), q) for i, q in enumerate(extra_questions(243))],
     "/questions"),
    ("missing results", [("del", "/results")], ""),
    ("results not an array", [("set", "/results", {})], "/results"),
    # questions
    ("question not an object", [("set", "/questions/5", "opleiding-in-databank")], "/questions/5"),
    ("question with an unknown member (typo of askIf)",
     [("set", "/questions/2/askif", {"===": [{"var": "statuut"}, "werknemer"]})], "/questions/2/askif"),
    ("question without id", [("del", "/questions/7/id")], "/questions/7"),
    ("question id with an underscore", [("set", "/questions/7/id", "opleiding_startdatum")], "/questions/7/id"),
    ("question without type", [("del", "/questions/5/type")], "/questions/5"),
    ("question of an unknown type", [("set", "/questions/5/type", "text")], "/questions/5/type"),
    ("question without text", [("del", "/questions/5/text")], "/questions/5"),
    ("question with a help string", [("set", "/questions/0/help", "Kies")], "/questions/0/help"),
    ("question of an unknown scope", [("set", "/questions/0/scope", "world")], "/questions/0/scope"),
    ("choice question without options", [("del", "/questions/0/options")], "/questions/0"),
    ("choice question with one option", [("del", "/questions/0/options/2"), ("del", "/questions/0/options/1")],
     "/questions/0/options"),
    ("options not an array", [("set", "/questions/0/options", {"werknemer": TEXT})], "/questions/0/options"),
    ("option with an unknown member", [("set", "/questions/0/options/0/label", TEXT)],
     "/questions/0/options/0/label"),
    ("option value not an id", [("set", "/questions/0/options/1/value", "Zelfstandige")],
     "/questions/0/options/1/value"),
    ("option without text", [("del", "/questions/0/options/1/text")], "/questions/0/options/1"),
    ("options on a boolean question",
     [("set", "/questions/5/options", [{"value": "ja", "text": TEXT}, {"value": "nee", "text": TEXT}])],
     "/questions/5/options"),
    ("number question without min", [("del", "/questions/2/min")], "/questions/2"),
    ("number question without max", [("del", "/questions/2/max")], "/questions/2"),
    ("min as a string", [("set", "/questions/2/min", "0")], "/questions/2/min"),
    ("max as a boolean", [("set", "/questions/2/max", True)], "/questions/2/max"),
    ("min on a boolean question", [("set", "/questions/5/min", 0)], "/questions/5"),
    ("max on a date question", [("set", "/questions/7/max", 10)], "/questions/7"),
    ("unit on a boolean question", [("set", "/questions/5/unit", TEXT)], "/questions/5/unit"),
    ("unit not a text object", [("set", "/questions/2/unit", "%")], "/questions/2/unit"),
    # results and versions
    ("result not an object", [("set", "/results/2", [])], "/results/2"),
    ("result with an unknown member (typo)", [("set", "/results/0/titel", TEXT)], "/results/0/titel"),
    ("result id not an id", [("set", "/results/0/id", "Opleidingscheques")], "/results/0/id"),
    ("result of an unknown kind", [("set", "/results/0/kind", "premium")], "/results/0/kind"),
    ("result without kind", [("del", "/results/0/kind")], "/results/0"),
    ("result of an unknown pillar", [("set", "/results/0/pillar", "money")], "/results/0/pillar"),
    ("result without summary", [("del", "/results/0/summary")], "/results/0"),
    ("result without versions", [("del", "/results/2/versions")], "/results/2"),
    ("result with no version", [("set", "/results/2/versions", [])], "/results/2/versions"),
    ("version with an unknown member (validTo)", [("set", "/results/0/versions/0/validTo", "2030-01-01")],
     "/results/0/versions/0/validTo"),
    ("version without validFrom", [("del", "/results/0/versions/0/validFrom")], "/results/0/versions/0"),
    ("validFrom in DD-MM-YYYY", [("set", "/results/0/versions/0/validFrom", "01-09-2019")],
     "/results/0/versions/0/validFrom"),
    ("validUntil on 31 April", [("set", "/results/0/versions/0/validUntil", "2030-04-31")],
     "/results/0/versions/0/validUntil"),
    ("version without criteria", [("del", "/results/2/versions/0/criteria")], "/results/2/versions/0"),
    ("version with no criterion", [("set", "/results/2/versions/0/criteria", [])],
     "/results/2/versions/0/criteria"),
    ("amounts not an array", [("set", "/results/0/versions/0/amounts", {})], "/results/0/versions/0/amounts"),
    ("apply not an array", [("set", "/results/0/versions/0/apply", {"text": TEXT, "url": "https://x.be"})],
     "/results/0/versions/0/apply"),
    # criteria
    ("criterion with an unknown member (caveat)", [("set", "/results/0/versions/0/criteria/0/caveat", TEXT)],
     "/results/0/versions/0/criteria/0/caveat"),
    ("criterion id not an id", [("set", "/results/0/versions/0/criteria/0/id", "Statuut")],
     "/results/0/versions/0/criteria/0/id"),
    ("criterion without test", [("del", T)], "/results/0/versions/0/criteria/0"),
    ("criterion without notMet", [("del", "/results/0/versions/0/criteria/0/notMet")],
     "/results/0/versions/0/criteria/0"),
    ("criterion with a caution string", [("set", "/results/0/versions/0/criteria/0/caution", "Let op")],
     "/results/0/versions/0/criteria/0/caution"),
    ("version with a caution string", [("set", "/results/0/versions/0/caution", "Nog niet bevestigd")],
     "/results/0/versions/0/caution"),
    ("version caution with a locale key that is no locale",
     [("set", "/results/0/versions/0/caution", {"nl": "Nog niet bevestigd", "en": "Not yet", "NL": "x"})],
     "/results/0/versions/0/caution/NL"),
    ("version caution with an empty text", [("set", "/results/0/versions/0/caution", {"nl": "", "en": "Not yet"})],
     "/results/0/versions/0/caution/nl"),
    ("criterion without source", [("del", "/results/0/versions/0/criteria/0/source")],
     "/results/0/versions/0/criteria/0"),
    ("source as a string", [("set", "/results/0/versions/0/criteria/0/source", "https://www.vlaanderen.be")],
     "/results/0/versions/0/criteria/0/source"),
    ("source without url", [("set", "/results/0/versions/0/criteria/0/source", {"note": "x"})],
     "/results/0/versions/0/criteria/0/source"),
    ("source with an unknown member", [("set", "/results/0/versions/0/criteria/0/source/title", "x")],
     "/results/0/versions/0/criteria/0/source/title"),
    ("source url with http", [("set", "/results/0/versions/0/criteria/0/source/url", "http://www.vlaanderen.be")],
     "/results/0/versions/0/criteria/0/source/url"),
    ("source url of only https://", [("set", "/results/0/versions/0/criteria/0/source/url", "https://")],
     "/results/0/versions/0/criteria/0/source/url"),
    ("source url with a space",
     [("set", "/results/0/versions/0/criteria/0/source/url", "https://www.vlaanderen.be/a b")],
     "/results/0/versions/0/criteria/0/source/url"),
    ("source url with a quote",
     [("set", "/results/0/versions/0/criteria/0/source/url", 'https://www.vlaanderen.be/"a"')],
     "/results/0/versions/0/criteria/0/source/url"),
    ("source with an empty note", [("set", "/results/0/versions/0/criteria/1/source/note", "")],
     "/results/0/versions/0/criteria/1/source/note"),
    # amounts and links
    ("amount with an unknown member (units)", [("set", "/results/0/versions/0/amounts/0/units", "euro")],
     "/results/0/versions/0/amounts/0/units"),
    ("amount of an unknown unit", [("set", "/results/0/versions/0/amounts/0/unit", "eur")],
     "/results/0/versions/0/amounts/0/unit"),
    ("amount without value", [("del", V)], "/results/0/versions/0/amounts/0"),
    ("amount without text", [("del", "/results/0/versions/0/amounts/0/text")], "/results/0/versions/0/amounts/0"),
    ("link with an unknown member (href)", [("set", "/results/0/versions/0/apply/0/href", "https://x.be")],
     "/results/0/versions/0/apply/0/href"),
    ("link without url", [("del", "/results/0/versions/0/apply/0/url")], "/results/0/versions/0/apply/0"),
    ("link url with http", [("set", "/results/0/versions/0/apply/0/url", "http://www.vlaanderen.be")],
     "/results/0/versions/0/apply/0/url"),
    # optional members set to null or empty
    ("scope empty", [("set", "/questions/0/scope", "")], "/questions/0/scope"),
    ("help null", [("set", "/questions/0/help", None)], "/questions/0/help"),
    ("askIf null", [("set", "/questions/2/askIf", None)], "/questions/2/askIf"),
    ("validUntil null", [("set", "/results/0/versions/0/validUntil", None)], "/results/0/versions/0/validUntil"),
    ("amounts null", [("set", "/results/0/versions/0/amounts", None)], "/results/0/versions/0/amounts"),
    ("source note null", [("set", "/results/0/versions/0/criteria/1/source/note", None)],
     "/results/0/versions/0/criteria/1/source/note"),
    # expressions: form
    ("unknown operator ==", [("set", T, {"==": [{"var": "statuut"}, "werknemer"]})], T),
    ("JsonLogic operator not in the language (missing)", [("set", T, {"missing": ["statuut"]})], T),
    ("operator in the wrong case (IF)", [("set", T, {"IF": [True, True, False]})], T),
    ("operands not an array", [("set", T, {"!": {"var": "opleiding-in-databank"}})], T),
    ("operands a string", [("set", T, {"===": "werknemer"})], T),
    ("object with two operators",
     [("set", T, {"===": [{"var": "statuut"}, "werknemer"], "in": [{"var": "statuut"}, ["werknemer"]]})], T),
    ("empty object", [("set", T, {})], T),
    ("null literal", [("set", T, {"===": [{"var": "statuut"}, None]})], T + "/===/1"),
    ("null in an array literal", [("set", T, {"in": [{"var": "statuut"}, ["werknemer", None]]})], T + "/in/1/1"),
    ("var with an array operand", [("set", T, {"var": ["opleiding-in-databank"]})], T),
    ("var with a number operand", [("set", T, {"var": 1})], T),
    ("var with an empty path", [("set", T, {"var": ""})], T),
    ("var with an empty fragment", [("set", T, {"var": "opleiding-in-databank."})], T),
    ("var with a space", [("set", T, {"var": "opleiding in databank"})], T),
    ("var that is no question id", [("set", T, {"var": "Opleiding-in-databank"})], T),
    # expressions: arity
    ("=== with 1 operand", [("set", T, {"===": [{"var": "statuut"}]})], T),
    ("=== with 3 operands", [("set", T, {"===": [{"var": "statuut"}, "werknemer", "werknemer"]})], T),
    ("!== with 1 operand", [("set", T, {"!==": [{"var": "statuut"}]})], T),
    ("if with 2 operands", [("set", T, {"if": [{"var": "opleiding-in-databank"}, True]})], T),
    ("if with 5 operands (else-if chain)", [("set", T, {"if": [True, True, False, True, False]})], T),
    ("and with 1 operand", [("set", T, {"and": [{"var": "opleiding-in-databank"}]})], T),
    ("or with no operand", [("set", T, {"or": []})], T),
    ("! with 2 operands", [("set", T, {"!": [True, False]})], T),
    ("! with no operand", [("set", T, {"!": []})], T),
    ("< with 1 operand", [("set", T, {"<": [{"var": "uren-per-week"}]})], T),
    (">= with 4 operands", [("set", T, {">=": [{"var": "uren-per-week"}, 1, 2, 3]})], T),
    ("in with 3 operands", [("set", T, {"in": [{"var": "statuut"}, ["werknemer"], ["werknemer"]]})], T),
    ("+ with 3 operands", [("set", V, {"+": [1, 2, 3]})], V),
    ("- with 1 operand (no unary minus)", [("set", V, {"-": [250]})], V),
    ("* with 3 operands", [("set", V, {"*": [1, 2, 3]})], V),
    ("/ with 1 operand", [("set", V, {"/": [250]})], V),
    ("min with no operand", [("set", V, {"min": []})], V),
    ("max with no operand", [("set", V, {"max": []})], V),
    ("reduce with 2 operands", [("set", V, {"+": [{"reduce": [[1], {"var": "current"}]}, 0]})], V + "/+/0"),
    ("plusTime with 2 operands", [("set", T, {"after": [STARTS, {"plusTime": [{"var": "$date"}, 0]}]})],
     T + "/after/1"),
    ("before with 1 operand", [("set", T, {"before": [STARTS]})], T),
    ("not-after with 4 operands", [("set", T, {"not-after": [STARTS, NOW, NOW, NOW]})], T),
    ("extractFromUVCI with 1 operand",
     [("set", T, {"===": [{"extractFromUVCI": ["URN:UVCI:01:NL:X"]}, "NL"]})], T + "/===/0"),
    ("dccDateOfBirth with 2 operands",
     [("set", T, {"before": [{"dccDateOfBirth": ["1990-01-01", "1990"]}, NOW]})], T + "/before/0"),
    # expressions: literal operands the loader requires
    ("plusTime amount not an integer", [("set", T, {"after": [{"plusTime": [{"var": "opleiding-startdatum"}, 0.5,
                                                                            "day"]}, NOW]})],
     T + "/after/0/plusTime/1"),
    ("plusTime amount not a literal", [("set", T, {"after": [{"plusTime": [{"var": "opleiding-startdatum"},
                                                                          {"var": "uren-per-week"}, "day"]}, NOW]})],
     T + "/after/0/plusTime/1"),
    ("plusTime amount out of range", [("set", T, {"after": [{"plusTime": [{"var": "opleiding-startdatum"}, 1000001,
                                                                         "day"]}, NOW]})],
     T + "/after/0/plusTime/1"),
    ("plusTime unit days", [("set", T, {"after": [{"plusTime": [{"var": "opleiding-startdatum"}, 1, "days"]}, NOW]})],
     T + "/after/0/plusTime/2"),
    ("extractFromUVCI index not an integer",
     [("set", T, {"===": [{"extractFromUVCI": ["URN:UVCI:01:NL:X", 1.5]}, "NL"]})],
     T + "/===/0/extractFromUVCI/1"),
    ("extractFromUVCI index not a literal",
     [("set", T, {"===": [{"extractFromUVCI": ["URN:UVCI:01:NL:X", {"var": "uren-per-week"}]}, "NL"]})],
     T + "/===/0/extractFromUVCI/1"),
    # expressions: static types the schema can see locally
    ("criterion test a number", [("set", T, 1)], T),
    ("criterion test a string", [("set", T, "werknemer")], T),
    ("criterion test an array", [("set", T, [True])], T),
    ("criterion test a sum", [("set", T, {"+": [1, 2]})], T),
    ("criterion test a reduce (any)",
     [("set", T, {"reduce": [[True], {"var": "current"}, True]})], T),
    ("criterion test a date-time", [("set", T, NOW)], T),
    ("askIf a number", [("set", "/questions/2/askIf", 1)], "/questions/2/askIf"),
    ("askIf with an unknown operator", [("set", "/questions/2/askIf", {"eq": [{"var": "statuut"}, "werknemer"]})],
     "/questions/2/askIf"),
    ("amount value a boolean", [("set", V, True)], V),
    ("amount value a string", [("set", V, "250")], V),
    ("amount value a comparison", [("set", V, {"===": [1, 1]})], V),
    ("amount value an and (never a number)", [("set", V, {"and": [1, 2]})], V),
    ("amount value a reduce (any)",
     [("set", V, {"reduce": [[1, 2], {"+": [{"var": "accumulator"}, {"var": "current"}]}, 0]})], V),
    ("comparison with a string operand", [("set", T, {"<": ["a", {"var": "uren-per-week"}]})], T + "/</0"),
    ("comparison with an array operand", [("set", T, {">=": [{"var": "uren-per-week"}, [19]]})], T + "/>=/1"),
    ("arithmetic with a boolean operand", [("set", V, {"+": [True, 1]})], V + "/+/0"),
    ("min with a comparison operand", [("set", V, {"min": [1, {"<": [1, 2]}]})], V + "/min/1"),
    ("date comparison with a date string", [("set", T, {"before": ["2025-01-01", NOW]})], T + "/before/0"),
    ("date comparison with a number", [("set", T, {"after": [STARTS, 20250101]})], T + "/after/1"),
    ("in with a string haystack", [("set", T, {"in": [{"var": "woonplaats"}, "vlaanderen"]})], T + "/in/1"),
    ("reduce over a number", [("set", V, {"+": [{"reduce": [5, {"var": "current"}, 0]}, 0]})],
     V + "/+/0/reduce/0"),
    ("plusTime of a number", [("set", T, {"after": [{"plusTime": [20250101, 0, "day"]}, NOW]})],
     T + "/after/0/plusTime/0"),
    ("dccDateOfBirth of a number", [("set", T, {"before": [{"dccDateOfBirth": [1990]}, NOW]})],
     T + "/before/0/dccDateOfBirth/0"),
    # authoring (read by lint only) and a source's unofficial reason
    ("authoring not an object", [("set", "/authoring", ["vlaanderen.be"])], "/authoring"),
    ("authoring with an unknown member (officialHost)", [("set", "/authoring/officialHost", ["vdab.be"])],
     "/authoring/officialHost"),
    ("officialHosts not an array", [("set", "/authoring/officialHosts", "vlaanderen.be")], "/authoring/officialHosts"),
    ("officialHosts empty", [("set", "/authoring/officialHosts", [])], "/authoring/officialHosts"),
    ("official host with a scheme", [("set", "/authoring/officialHosts/0", "https://vlaanderen.be")],
     "/authoring/officialHosts/0"),
    ("official host in upper case", [("set", "/authoring/officialHosts/0", "Vlaanderen.be")],
     "/authoring/officialHosts/0"),
    ("official host with a leading dot", [("set", "/authoring/officialHosts/0", ".vlaanderen.be")],
     "/authoring/officialHosts/0"),
    ("official host with a label ending in a hyphen", [("set", "/authoring/officialHosts/0", "vlaanderen-.be")],
     "/authoring/officialHosts/0"),
    ("official host not a string", [("set", "/authoring/officialHosts/0", 7)], "/authoring/officialHosts/0"),
    ("duplicate official host", [("set", "/authoring/officialHosts", ["vdab.be", "vdab.be"])],
     "/authoring/officialHosts/1"),
    ("terms not an array", [("set", "/authoring/terms", {"ODB": ["Opleidingsdatabank"]})], "/authoring/terms"),
    ("term not an object", [("set", "/authoring/terms/0", "ODB")], "/authoring/terms/0"),
    ("term with an unknown member (uitleg)", [("set", "/authoring/terms/0/uitleg", TEXT)], "/authoring/terms/0/uitleg"),
    ("term without term", [("del", "/authoring/terms/0/term")], "/authoring/terms/0"),
    ("term empty", [("set", "/authoring/terms/0/term", "")], "/authoring/terms/0/term"),
    ("term without explained", [("del", "/authoring/terms/0/explained")], "/authoring/terms/0"),
    ("explained a list", [("set", "/authoring/terms/0/explained", ["Opleidingsdatabank"])],
     "/authoring/terms/0/explained"),
    ("explained phrases a string", [("set", "/authoring/terms/0/explained/nl", "Opleidingsdatabank")],
     "/authoring/terms/0/explained/nl"),
    ("explained with no phrases", [("set", "/authoring/terms/0/explained/nl", [])], "/authoring/terms/0/explained/nl"),
    ("explained with an empty phrase", [("set", "/authoring/terms/0/explained/en/0", "")],
     "/authoring/terms/0/explained/en/0"),
    ("explained with a locale key that is no locale", [("set", "/authoring/terms/0/explained/NL", ["databank"])],
     "/authoring/terms/0/explained/NL"),
    ("maxSentenceWords 0", [("set", "/authoring/maxSentenceWords", 0)], "/authoring/maxSentenceWords"),
    ("maxSentenceWords as a string", [("set", "/authoring/maxSentenceWords", "20")], "/authoring/maxSentenceWords"),
    ("maxHelpWords not an integer", [("set", "/authoring/maxHelpWords", 40.5)], "/authoring/maxHelpWords"),
    ("maxHelpWords over 1000", [("set", "/authoring/maxHelpWords", 1001)], "/authoring/maxHelpWords"),
    ("source unofficial empty", [("set", "/results/0/versions/0/criteria/4/source/unofficial", "")],
     "/results/0/versions/0/criteria/4/source/unofficial"),
    ("source unofficial not a string", [("set", "/results/0/versions/0/criteria/4/source/unofficial", True)],
     "/results/0/versions/0/criteria/4/source/unofficial"),
]

RULESET_VALID = [
    ("with $schema", [("set", "/$schema", "../../docs/schema/ruleset.schema.json")]),
    ("version 2^53-1", [("set", "/version", 9007199254740991)]),
    ("leap days", [("set", "/published", "2024-02-29"), ("set", "/results/0/versions/0/validFrom", "2000-02-29"),
                   ("set", "/results/1/versions/0/validFrom", "0000-02-29")]),
    ("one locale", [("set", "/locales", ["nl"])] + [("custom", "drop-en")]),
    ("no results", [("set", "/results", [])]),
    ("optional members left out",
     [("del", "/questions/0/scope"), ("del", "/questions/0/help"), ("del", "/questions/2/unit"),
      ("del", "/questions/2/askIf"), ("del", "/results/0/versions/0/amounts"), ("del", "/results/0/versions/0/apply"),
      ("del", "/results/0/versions/0/criteria/1/source/note")]),
    ("validUntil and a caution", [("set", "/results/0/versions/0/validUntil", "2030-12-31"),
                                  ("set", "/results/0/versions/0/criteria/0/caution", TEXT)]),
    ("a version caution", [("set", "/results/0/versions/0/caution", TEXT)]),
    ("no authoring", [("del", "/authoring"), ("del", "/results/0/versions/0/criteria/4/source/unofficial")]),
    ("empty authoring", [("set", "/authoring", {})]),
    ("authoring with every member",
     [("set", "/authoring", {"officialHosts": ["vlaanderen.be", "www.vdab.be", "be", "economie-werk.brussels"],
                             "terms": [{"term": "ODB", "explained": {"nl": ["Opleidingsdatabank"], "en": ["database"]}},
                                       {"term": "POP", "explained": {"nl": ["persoonlijk ontwikkelingsplan", "plan"],
                                                                     "en": ["personal development plan"]}}],
                             "maxSentenceWords": 1, "maxHelpWords": 1000})]),
    ("or, !==, !, if", [("set", T, {"or": [{"!==": [{"var": "statuut"}, "werknemer"]},
                                          {"!": [{"if": [{"var": "opleiding-in-databank"}, False, True]}]}]})]),
    ("three-operand comparisons", [("set", T, {"and": [{"<=": [0, {"var": "uren-per-week"}, 60]},
                                                      {"not-after": [NOW, STARTS, {"plusTime": [{"var": "$date"}, 1, "year"]}]}]})]),
    ("reduce with current, accumulator and data",
     [("set", T, {">": [{"reduce": [[1, 2], {"+": [{"var": "accumulator"}, {"min": [{"var": "current"},
                                                                             {"var": "data.uren-per-week"}]}]}, 0]},
                        2]})]),
    ("extractFromUVCI and dccDateOfBirth",
     [("set", T, {"and": [{"===": [{"extractFromUVCI": ["URN:UVCI:01:NL:X", 1]}, "NL"]},
                          {"not-before": [{"dccDateOfBirth": ["2000-01"]}, {"plusTime": ["1990-01-01", -12, "month"]}]}]})]),
    ("expression nested 64 deep (the loader's limit)", [("set", T, nested(64))]),
    ("number arithmetic", [("set", V, {"max": [1, {"-": [{"*": [2, 2.5]}, {"/": [1, 4]}]},
                                              {"if": [{"var": "opleiding-in-databank"}, 1, 2]}]})]),
]

CASES_BASE = "rules/example/cases/opleidingscheques.json"
C = "/cases/0"
CASES_INVALID = [
    ("cases not an array", [("set", "/cases", {"a": 1})], "/cases"),
    ("case not an object", [("set", C, "werknemer")], C),
    ("case with an unknown member (naam)", [("set", C + "/naam", "x")], C + "/naam"),
    ("case without name", [("del", C + "/name")], C),
    ("name not a string", [("set", C + "/name", 5)], C),
    ("case without date", [("del", C + "/date")], C + "/date"),
    ("date not YYYY-MM-DD", [("set", C + "/date", "2025-9-1")], C + "/date"),
    ("date on 29 February of a common year", [("set", C + "/date", "2025-02-29")], C + "/date"),
    ("answers an array", [("set", C + "/answers", [])], C + "/answers"),
    ("case without expect", [("del", C + "/expect")], C + "/expect"),
    ("expect empty", [("set", C + "/expect", {})], C + "/expect"),
    ("expect a list", [("set", C + "/expect", ["opleidingscheques"])], C + "/expect"),
    ("unknown status", [("set", C + "/expect/vdab-opleiding-werkzoekenden", "eligable")],
     C + "/expect/vdab-opleiding-werkzoekenden"),
    ("status true", [("set", C + "/expect/vdab-opleiding-werkzoekenden", True)],
     C + "/expect/vdab-opleiding-werkzoekenden"),
    ("expectation with a typo (amount)", [("set", C + "/expect/opleidingscheques/amount", {"x": 1})],
     C + "/expect/opleidingscheques/amount"),
    ("expectation without status", [("del", C + "/expect/opleidingscheques/status")], C + "/expect/opleidingscheques"),
    ("amounts not an object", [("set", C + "/expect/opleidingscheques/amounts", [250])],
     C + "/expect/opleidingscheques/amounts"),
    ("amount a string", [("set", C + "/expect/opleidingscheques/amounts/max-cheques-per-schooljaar", "250")],
     C + "/expect/opleidingscheques/amounts/max-cheques-per-schooljaar"),
    ("next a string", [("set", C + "/next", "statuut")], C + "/next"),
    ("next with a number", [("set", C + "/next", ["statuut", 1])], C + "/next"),
    ("single case with an unknown member", [("custom", "single"), ("set", "/naam", "x")], "/naam"),
    ("single case without answers", [("custom", "single"), ("del", "/answers")], "/answers"),
]
CASES_VALID = [
    ("single case", [("custom", "single")]),
    ("$schema and other ignored top-level members", [("set", "/$schema", "../../../docs/schema/cases.schema.json"),
                                                    ("set", "/comment", "ignored")]),
    ("a note of any type and an empty next", [("set", C + "/note", {"why": ["x"]}), ("set", C + "/next", [])]),
]


def apply_edits(base, edits):
    doc = copy.deepcopy(base)
    for edit in edits:
        if edit[0] == "set":
            set_at(doc, edit[1], edit[2])
        elif edit[0] == "del":
            delete_at(doc, edit[1])
        elif edit[1] == "single":
            doc = doc["cases"][0]
        elif edit[1] == "drop-en":
            def drop(node):
                if isinstance(node, dict):
                    if set(node) == {"nl", "en"}:
                        del node["en"]
                    for v in node.values():
                        drop(v)
                elif isinstance(node, list):
                    for v in node:
                        drop(v)
            drop(doc)
    return doc


def write(tmp, name, doc):
    path = os.path.join(tmp, re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") + ".json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=1)
    return path


def main():
    if len(sys.argv) != 3:
        print("usage: /usr/bin/python3 tests/schema/check_schema.py WEGWIJZER_BINARY REPO_ROOT")
        return 2
    binary, root = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    # jsonschema recurses about 15 Python frames per level of an expression; expressions may nest 64 deep.
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10000))
    with open(os.path.join(root, "docs/schema/ruleset.schema.json"), encoding="utf-8") as f:
        ruleset_schema = json.load(f)
    with open(os.path.join(root, "docs/schema/cases.schema.json"), encoding="utf-8") as f:
        cases_schema = json.load(f)
    for s in (ruleset_schema, cases_schema):
        jsonschema.Draft7Validator.check_schema(s)
    rv = jsonschema.Draft7Validator(ruleset_schema)
    cv = jsonschema.Draft7Validator(cases_schema)

    check_tables(root, ruleset_schema, cases_schema)

    def load(rel):
        with open(os.path.join(root, rel), encoding="utf-8") as f:
            return json.load(f)

    def rejection(validator, doc):
        best = jsonschema.exceptions.best_match(validator.iter_errors(doc))
        return None if best is None else "%s: %s" % (pointer_of(best.absolute_path) or "/", best.message[:300])

    def accepted_ruleset(label, path, doc):
        why = rejection(rv, doc)
        if why:
            fail("%s: the schema rejects it: %s" % (label, why))
        code, out = run([binary, "lint", path])
        if code != 0:
            fail("%s: `lint` exits %d:\n%s" % (label, code, out.strip()))

    def accepted_cases(label, ruleset, path, doc):
        why = rejection(cv, doc)
        if why:
            fail("%s: the schema rejects it: %s" % (label, why))
        code, out = run([binary, "test", ruleset, path, "--no-coverage"])
        if code == 2 or problem_line(path, "") in out or (path + ": /") in out:
            fail("%s: `test` finds problems in the case file (exit %d):\n%s" % (label, code, out.strip()))

    def refused(label, validator, doc, args, path, pointer, want_code):
        errors = schema_errors(validator, doc)
        ok = True
        if not errors:
            fail("%s: the loader should refuse it at %s, but the schema accepts it" % (label, pointer or "/"))
            ok = False
        elif not any(related(p, pointer) for p, _ in errors):
            fail("%s: the schema rejects it, but not at or around %s: %s" % (
                label, pointer or "/", "; ".join("%s: %s" % (p or "/", m[:120]) for p, m in errors[:4])))
            ok = False
        code, out = run(args)
        if code != want_code or problem_line(path, pointer) not in out:
            fail("%s: the schema rejects it, but the tool (exit %d, expected %d with a problem at %s) says:\n%s" % (
                label, code, want_code, pointer or "(document)", out.strip()))
            ok = False
        return ok

    valid_files = 0
    agreeing = 0
    with tempfile.TemporaryDirectory(prefix="wegwijzer-schema-") as tmp:
        # 2. The real files.
        for name in sorted(os.listdir(os.path.join(root, "rules"))):
            rel = os.path.join("rules", name, "ruleset.json")
            if not os.path.isfile(os.path.join(root, rel)):
                continue
            accepted_ruleset(rel, os.path.join(root, rel), load(rel))
            valid_files += 1
            cases_dir = os.path.join(root, "rules", name, "cases")
            if os.path.isdir(cases_dir):
                for case_file in sorted(os.listdir(cases_dir)):
                    if case_file.endswith(".json"):
                        crel = os.path.join("rules", name, "cases", case_file)
                        accepted_cases(crel, os.path.join(root, rel), os.path.join(root, crel), load(crel))
                        valid_files += 1

        example_path = os.path.join(root, "rules/example/ruleset.json")
        example = load("rules/example/ruleset.json")
        valid_variants = 0
        for label, edits in RULESET_VALID:
            doc = apply_edits(example, edits)
            accepted_ruleset("valid variant '%s'" % label, write(tmp, "valid " + label, doc), doc)
            valid_variants += 1
        base_cases = load(CASES_BASE)
        for label, edits in CASES_VALID:
            doc = apply_edits(base_cases, edits)
            accepted_cases("valid case variant '%s'" % label, example_path, write(tmp, "valid case " + label, doc), doc)
            valid_variants += 1

        # 3. Invalid variants.
        invalid = 0
        for label, edits, pointer in RULESET_INVALID:
            doc = apply_edits(example, edits)
            path = write(tmp, label, doc)
            invalid += 1
            agreeing += refused("ruleset variant '%s'" % label, rv, doc, [binary, "lint", path], path, pointer, 1)
        for label, edits, pointer in CASES_INVALID:
            doc = apply_edits(base_cases, edits)
            path = write(tmp, "case " + label, doc)
            invalid += 1
            agreeing += refused("case variant '%s'" % label, cv, doc,
                                [binary, "test", example_path, path, "--no-coverage"], path, pointer, 2)

    print("check_schema: %d valid files and %d valid variants accepted by schema and loader; "
          "%d invalid variants (%d ruleset, %d case file), %d rejected by both at the same place; %s" % (
              valid_files, valid_variants, invalid, len(RULESET_INVALID), len(CASES_INVALID), agreeing,
              "all agreeing" if not failures else "%d DISAGREEMENTS" % len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
