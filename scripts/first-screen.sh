#!/usr/bin/env bash
# The first screen as people meet it: the time to the first question on an
# emulated mid-range phone (4x CPU, 1.6 Mbit/s, 150 ms) and on an
# unthrottled desktop, against a static page with the same question, with the
# bytes transferred, the sequential round trips and the layout shift
# (bench/first-screen.mjs). Builds dist/ first (and installs what it needs).
# The table is printed and written to bench/out/first-screen.md.
#
# Usage: scripts/first-screen.sh [RUNS]   (default 5; each run is a fresh context)
# A measurement, not a test: on a busy machine the figures move.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build-web.sh >/dev/null
node bench/first-screen.mjs --runs "${1:-5}"
