#!/usr/bin/env bash
# The commands end to end, with their exit codes. Usage: commands.sh WEGWIJZER RULES_DIR
source "$(dirname "$0")/lib.sh"
rules=$2

check "help" 0 "$wegwijzer" --help
contains out "Exit codes"
check "no arguments" 2 "$wegwijzer"
check "unknown command" 2 "$wegwijzer" frobnicate
check "lint example" 0 "$wegwijzer" lint "$rules/example/ruleset.json"
contains out "ok: ruleset \"example\""
for set in example opleidingsincentives; do
  check "lint --strict $set (no warnings)" 0 "$wegwijzer" lint "$rules/$set/ruleset.json" --cases "$rules/$set/cases" --strict
done
check "lint missing file" 2 "$wegwijzer" lint "$work/nope.json"

# Warnings about versions, sources and texts: printed with their pointer; only --strict fails on them.
python3 - "$rules/example/ruleset.json" "$work/warnings.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
cheques = doc["results"][0]["versions"][0]
del cheques["criteria"][4]["source"]["unofficial"]  # www.lexalert.be is not in authoring.officialHosts
cheques["criteria"][3]["met"]["nl"] = "De opleiding heeft een ODB-nummer."  # a term without explanation
doc["results"][0]["summary"]["en"] = " ".join(["word"] * 21) + "."  # a sentence of 21 words
doc["results"][1]["versions"][1]["validUntil"] = "2026-12-31"  # expires is 2027-06-30
json.dump(doc, open(sys.argv[2], "w"), ensure_ascii=False, indent=1)
PY
check "lint with warnings" 0 "$wegwijzer" lint "$work/warnings.json"
contains out 'warning: /results/0/versions/0/criteria/4/source/url: the source host "www.lexalert.be" is not an official host'
contains out 'warning: /results/0/versions/0/criteria/3/met/nl: term "ODB" is used without explanation in this text: add "Opleidingsdatabank" or replace the term'
contains out 'warning: /results/0/summary/en: sentence of 21 words (at most 20)'
contains out 'warning: /results/1: result "vlaams-opleidingsverlof" has no version in force from 2027-01-01 to 2027-06-30'
contains out "4 warnings"
check "lint --strict with warnings" 1 "$wegwijzer" lint "$work/warnings.json" --strict
check "test example" 0 "$wegwijzer" test "$rules/example/ruleset.json" "$rules/example/cases"
contains out "0 failed"

echo '{}' >"$work/empty-answers.json"
check "eval needs a date" 2 "$wegwijzer" eval "$rules/example/ruleset.json" --answers "$work/empty-answers.json"
contains err "--date YYYY-MM-DD is required"
check "eval empty answers" 0 "$wegwijzer" eval "$rules/example/ruleset.json" --date 2025-09-01 --answers "$work/empty-answers.json"
python3 - "$work/out" <<'PY' || failures=$((failures + 1))
import json, sys
out = json.load(open(sys.argv[1]))
assert out["results"], "no results"
assert all(r["status"] == "unknown" for r in out["results"]), "with no answers every result is open"
assert out["next"], "with no answers there is a next question"
print("ok   eval output is JSON with open results and a next question:", out["next"][0])
PY
echo '{"geen-vraag": 1}' >"$work/bad-answers.json"
check "eval invalid answers" 2 "$wegwijzer" eval "$rules/example/ruleset.json" --date 2025-09-01 --answers "$work/bad-answers.json"
contains err "not a question of this ruleset"
check "eval reads stdin" 0 "$wegwijzer" eval "$rules/example/ruleset.json" --date 2025-09-01 --answers - <"$work/empty-answers.json"
check "eval unknown locale" 2 "$wegwijzer" eval "$rules/example/ruleset.json" --date 2025-09-01 --answers "$work/empty-answers.json" --locale fr

# courses: a 10-hour course without study points can never unlock
# opleidingsverlof (32 hours or 3 study points needed), a 200-hour one can for
# some people; a broken line is reported, the rest goes on.
printf '%s\n' '{"id": "kort", "facts": {"opleiding-uren": 10, "opleiding-studiepunten": 0}}' '{"id": "lang", "facts": {"opleiding-uren": 200, "opleiding-in-databank": true, "opleiding-hoger-onderwijs": false}}' >"$work/catalogue.jsonl"
check "courses" 0 "$wegwijzer" courses "$rules/opleidingsincentives/ruleset.json" "$work/catalogue.jsonl" --date 2026-11-23
python3 - "$work/out" <<'PY' || failures=$((failures + 1))
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1])]
kort, lang = lines
assert "vlaams-opleidingsverlof" in kort["impossible"], kort
vov = [p for p in lang["possible"] if p["result"] == "vlaams-opleidingsverlof"]
assert vov and not vov[0]["forEveryone"] and "statuut" in vov[0]["questions"], lang
# Outside higher education the cheque ceiling is 250 euros whatever the diploma;
# the short course does not say, so its ceiling depends on the person.
cheques = [p for p in lang["possible"] if p["result"] == "opleidingscheques"]
assert cheques and cheques[0]["amounts"] == {"max-cheques-per-schooljaar": 250, "tussenkomst-overheid": 125}, cheques
assert all(p["amounts"] == {} for p in kort["possible"]), kort
print("ok   courses labels: short course cannot unlock VOV, long one can for some people; settled amounts")
PY
printf '%s\n' '{"id": "a", "facts": {"statuut": "student"}}' 'not json' '{"id": "b", "facts": {}}' >"$work/bad.jsonl"
check "courses with bad lines" 1 "$wegwijzer" courses "$rules/opleidingsincentives/ruleset.json" "$work/bad.jsonl" --date 2026-11-23
contains out '"id":"b"'
contains out 'personal question'

