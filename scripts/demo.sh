#!/usr/bin/env bash
# Shows the product working: builds the widget into dist/ (WebAssembly core,
# module script, signed rules, demo pages) and serves it on
# http://127.0.0.1:8080 under the strict Content-Security-Policy.
# Installs what is missing first. Stop with Ctrl-C.
# The command-line demo is scripts/demo-cli.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build-web.sh
echo
echo "Open http://127.0.0.1:8080/ (the article page), /en.html (English), /iframe-demo.html (the iframe variant)."
exec node scripts/serve.mjs --port "${PORT:-8080}"
