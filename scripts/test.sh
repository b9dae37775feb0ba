#!/usr/bin/env bash
# Runs every test: the native suite (GoogleTest, CertLogic conformance, rule
# cases, the command end to end), then the same suite under AddressSanitizer
# and UndefinedBehaviorSanitizer. Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh

jobs=$(nproc)
for preset in debug asan; do
  echo "== $preset: configure and build"
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset" -j "$jobs"
  echo "== $preset: test"
  ctest --preset "$preset" -j "$jobs"
done
echo "== all tests passed"
