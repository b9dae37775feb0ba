#!/usr/bin/env bash
# Builds the widget into dist/: the WebAssembly core, the one module script,
# the styles, the iframe page, the signed demo bundles, the built-in
# (fallback) bundle, the trust root, the demo pages, the course pages and the
# kiosk page; the shipped scripts and styles minified. Installs what is
# missing first (scripts/install-deps.sh: Debian packages incl. emscripten,
# Node.js only if there is none, `npm ci` from the committed lock file).
#
# Usage: scripts/build-web.sh
# Environment:
#   WEGWIJZER_RULESET     the ruleset built in as fallback and shown by the demo
#                         (default: opleidingsincentives when its bundle is
#                         built, else example)
#   WEGWIJZER_TRUST_ROOT  the trust root compiled into the widget
#                         (default: the development one, rules/keys/dev-only-trust-root.json)
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh

# Runs a build step quietly; shows its output only when it fails.
quiet() {
  local log
  log=$(mktemp)
  if ! "$@" >"$log" 2>&1; then cat "$log" >&2; rm -f "$log"; echo "build-web.sh: failed: $*" >&2; exit 1; fi
  rm -f "$log"
}

jobs=$(nproc)
echo "== wasm: the rule core as WebAssembly"
quiet cmake --preset wasm
quiet cmake --build --preset wasm -j "$jobs" --target wegwijzer_web
echo "== release: the signed demo bundles"
quiet cmake --preset release
quiet cmake --build --preset release -j "$jobs" --target demo_bundles

bundles=build/release/bundles
ruleset=${WEGWIJZER_RULESET:-}
if [[ -z $ruleset ]]; then
  if [[ -f $bundles/opleidingsincentives.dsse.json ]]; then ruleset=opleidingsincentives; else ruleset=example; fi
fi
[[ -f $bundles/$ruleset.dsse.json ]] || { echo "build-web.sh: no bundle $bundles/$ruleset.dsse.json" >&2; exit 1; }
trust_root=${WEGWIJZER_TRUST_ROOT:-rules/keys/dev-only-trust-root.json}

echo "== dist/: ruleset \"$ruleset\", trust root $trust_root"
# Assemble next to dist/ and swap at the end: a failed build leaves the old dist/.
out=dist.new
rm -rf "$out"
mkdir -p "$out/bundles"
# The core's files and the built-in rules under content-hashed names: a
# server may cache them for a year (docs/serving.md); a new build has new
# names. assets.json says which (for the tests and tools; the guide has them
# compiled in).
# The shipped code is minified (esbuild, web/tools/minify.mjs; the sources
# in web/ stay readable); the glue before its name is taken from its bytes.
hashed() { echo "$2.$(sha256sum "$1" | cut -c1-12).$3"; }
cp build/wasm/wasm/wegwijzer.mjs "$out/wegwijzer.mjs"
node web/tools/minify.mjs "$out/wegwijzer.mjs" >/dev/null
glue=$(hashed "$out/wegwijzer.mjs" wegwijzer mjs)
mv "$out/wegwijzer.mjs" "$out/$glue"
wasm=$(hashed build/wasm/wasm/wegwijzer.wasm wegwijzer wasm)
fallback=$(hashed "$bundles/$ruleset.dsse.json" fallback dsse.json)
cp build/wasm/wasm/wegwijzer.wasm "$out/$wasm"
printf '{"glue": "%s", "wasm": "%s", "fallback": "%s"}\n' "$glue" "$wasm" "$fallback" > "$out/assets.json"
cp web/iframe/iframe.html web/iframe/iframe.js web/iframe/iframe.css "$out/"
cp "$bundles"/*.dsse.json "$out/bundles/"
cp "$bundles/$ruleset.dsse.json" "$out/$fallback"
cp "$trust_root" "$out/trust-root.json"
# The article pages (web/demo/pages.mjs) in the shell all demo pages share.
node web/tools/demo-pages.mjs "$ruleset" "$out" >/dev/null
cp web/demo/*.css web/demo/*.js web/demo/*.svg "$out/"
# The built-in rules' first question: in the code, shown before the core has
# loaded; and as plain text in the demo pages, for a person without JavaScript.
node web/tools/first-screen.mjs "rules/$ruleset/ruleset.json" build/release/cli/wegwijzer "$out/first-screen.json" \
  "$out/index.html" "$out/en.html" >/dev/null
node web/tools/bundle.mjs web/wegwijzer-guide.js "$trust_root" "$ruleset" "$out/wegwijzer-guide.js" "$out/first-screen.json" \
  "$out/assets.json" >/dev/null
rm "$out/first-screen.json"
# The course pages (a course listing and one page per course, from
# web/demo/courses.json) and the kiosk page with its service worker. The
# worker's build id is a hash of the files it caches: a changed dist/ gives a
# new worker, and the kiosks take the new code at their next start.
node web/tools/course-pages.mjs web/demo/courses.json "$ruleset" "$out" >/dev/null
sed "s/@RULESET_ID@/$ruleset/g" web/kiosk/kiosk.html > "$out/kiosk.html"
cp web/kiosk/kiosk.css web/kiosk/kiosk.js "$out/"
# The rest of the shipped code is minified too (the glue above).
node web/tools/minify.mjs "$out/wegwijzer-guide.js" "$out/iframe.js" "$out/iframe.css" "$out/kiosk.js" "$out/kiosk.css" >/dev/null
build_id=$(cd "$out" && cat kiosk.html kiosk.css kiosk.js favicon.svg wegwijzer-guide.js \
  "$glue" "$wasm" "$fallback" | sha256sum | cut -c1-16)
sed -e "s/@BUILD_ID@/$build_id/" -e "s/@GLUE@/$glue/" -e "s/@WASM@/$wasm/" -e "s/@FALLBACK@/$fallback/" \
  web/kiosk/kiosk-sw.js > "$out/kiosk-sw.js"
node web/tools/minify.mjs --script "$out/kiosk-sw.js" >/dev/null
# The first question into the article pages' HTML, as the guide renders it
# (a declarative shadow root: it paints before any script), and its style's
# hash for the CSP in csp.json (web/tools/prerender.mjs; headless Chromium).
quiet node web/tools/prerender.mjs "$out" "$out/index.html" "$out/en.html"
# Brotli and gzip copies of every text and wasm file, served by
# Accept-Encoding (scripts/serve.mjs; docs/serving.md for production).
node web/tools/compress.mjs "$out" >/dev/null
rm -rf dist
mv "$out" dist

scripts/size-report.sh
echo "dist/ is ready; serve it with: node scripts/serve.mjs   (http://127.0.0.1:8080/)"
