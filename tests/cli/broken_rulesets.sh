#!/usr/bin/env bash
# `wegwijzer lint` refuses broken variants of a good ruleset with a message
# (exit 1) and never crashes. Usage: broken_rulesets.sh WEGWIJZER RULESET
source "$(dirname "$0")/lib.sh"
good=$2

# expect_refused NAME FILE WORDS: lint exits 1 and prints WORDS on stderr.
expect_refused() {
  local name=$1 file=$2 words=$3 rc=0
  "$wegwijzer" lint "$file" >"$work/out" 2>"$work/err" || rc=$?
  if [[ $rc -ne 1 ]]; then
    echo "FAIL $name: exit code $rc, expected 1"; cat "$work/err"; failures=$((failures + 1)); return
  fi
  if ! grep -qF -- "$words" "$work/err"; then
    echo "FAIL $name: no message containing '$words':"; cat "$work/err"; failures=$((failures + 1)); return
  fi
  echo "ok   $name: $(head -n 1 "$work/err")"
}

"$wegwijzer" lint "$good" >/dev/null || { echo "FAIL the good ruleset does not lint"; exit 1; }

# Variants made by editing the good document.
variant() {
  python3 - "$good" "$1" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
crit = doc["results"][0]["versions"][0]["criteria"][0]
kind = sys.argv[2]
if kind == "unknown-operator":
    crit["test"] = {"regex": [{"var": doc["questions"][0]["id"]}, "x"]}
elif kind == "undeclared-variable":
    crit["test"] = {"var": "schoenmaat"}
print(json.dumps(doc, indent=1))
PY
}
variant unknown-operator >"$work/unknown-operator.json"
expect_refused "unknown operator" "$work/unknown-operator.json" 'unrecognised operator: "regex"'
variant undeclared-variable >"$work/undeclared.json"
expect_refused "undeclared variable" "$work/undeclared.json" '"schoenmaat" names no question'

head -c "$(( $(wc -c <"$good") / 2 ))" "$good" >"$work/truncated.json"
expect_refused "truncated file" "$work/truncated.json" "truncated"

python3 -c 'print("{\"format\": " + "["*20000 + "]"*20000 + "}")' >"$work/deep.json"
expect_refused "20 000-deep nesting" "$work/deep.json" "nesting deeper than"

python3 -c 'print("{\"id\": \"a\", \"id\": \"b\"}")' >"$work/duplicate.json"
expect_refused "duplicate keys" "$work/duplicate.json" 'duplicate key "id"'

: >"$work/empty.json"
expect_refused "empty file" "$work/empty.json" "truncated"

python3 - "$good" >"$work/huge.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
doc["title"]["nl"] = "x" * (5 * 1024 * 1024)  # a valid document, but 5 MiB
print(json.dumps(doc))
PY
expect_refused "huge file" "$work/huge.json" "more than the limit"

head -c 100000 /dev/urandom | tr -d '\000' >"$work/random.json"
expect_refused "random bytes" "$work/random.json" "invalid JSON"

# A valid ruleset, a NUL byte, then more: nlohmann alone stopped at the NUL
# and accepted the first part (reliability review D2).
{ cat "$good"; printf '\000{"more": true}'; } >"$work/nul.json"
expect_refused "a NUL byte after the ruleset" "$work/nul.json" "NUL byte"

exit $failures
