#!/usr/bin/env bash
# Installs what the build and the tests need, if missing: Debian packages
# (apt-get; sudo when not root) and the npm packages of package-lock.json.
# Given package names, installs just those Debian packages if missing (the
# fuzzer's and the benchmarks' own; the one place that runs apt-get).
# Usage: scripts/install-deps.sh [DEBIAN_PACKAGE...]
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ $# -gt 0 ]]; then
  packages=("$@")
else
  packages=(cmake g++ make libgtest-dev nlohmann-json3-dev libssl-dev python3 python3-jsonschema emscripten chromium)
  # Node.js: any recent one will do (this machine may carry its own); Debian's otherwise.
  command -v node >/dev/null 2>&1 || packages+=(nodejs)
  command -v npm >/dev/null 2>&1 || packages+=(npm)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [[ ${#missing[@]} -gt 0 ]]; then
  sudo=""
  if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
  echo "Installing Debian packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# npm packages, exactly as locked (only when the lock changed since the last install).
if [[ $# -eq 0 && -f package-lock.json ]]; then
  if [[ ! -f node_modules/.package-lock.json ]] || ! cmp -s package-lock.json node_modules/.lock-installed 2>/dev/null; then
    echo "Installing npm packages (npm ci)"
    npm ci --no-audit --no-fund --loglevel=error
    cp package-lock.json node_modules/.lock-installed
  fi
fi
