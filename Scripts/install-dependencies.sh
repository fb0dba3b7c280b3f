#!/usr/bin/env bash
# Installs the Debian packages Parley needs, only when some are missing.
#   Scripts/install-dependencies.sh build   C libraries the package links against
#   Scripts/install-dependencies.sh test    the above plus the real peers the tests drive
set -euo pipefail

build_packages=(libosip2-dev libortp-dev libopus-dev libspeexdsp-dev libspandsp-dev libsndfile1-dev pkg-config)
test_packages=(sip-tester baresip espeak-ng python3-websockets iproute2 curl python3 sqlite3 postgresql kamailio kamailio-sqlite-modules kamailio-postgres-modules)

packages=("${build_packages[@]}")
if [ "${1:-build}" = "test" ]; then
    packages+=("${test_packages[@]}")
fi

missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

if [ "${#missing[@]}" -gt 0 ]; then
    echo "Installing Debian packages: ${missing[*]}"
    sudo_prefix=()
    [ "$(id -u)" -ne 0 ] && sudo_prefix=(sudo)
    "${sudo_prefix[@]}" apt-get update
    DEBIAN_FRONTEND=noninteractive "${sudo_prefix[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
fi
