#!/usr/bin/env bash
# Installs the Debian packages the build and the tests need, if missing.
# Usage: scripts/install-deps.sh   (uses sudo when not run as root)
set -euo pipefail

packages=(cmake g++ make libgtest-dev nlohmann-json3-dev libssl-dev python3)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi

sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
echo "Installing Debian packages: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
