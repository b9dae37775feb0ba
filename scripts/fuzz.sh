#!/usr/bin/env bash
# Fuzzes the rule core with libFuzzer (clang-14, ASan + UBSan): the bundle
# parser and trust policy, the ruleset loader, the expression compiler and
# evaluator, and the evaluator on fuzzed answers (fuzz/README.md).
#
# Usage: scripts/fuzz.sh [SECONDS_PER_TARGET]       (default 300)
#
# Environment:
#   FUZZ_TARGETS="fuzz_bundle fuzz_ruleset"  only these targets (default: all four)
#   FUZZ_KEEP_GOING=0   stop a target at its first finding (default 1: libFuzzer's
#                       -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1,
#                       one worker process, so a finding does not end the run)
#   FUZZ_NO_BUNDLE_BUILD=1  never build the signed demo bundles (the seeds then
#                       still hold envelopes made around every ruleset)
#
# Steps: installs what is missing (apt-get), builds build/fuzz, writes the seed
# corpora (build/fuzz/seeds/<target>, from rules/, the signed bundles in
# build/*/bundles/ and the CertLogic suites), runs the targets one after the
# other (never in parallel) keeping their corpus in build/fuzz/corpus/<target>
# and their findings in build/fuzz/findings/<target>/ (each replayed once, its
# report beside it as <file>.log), prints executions, exec/s, coverage and
# findings per target, then runs every input in fuzz/regressions/<target>/
# once through its target.
#
# Exit status: 0 when there is no new finding and every regression input runs
# clean; 1 otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

seconds=${1:-300}
if ! [[ "$seconds" =~ ^[0-9]+$ ]]; then
  echo "usage: scripts/fuzz.sh [SECONDS_PER_TARGET]" >&2
  exit 2
fi
targets=(${FUZZ_TARGETS:-fuzz_bundle fuzz_ruleset fuzz_expression fuzz_answers})
keep_going=${FUZZ_KEEP_GOING:-1}
build=build/fuzz

# ---------------------------------------------------------------- packages
scripts/install-deps.sh clang-14 libclang-rt-14-dev cmake make nlohmann-json3-dev python3

# ------------------------------------------------------------------- build
echo "== build: $build (clang++-14, -fsanitize=fuzzer,address,undefined)"
cmake -S fuzz -B "$build" -DCMAKE_CXX_COMPILER=clang++-14 >/dev/null
cmake --build "$build" -j 2 -- --no-print-directory >/dev/null

