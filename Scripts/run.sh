#!/usr/bin/env bash
# Builds and starts Parley's main job: parley-bridge, the SIP voice conference bridge.
# Defaults: SIP on UDP 127.0.0.1:5060, RTP ports 20000-30000, XML-RPC control on 127.0.0.1:8090,
# the rooms, admin PINs, invitations and call statistics in an SQLite file ./parley.sqlite, and the
# repository's prompt set.
# Extra arguments are passed on to parley-bridge (see Docs/Bridge.md), e.g.
#   Scripts/run.sh --config Examples/parley-bridge.yaml
#   Scripts/run.sh --sip udp:0.0.0.0:5060 --webconference-conf /etc/sems/etc/webconference.conf
set -euo pipefail
cd "$(dirname "$0")/.."

Scripts/install-dependencies.sh build
swift build -c release --product parley-bridge
if [ "$#" -eq 0 ]; then
    set -- --sip udp:127.0.0.1:5060 --rtp-ports 20000-30000 --xmlrpc 127.0.0.1:8090 --db ./parley.sqlite
fi
exec .build/release/parley-bridge "$@"