# Courses with the same facts are worked out once: each line still gets its
# own id, and each error its own line number, as when worked out one by one.
printf '%s\n' '{"id": "x1", "facts": {"opleiding-uren": 200}}' '{"id": "p1", "facts": {"statuut": "student"}}' \
  '{"facts": {"opleiding-uren": 200}, "id": "x2"}' '{"id": "p2", "facts": {"statuut": "student"}}' >"$work/same.jsonl"
check "courses: the same facts twice" 1 "$wegwijzer" courses "$rules/opleidingsincentives/ruleset.json" "$work/same.jsonl" --date 2026-11-23
python3 - "$work/out" <<'PY' || failures=$((failures + 1))
import json, sys
x1, p1, x2, p2 = [json.loads(l) for l in open(sys.argv[1])]
assert (x1["id"], x2["id"], p1["id"], p2["id"]) == ("x1", "x2", "p1", "p2"), (x1, x2, p1, p2)
assert {k: v for k, v in x1.items() if k != "id"} == {k: v for k, v in x2.items() if k != "id"}, (x1, x2)
assert (p1["line"], p2["line"]) == (2, 4) and p1["error"] == p2["error"], (p1, p2)
print("ok   courses with the same facts: the same labels, each its own id and line")
PY

# Reliability review D6, D7: line numbers as an editor shows them (blank lines
# count), on every error; a line over 1 MiB is an error for that line only,
# never held whole; a directory is not a catalogue; a lost output fails.
printf '%s\n' '{"id": "a", "facts": {}}' '' '{"id": null, "facts": {"statuut": "student"}}' >"$work/lines.jsonl"
check "courses: line numbers count blank lines" 1 "$wegwijzer" courses "$rules/opleidingsincentives/ruleset.json" "$work/lines.jsonl" --date 2026-11-23
contains out '"line":3'
python3 -c "print('x' * 2000000); print('{\"id\": \"k\", \"facts\": {}}')" >"$work/long.jsonl"
check "courses: a line over 1 MiB" 1 "$wegwijzer" courses "$rules/opleidingsincentives/ruleset.json" "$work/long.jsonl" --date 2026-11-23
contains out '{"error":"the line is longer than 1048576 bytes","line":1}'
contains out '"id":"k"'
check "courses: a directory is not a catalogue" 2 "$wegwijzer" courses "$rules/opleidingsincentives/ruleset.json" "$work" --date 2026-11-23
contains err "not a file"
if [[ -w /dev/full ]]; then
  check "courses: output that cannot be written fails" 2 "$wegwijzer" courses "$rules/opleidingsincentives/ruleset.json" "$work/catalogue.jsonl" --date 2026-11-23 -o /dev/full
  contains err "could not be written"
fi
check "standard input has the 64 MiB cap of a file" 2 bash -c "head -c 70000000 /dev/zero | '$wegwijzer' lint -"
contains err "standard input: larger than 67108864 bytes"

# Reliability review D9: names from a file reach the terminal with their
# control characters escaped: no forged line, no colour.
python3 - "$rules/example/ruleset.json" "$work/ansi.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
doc["\u001b[32mok\r\nverify: accepted by policy\u00c2\u009b"] = 1
json.dump(doc, open(sys.argv[2], "w"))
PY
check "lint: control characters of a name are escaped" 1 "$wegwijzer" lint "$work/ansi.json"
contains err '\u001b[32mok\u000d\u000averify: accepted by policy'
if LC_ALL=C grep -q $'[\x1b\r]' "$work/err"; then echo "FAIL: a raw control character reached the terminal"; failures=$((failures + 1)); fi

check "logic" 0 "$wegwijzer" logic '{"<=": [1, {"var": "x"}, 3]}' '{"x": 2}'
contains out "true"
check "logic extension" 0 "$wegwijzer" logic '{"*": [125, 0.8]}'
contains out "100"
check "logic certlogic refuses or" 2 "$wegwijzer" logic --dialect certlogic '{"or": [true, false]}'
contains err 'unrecognised operator: "or"'
check "logic invalid expression" 2 "$wegwijzer" logic '{"if": [true]}'
check "logic failing evaluation" 1 "$wegwijzer" logic '{"<": [{"var": "x"}, 1]}' '{"x": "a"}'
check "logic bad dialect" 2 "$wegwijzer" logic --dialect jsonlogic 'true'

exit $failures
