#!/usr/bin/env bash
# Builds and starts Parley's main job. Today that is sip-echo-server, the SIPCore example,
# listening on UDP and TCP 127.0.0.1:5060; extra arguments are passed on to it.
set -euo pipefail
cd "$(dirname "$0")/.."

Scripts/install-dependencies.sh build
swift build -c release --product sip-echo-server
if [ "$#" -eq 0 ]; then
    set -- --listen 127.0.0.1:5060 --tcp
fi
exec .build/release/sip-echo-server "$@"
