import Foundation

extension Process {
    /// Ends the process if it still runs: SIGTERM, then SIGKILL when it is still there after
    /// `grace`, so a peer that ignores SIGTERM cannot outlive its test.
    func terminate(grace: Duration) {
        guard isRunning else { return }
        terminate()
        let deadline = ContinuousClock.now + grace
        while isRunning, ContinuousClock.now < deadline {
            Thread.sleep(forTimeInterval: 0.02)
        }
        if isRunning { kill(processIdentifier, SIGKILL) }
    }
}
