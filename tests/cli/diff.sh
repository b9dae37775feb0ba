#!/usr/bin/env bash
# `wegwijzer diff` on a real change, as two rulesets: the opleidingsverlof
# rule before and from 1 September 2025. Usage: diff.sh WEGWIJZER RULES_DIR
source "$(dirname "$0")/lib.sh"
rules=$2

# Two rulesets that differ only in that rule: each keeps one VOV version, open-ended.
python3 - "$rules/opleidingsincentives/ruleset.json" "$work" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
for name, keep in (("old", 0), ("new", 1)):
    d = json.loads(json.dumps(doc))
    for r in d["results"]:
        if r["id"] == "vlaams-opleidingsverlof":
            v = r["versions"][keep]
            v["validFrom"] = "2024-09-01"
            v.pop("validUntil", None)
            r["versions"] = [v]
    json.dump(d, open(f"{sys.argv[2]}/{name}.json", "w"), ensure_ascii=False)
PY
"$wegwijzer" diff "$work/old.json" "$work/new.json" --date 2025-11-01 >"$work/report.txt"
cat "$work/report.txt"
fail() { echo "FAIL: $1"; exit 1; }
grep -q "^1 of 11 results change" "$work/report.txt" || fail "only opleidingsverlof may change"
grep -q "^## vlaams-opleidingsverlof: " "$work/report.txt" || fail "opleidingsverlof must change"
grep -q "eligible -> not-eligible" "$work/report.txt" || fail "the stricter rule makes some people lose VOV"
if grep -q "^- not-eligible -> eligible" "$work/report.txt"; then fail "nobody gains VOV from a stricter rule"; fi
grep -q "criterion uren-per-week-28: added" "$work/report.txt" || fail "the new 28-hour criterion is reported"
echo "ok   diff reports the 1 September 2025 opleidingsverlof change"
