#!/usr/bin/env bash
# Builds Parley and runs the whole test suite.
#
# The tests run inside a private network namespace that has only a loopback interface, so SIP
# peers cannot pick another interface's address and well-known ports (5060) are free. Where
# network namespaces are not permitted, the suite runs on the shared loopback instead.
set -euo pipefail
cd "$(dirname "$0")/.."

Scripts/install-dependencies.sh test
swift build --build-tests

# Swift Testing runs the suites side by side (a suite marked .serialized keeps its own tests in
# order). Tests wait with SIPTesting's bounded `eventually` and socket reads with deadlines, which
# leave the cooperative threads free, and peers get ephemeral ports, so parallel tests neither
# starve each other's waits nor collide. At most one test case per core runs at a time: the media
# tests check real-time audio (mixer ticks, RTP timeouts, tones heard), and on two cores three or
# more test cases at once (SIPp load, PostgreSQL, Kamailio beside them) left a mixer or a phone
# without the CPU for 100 ms and more (measured: 2 at a time passed in 129 s, 3 in 101 s with a
# beep missed, the library's default in 114 s with mixer ticks missed and a call's RTP timed out).
export SWT_EXPERIMENTAL_MAXIMUM_PARALLELIZATION_WIDTH="${SWT_EXPERIMENTAL_MAXIMUM_PARALLELIZATION_WIDTH:-$(nproc)}"
test_options=(--skip-build)

namespace="parley-test-$$"
if ip netns add "$namespace" 2>/dev/null; then
    trap 'ip netns del "$namespace" 2>/dev/null || true' EXIT
    ip netns exec "$namespace" ip link set lo up
    echo "Running the tests in the private network namespace $namespace"
    ip netns exec "$namespace" swift test "${test_options[@]}"
else
    echo "Network namespaces are not permitted here: running the tests on the shared loopback"
    swift test "${test_options[@]}"
fi
