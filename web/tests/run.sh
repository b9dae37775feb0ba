#!/usr/bin/env bash
# Builds dist/ and runs the widget's browser tests in Debian's Chromium.
# scripts/test.sh calls this; on its own: bash web/tests/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
# playwright-core (package-lock.json) needs Node.js 20 or newer; Debian
# bookworm's own nodejs is 18. Say so plainly instead of failing obscurely.
node_major=$(node -p 'process.versions.node.split(".")[0]')
if (( node_major < 20 )); then
  echo "web/tests/run.sh: the browser tests need Node.js 20 or newer; this machine has $(node --version)." >&2
  echo "Install a newer nodejs (Debian trixie, or the NodeSource repository) and run again." >&2
  exit 1
fi
scripts/build-web.sh
# The core with its test entry points, for the conformance suites in
# Chromium (web/tests/conformance.test.mjs); never part of dist/.
cmake --build --preset wasm -j "$(nproc)" --target wegwijzer_webtest >/dev/null
npm run --silent test:web
