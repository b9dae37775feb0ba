# Shared by the command's end-to-end tests, sourced first by each: the
# opening (the command as $1 in $wegwijzer, a scratch folder $work removed on
# exit, $failures), then: run a command, compare its exit code, look for text
# in its output.
set -euo pipefail
wegwijzer=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

# check NAME EXPECTED_RC COMMAND...: runs COMMAND, compares its exit code.
check() {
  local name=$1 expected=$2 rc=0
  shift 2
  "$@" >"$work/out" 2>"$work/err" || rc=$?
  if [[ $rc -ne $expected ]]; then
    echo "FAIL $name: exit $rc, expected $expected"; cat "$work/out" "$work/err"; failures=$((failures + 1))
  else
    echo "ok   $name"
  fi
}

# contains out|err TEXT: the last command's stdout or stderr holds TEXT.
contains() {
  if ! grep -qF -- "$2" "$work/$1"; then echo "FAIL: $1 lacks '$2'"; cat "$work/$1"; failures=$((failures + 1)); fi
}
