#!/usr/bin/env bash
# How long the interview is on the real ruleset: `wegwijzer questions` per
# goal (every combination of answer classes), the same on a course page (a
# course's facts given), and the review's people (rules/<id>/profiles/)
# answering for each goal. The figures issue 12 asks for.
#
# Usage: scripts/interview-figures.sh [DATE]   (default 2026-12-02)
# Installs what is missing and builds the command (release) first.
set -euo pipefail
cd "$(dirname "$0")/.."
date=${1:-2026-12-02}
W=build/release/cli/wegwijzer
rules=rules/opleidingsincentives
scripts/install-deps.sh >/dev/null
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)" --target wegwijzer >/dev/null
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

goals=$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print(" ".join(o["value"] for q in r["questions"] if q.get("goal") for o in q["options"]))' "$rules/ruleset.json")
# A course page: the facts of a 120-hour course in the Opleidingsdatabank, not higher education.
course='"opleiding-in-databank": true, "opleiding-vok": false, "opleiding-hoger-onderwijs": false, "opleiding-uren": 120, "opleiding-studiepunten": 0'

summary() { sed -n 's/^questions asked: \(.*\)/\1/p'; }
echo "# Interview length on $rules, $date (the goal question counted)"
echo
echo "| goal | guide: max, median, mean | course page: max, median, mean |"
echo "|---|---|---|"
for g in $goals; do
  echo "{\"doel\": \"$g\"}" > "$tmp/goal.json"
  echo "{\"doel\": \"$g\", $course}" > "$tmp/course.json"
  guide=$($W questions "$rules/ruleset.json" --date "$date" --facts "$tmp/goal.json" | summary)
  page=$($W questions "$rules/ruleset.json" --date "$date" --facts "$tmp/course.json" | summary)
  # +1: the goal question itself.
  plus() { python3 -c 'import re,sys; print(", ".join(f"{k} {float(v)+1:g}" for k,v in re.findall(r"(max|median|mean) ([0-9.]+)", sys.argv[1])))' "$1"; }
  echo "| $g | $(plus "$guide") | $(plus "$page") |"
done
echo
echo "| person | $(echo $goals | sed 's/ / | /g') |"
echo "|---|$(for g in $goals; do printf -- '---|'; done)"
for p in "$rules"/profiles/*.json; do
  row="| $(basename "$p" .json) |"
  for g in $goals; do
    python3 -c 'import json,sys; p=json.load(open(sys.argv[1])); p.pop("_about",None); p["doel"]=sys.argv[2]; print(json.dumps(p))' "$p" "$g" > "$tmp/p.json"
    n=$($W questions "$rules/ruleset.json" --date "$date" --profile "$tmp/p.json" | sed -n 's/^questions asked: //p')
    row="$row $n |"
  done
  echo "$row"
done