# ------------------------------------------------------------------- seeds
shopt -s nullglob
bundles=(build/*/bundles/*.dsse.json)
if [[ ${#bundles[@]} -eq 0 && "${FUZZ_NO_BUNDLE_BUILD:-0}" != 1 ]]; then
  echo "== no signed bundles yet: building them (release preset, target demo_bundles)"
  if cmake --preset release >/dev/null && cmake --build --preset release --target demo_bundles >/dev/null; then
    bundles=(build/*/bundles/*.dsse.json)
  else
    echo "   (could not build them; the seeds hold envelopes made around every ruleset instead)"
  fi
fi
echo "== seeds: build/fuzz/seeds (${#bundles[@]} signed bundle(s))"
rm -rf "$build/seeds"
python3 fuzz/make_seeds.py "$build/seeds" "${bundles[@]}"

# --------------------------------------------------------------------- run
declare -A max_len=([fuzz_bundle]=1048576 [fuzz_ruleset]=1048576 [fuzz_expression]=65536 [fuzz_answers]=65536)
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1:abort_on_error=1}"
mkdir -p "$build/logs"
summary=()
new_findings=0

# Replays one finding, keeps the report beside it and prints a one-line gist:
# the error and the first frames in core/.
describe() {
  local target=$1 file=$2
  local log="$file.log"
  [[ -f "$log" ]] || { timeout 120 "$build/$target" -timeout=30 -rss_limit_mb=2048 "$file" >"$log" 2>&1 || true; } 2>/dev/null
  local what frames
  what=$(grep -m1 -E "ERROR: (AddressSanitizer|libFuzzer|LeakSanitizer)|runtime error:|invariant violated|ALARM|Timeout|out-of-memory" "$log" |
         sed -E 's/^==[0-9]+==//; s/^ +//' | cut -c1-160 || true)
  frames=$(perl -ne 'if (/^\s+#\d+ 0x[0-9a-f]+ in (.*) (\S*core\/src\/\S+)$/) { my ($f, $l) = ($1, $2); $f =~ s/\(anonymous namespace\)::|\[abi:cxx11\]//g; $f =~ s/\(.*$//; $l =~ s/^.*core\/src\//core\/src\//; print "$f $l\n" }' "$log" | head -3 | tr '\n' ';' || true)
  echo "    $(basename "$file"): ${what:-see $log}"
  [[ -n "$frames" ]] && echo "      core frames: $frames"
  return 0
}

for target in "${targets[@]}"; do
  corpus="$build/corpus/$target"
  findings="$build/findings/$target"
  log="$build/logs/$target.log"
  mkdir -p "$corpus" "$findings"
  stamp=$(mktemp)
  flags=(-max_total_time="$seconds" -max_len="${max_len[$target]}" -rss_limit_mb=2048 -timeout=10
         -dict=fuzz/json.dict -artifact_prefix="$findings/" -print_final_stats=1 -print_funcs=0)
  if [[ "$keep_going" == 1 ]]; then
    flags+=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
  fi
  echo "== $target: fuzzing for ${seconds}s (log: $log)"
  start=$(date +%s)
  set +e
  "$build/$target" "${flags[@]}" "$corpus" "$build/seeds/$target" >"$log" 2>&1
  status=$?
  set -e
  elapsed=$(( $(date +%s) - start ))

  # Executions and coverage: the last status line ("#N ... cov: C ft: F ...").
  line=$(grep -E "^#[0-9]+:? +(cov|DONE|pulse|NEW|REDUCE|INITED|RELOAD)|^#[0-9]+: cov:" "$log" | tail -1 || true)
  execs=$(sed -E 's/^#([0-9]+).*/\1/' <<<"$line")
  cov=$(grep -oE 'cov: [0-9]+' <<<"$line" | grep -oE '[0-9]+' || true)
  ft=$(grep -oE 'ft: [0-9]+' <<<"$line" | grep -oE '[0-9]+' || true)
  units=$(grep -oE 'stat::number_of_executed_units: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+$' || true)
  [[ -n "$units" && "$keep_going" != 1 ]] && execs=$units
  execs=${execs:-0}
  rate=$(( elapsed > 0 ? execs / elapsed : execs ))
  corp=$(find "$corpus" -type f | wc -l)

  found=()
  for f in "$findings"/crash-* "$findings"/leak-* "$findings"/timeout-* "$findings"/oom-* "$findings"/slow-unit-*; do
    [[ "$f" == *.log ]] && continue
    [[ "$f" -nt "$stamp" ]] && found+=("$f")
  done
  rm -f "$stamp"
  new_findings=$(( new_findings + ${#found[@]} ))
  printf -v row "%-16s %6ss  executions %-10s exec/s %-6s cov %-5s ft %-6s corpus %-5s findings %s (exit %s)" \
    "$target" "$elapsed" "$execs" "$rate" "${cov:-?}" "${ft:-?}" "$corp" "${#found[@]}" "$status"
  summary+=("$row")
  echo "$row"
  for f in "${found[@]}"; do describe "$target" "$f"; done
done

echo
echo "== summary (${seconds}s per target)"
printf '%s\n' "${summary[@]}"

# ------------------------------------------------------------- regressions
echo
echo "== regressions: every input in fuzz/regressions/<target>/, once"
regressions_ok=1
fuzz/run_regressions.sh --bin-dir "$build" || regressions_ok=0

if [[ $new_findings -gt 0 ]]; then
  echo "== $new_findings new finding(s): see build/fuzz/findings/<target>/ (each with its .log)"
fi
if [[ $new_findings -gt 0 || $regressions_ok -eq 0 ]]; then exit 1; fi
echo "== no finding"
