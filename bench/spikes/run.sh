#!/usr/bin/env bash
# Spikes for decisions not taken yet (issue 13): measurements only, not part
# of the product or of CI. Prints three markdown tables:
#   1. reading the real ruleset and signed bundle: nlohmann/json's reader
#      against RapidJSON's (natively and in wasm under Node);
#   2. the wasm a program carries to read and write JSON with each;
#   3. the JavaScript glue of an embind binding against plain C exports.
# Needs: emscripten, nlohmann-json3-dev, npm ci (esbuild), rapidjson-dev (apt-get install -y
# rapidjson-dev; only these spikes use it), and the release bundle
# (cmake --preset release && cmake --build --preset release).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
ruleset="$repo/rules/opleidingsincentives/ruleset.json"
bundle="$repo/build/release/bundles/opleidingsincentives.dsse.json"
for need in /usr/include/rapidjson/reader.h /usr/include/nlohmann/json.hpp "$bundle"; do
  [[ -e $need ]] || { echo "run.sh: $need is missing (see the comment at the top of this script)" >&2; exit 2; }
done
command -v em++ > /dev/null || { echo "run.sh: em++ is missing (apt-get install -y emscripten)" >&2; exit 2; }
export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# Only these two folders of /usr/include: the whole of it would pull glibc's
# headers into Emscripten's sysroot (as core/CMakeLists.txt says).
mkdir "$out/include"
ln -s /usr/include/nlohmann "$out/include/nlohmann"
ln -s /usr/include/rapidjson "$out/include/rapidjson"
inc=(-std=c++17 -DJSON_NOEXCEPTION -I"$out/include" -I"$here")

echo "1. Reading (median of 30 reads after one)"
echo
echo "natively (g++ -O2):"
echo
g++ -O2 "${inc[@]}" "$here/reader_speed.cpp" -o "$out/speed"
"$out/speed" "$ruleset" "$bundle"
echo
echo "wasm under Node (em++ -O3, as core/src/json.cpp is built):"
echo
em++ -O3 -fno-exceptions "${inc[@]}" "$here/reader_speed.cpp" -o "$out/speed.js" -sENVIRONMENT=node -sNODERAWFS=1 -sALLOW_MEMORY_GROWTH=1
node --no-experimental-fetch "$out/speed.js" "$ruleset" "$bundle"

size_row() {  # name wasm [js]
  local w g
  w=$(stat -c %s "$2"); g=$(gzip -9c "$2" | wc -c)
  if [[ $# -gt 2 ]]; then
    printf '| %s | %s | %s | %s | %s |\n' "$1" "$w" "$g" "$(stat -c %s "$3")" "$(gzip -9c "$3" | wc -c)"
  else
    printf '| %s | %s | %s |\n' "$1" "$w" "$g"
  fi
}

echo
echo "2. The wasm of a program that reads JSON and writes it back (-Oz, as the browser build)"
echo
echo "| reader | wasm (B) | gzip (B) |"
echo "|---|---|---|"
for r in nlohmann rapidjson; do
  em++ -Oz -flto -fno-rtti -fno-exceptions "${inc[@]}" "$here/reader_size_$r.cpp" -o "$out/size_$r.js" \
    -sMALLOC=emmalloc -sFILESYSTEM=0 -sEXPORTED_FUNCTIONS=_readAndWrite,_malloc
  size_row "$r" "$out/size_$r.wasm"
done

echo
echo "3. A binding's glue, with the link options of wasm/CMakeLists.txt (browser build; the glue minified as"
echo "   scripts/build-web.sh does, web/tools/minify.mjs)"
echo
echo "| binding | wasm (B) | gzip (B) | glue (B) | gzip (B) |"
echo "|---|---|---|---|---|"
link=(-Oz -flto -fno-rtti -DEMSCRIPTEN_HAS_UNBOUND_TYPE_NAMES=0 -fno-exceptions -sMODULARIZE=1 -sFILESYSTEM=0 -sMALLOC=emmalloc
  -sDYNAMIC_EXECUTION=0 -sALLOW_MEMORY_GROWTH=1 -sEXPORT_NAME=createWegwijzer -sEXPORT_ES6=1 -sENVIRONMENT=web -sTEXTDECODER=2
  "-sINCOMING_MODULE_JS_API=['locateFile','print','instantiateWasm']")
em++ "${link[@]}" --bind "$here/binding_embind.cpp" -o "$out/embind.mjs"
node "$repo/web/tools/minify.mjs" "$out/embind.mjs" > /dev/null
size_row embind "$out/embind.wasm" "$out/embind.mjs"
em++ "${link[@]}" "$here/binding_c.cpp" -o "$out/c.mjs" \
  -sEXPORTED_FUNCTIONS=_session_new,_session_delete,_session_call,_session_length,_malloc,_free \
  -sEXPORTED_RUNTIME_METHODS=UTF8ToString,stringToUTF8,lengthBytesUTF8
node "$repo/web/tools/minify.mjs" "$out/c.mjs" > /dev/null
size_row "C exports" "$out/c.wasm" "$out/c.mjs"
