#!/usr/bin/env bash
# The benchmark ("Assurance and speed"): in one run on this machine, on the
# real ruleset and the same generated profiles, it measures
#   - the native core (Google Benchmark): full evaluation of complete profiles
#     with and without next-question planning, planning on partial profiles,
#     the widget's JSON-in/JSON-out work, loadRuleset and verifyBundle;
#   - the wasm core in Node through the widget's API (Session.evaluate);
#   - the peers on the same conditions: certlogic-js, json-logic-js,
#     json-logic-engine (interpreted and compiled);
#   - that every engine agrees with the native core on every status,
#     criterion and amount (the run fails when one does not);
#   - the time to the first question in headless Chromium (when dist/ is built);
#   - the gzip size of the code;
# and prints a markdown table (also written to bench/out/report.md).
# Not a test: nothing here is timed against a threshold, the goals are reported.
#
# Usage: scripts/bench.sh [--quick]
# Environment: BENCH_COUNT (profiles, default 1000), BENCH_SEED (default
# 20261201), BENCH_DATE (evaluation date, default 2026-12-01),
# BENCH_RULESET (default opleidingsincentives), BENCH_NO_BUILD=1 (use the builds as they are),
# BENCH_PROFILE=1 (also callgrind the native loops: where the time goes).
set -euo pipefail
cd "$(dirname "$0")/.."

quick=0
[[ ${1:-} == --quick ]] && quick=1
count=${BENCH_COUNT:-1000}
seed=${BENCH_SEED:-20261201}
date=${BENCH_DATE:-2026-12-01}
set_name=${BENCH_RULESET:-opleidingsincentives}
ruleset=rules/$set_name/ruleset.json
bundle=build/release/bundles/$set_name.dsse.json
trust_root=rules/keys/dev-only-trust-root.json
out=bench/out
jobs=$(nproc)
mkdir -p "$out"
started=$(date +%s)

echo "== dependencies"
scripts/install-deps.sh
scripts/install-deps.sh libbenchmark-dev
if [[ ! -f bench/node_modules/.package-lock.json ]] || ! cmp -s bench/package-lock.json bench/node_modules/.lock-installed 2>/dev/null; then
  echo "Installing the peers (npm ci --prefix bench)"
  npm ci --prefix bench --no-audit --no-fund --loglevel=error
  cp bench/package-lock.json bench/node_modules/.lock-installed
fi

if [[ ${BENCH_NO_BUILD:-0} != 1 ]]; then
  echo "== build: native release (the signed bundles), wasm, the native bench"
  cmake --preset release >/dev/null
  cmake --build --preset release -j "$jobs" --target demo_bundles >/dev/null
  cmake --preset wasm >/dev/null
  cmake --build --preset wasm -j "$jobs" --target wegwijzer_node wegwijzer_web >/dev/null
  cmake -S bench -B bench/build -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build bench/build -j "$jobs" >/dev/null
fi
for f in "$ruleset" "$bundle" "$trust_root" build/wasm/wasm/wegwijzer-node.cjs bench/build/wegwijzer_bench; do
  [[ -f $f ]] || { echo "bench.sh: missing $f" >&2; exit 1; }
done

echo "== profiles"
node bench/gen-profiles.mjs "$ruleset" "$out/profiles.json" --count "$count" --seed "$seed" --date "$date"

if (( quick )); then min_time=0.2 reps=1 sample_ms=150 samples=3 runs=3; else min_time=0.5 reps=3 sample_ms=300 samples=5 runs=7; fi

echo "== native core (Google Benchmark)"
bench/build/wegwijzer_bench --ruleset="$ruleset" --profiles="$out/profiles.json" --bundle="$bundle" \
  --trust-root="$trust_root" --dump="$out/native-outcomes.json" \
  --benchmark_min_time="$min_time" --benchmark_repetitions="$reps" --benchmark_report_aggregates_only=true \
  --benchmark_out="$out/native.json" --benchmark_out_format=json

echo "== wasm core and the JS peers (Node)"
node bench/run-js.mjs --ruleset "$ruleset" --profiles "$out/profiles.json" --bundle "$bundle" \
  --trust-root "$trust_root" --wasm-dir build/wasm/wasm --native-outcomes "$out/native-outcomes.json" \
  --out "$out/js.json" --sample-ms "$sample_ms" --samples "$samples"

echo "== time to the first question (headless Chromium)"
node bench/ttfq.mjs "$out/ttfq.json" --runs "$runs"

echo "== report (bench/out/report.md), $(( $(date +%s) - started )) s"
echo
node bench/report.mjs "$out"

# Where the time goes (optional, ~1 minute): callgrind on the native loops,
# the top functions by inclusive instruction count.
if [[ ${BENCH_PROFILE:-0} == 1 ]] && command -v valgrind >/dev/null; then
  for loop in complete:3 widget:1 partial-plan:1; do
    name=${loop%%:*}
    echo
    echo "== callgrind: $name (instructions per profile = total / $(( ${loop##*:} * count )))"
    valgrind --tool=callgrind --callgrind-out-file="$out/callgrind.$name" '--toggle-collect=*profiledLoop*' \
      bench/build/wegwijzer_bench --ruleset="$ruleset" --profiles="$out/profiles.json" --bundle="$bundle" \
      --trust-root="$trust_root" --loop="$loop" 2>&1 | grep -E 'Collected' || true
    callgrind_annotate --inclusive=yes "$out/callgrind.$name" 2>/dev/null | sed -n '/PROGRAM TOTALS/,$p' \
      | grep -vE '^$|^-|libc-start|below main|ld-linux|native_bench.cpp' \
      | sed -E 's/std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >/string/g;
               s/nlohmann::json_abi_v3_11_2::basic_json<[^>]*>[^ ]*/json/g; s/wegwijzer::(\(anonymous namespace\)::)?//g' \
      | cut -c1-160 | sed -n '1,25p'
  done
fi

# The comparison is only honest when every engine gives the same answers.
node -e '
  const { agreement: a, planning: p } = require(process.argv[1]);
  const bad = Object.entries(a).filter(([, x]) => x.profilesWithStatusMismatch || x.criterion || x.amount);
  if (p.statusMismatch || p.nextMismatch) bad.push(["wasm core (partial profiles)"]);
  if (bad.length) { console.error("bench.sh: engines disagree: " + bad.map(([n]) => n).join(", ")); process.exit(1); }
' "$PWD/$out/js.json"
