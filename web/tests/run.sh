#!/usr/bin/env bash
# Builds dist/ and runs the widget's browser tests in Debian's Chromium.
# scripts/test.sh calls this; on its own: bash web/tests/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
scripts/build-web.sh
npm run --silent test:web
