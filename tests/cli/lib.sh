# Shared by the command's end-to-end tests: run a command, compare its exit
# code, look for text in its output. Sourced; expects $work and $failures.

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
