#!/usr/bin/env bash
# Runs every saved finding in fuzz/regressions/<target>/ once through its
# target; fails when any of them crashes, hangs or breaks an invariant.
#
# Usage: fuzz/run_regressions.sh [--bin-dir DIR] [TARGET...]
#
# The targets come from, in this order:
#   --bin-dir DIR     binaries DIR/fuzz_<name> (libFuzzer or replay builds);
#   build/fuzz/       the libFuzzer build of scripts/fuzz.sh, when it exists;
#   build/fuzz-replay otherwise: configured and built here with the default
#                     C++ compiler (g++ is fine), replay.cpp as main(), with
#                     ASan+UBSan (WEGWIJZER_FUZZ_SANITIZE=OFF in the
#                     environment builds without them).
set -euo pipefail
cd "$(dirname "$0")/.."

bin_dir=""
targets=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --bin-dir) bin_dir=$2; shift 2 ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) targets+=("$1"); shift ;;
  esac
done
[[ ${#targets[@]} -gt 0 ]] || targets=(fuzz_bundle fuzz_ruleset fuzz_expression fuzz_answers)

have_all() {
  local dir=$1 t
  for t in "${targets[@]}"; do [[ -x "$dir/$t" ]] || return 1; done
}

if [[ -z "$bin_dir" ]]; then
  if have_all build/fuzz; then
    bin_dir=build/fuzz
  else
    bin_dir=build/fuzz-replay
    echo "== building the replay drivers in $bin_dir"
    cmake -S fuzz -B "$bin_dir" -DWEGWIJZER_FUZZ_REPLAY=ON \
          -DWEGWIJZER_FUZZ_SANITIZE="${WEGWIJZER_FUZZ_SANITIZE:-ON}" >/dev/null
    cmake --build "$bin_dir" -j "$(nproc)" >/dev/null
  fi
fi

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1:abort_on_error=1}"
shopt -s nullglob
failed=0
ran=0
for t in "${targets[@]}"; do
  inputs=()
  for f in fuzz/regressions/"$t"/*; do
    name=$(basename "$f")
    [[ -f "$f" && "$name" != README* && "$name" != .* ]] && inputs+=("$f")
  done
  [[ ${#inputs[@]} -gt 0 ]] || continue
  for f in "${inputs[@]}"; do
    ran=$((ran + 1))
    log=$(mktemp)
    status=0
    { timeout 300 "$bin_dir/$t" -timeout=60 -rss_limit_mb=2048 "$f" >"$log" 2>&1 || status=$?; } 2>/dev/null
    if [[ $status -eq 0 ]]; then
      echo "ok    $t $f"
    else
      failed=$((failed + 1))
      echo "FAIL  $t $f (exit $status)"
      grep -m2 -E "ERROR:|runtime error:|invariant violated|TIMEOUT|Timeout" "$log" | sed -E 's/^==[0-9]+== ?//; s/^/      /' || true
      perl -ne 'if (/^\s+#\d+ 0x[0-9a-f]+ in (.*) (\S*core\/src\/\S+)$/) { my ($f, $l) = ($1, $2); $f =~ s/\(anonymous namespace\)::|\[abi:cxx11\]//g; $f =~ s/\(.*$//; $l =~ s/^.*core\/src\//core\/src\//; print "$f $l\n" }' "$log" | head -4 | sed 's/^/      at /' || true
    fi
    rm -f "$log"
  done
done
echo "== regressions: $ran input(s), $failed failed (binaries: $bin_dir)"
[[ $failed -eq 0 ]]
