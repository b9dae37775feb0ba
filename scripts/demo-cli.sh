#!/usr/bin/env bash
# The command-line demo: builds the `wegwijzer` command, checks the
# example ruleset and its cases, and evaluates a person and a course.
# Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh

cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)" --target wegwijzer >/dev/null
wegwijzer=build/release/cli/wegwijzer
rules=rules/example

step() { printf '\n\033[1m$ %s\033[0m\n' "$*"; "$@"; }

step "$wegwijzer" lint $rules/ruleset.json
step "$wegwijzer" test $rules/ruleset.json $rules/cases
echo
echo "A person who has answered a few questions (rules/example/demo/persoon.json):"
cat $rules/demo/persoon.json
step "$wegwijzer" eval $rules/ruleset.json --date 2025-09-01 --answers $rules/demo/persoon.json --locale nl
echo
echo "A course page passes only the course's facts (rules/example/demo/opleiding.json):"
cat $rules/demo/opleiding.json
step "$wegwijzer" course $rules/ruleset.json --date 2025-09-01 --facts $rules/demo/opleiding.json --locale en
