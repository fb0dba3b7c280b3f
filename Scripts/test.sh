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

# One test at a time: the black-box tests start servers, SIPp and Python and wait for them, and on
# two cores suites running side by side starve each other's waits (a whole run takes under 3 minutes).
test_options=(--skip-build --no-parallel)

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
