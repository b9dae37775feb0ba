#!/usr/bin/env bash
# Runs every test. Installs what is missing first.
#  1. native: GoogleTest (core, the conformance suites of CertLogic and of
#     the Wegwijzer dialect, rule cases, bundles), the command end to end,
#     WebCrypto agreement (debug build);
#  2. the same under AddressSanitizer + UndefinedBehaviorSanitizer;
#  3. WebAssembly: rule cases and the conformance suites through wasm in
#     Node, compared with the native results; the widget's interview module
#     (web/src/interview.js) with the real core in Node;
#  4. the widget in Chromium, and the conformance suites there too.
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

echo "== wasm: build"
cmake --preset wasm >/dev/null
cmake --build --preset wasm -j "$jobs"
echo "== wasm: parity with the native build"
node tests/wasm/parity.mjs build/wasm/wasm build/debug/cli/wegwijzer
echo "== wasm: the widget's interview module with the real core"
node --test tests/wasm/interview.test.mjs tests/wasm/keys.test.mjs tests/wasm/limits.test.mjs tests/wasm/contract.test.mjs

if [[ -f web/tests/run.sh ]]; then
  echo "== widget: build dist/ and test in Chromium"
  bash web/tests/run.sh
fi
echo "== all tests passed"
