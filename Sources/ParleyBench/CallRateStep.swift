/// One step of the call set-up measurement: `calls` short calls offered at `rate` per second.
struct CallRateStep {
    /// Offered call set-ups per second.
    let rate: Int
    /// Calls offered.
    let calls: Int
    /// SIPp's outcome (exit status, successful and failed calls).
    let sipp: SIPpRunOutcome
    /// How long each call streamed between its ACK and its BYE.
    let talk: Duration
    /// CPU seconds the bridge used during the step.
    let bridgeCPUSeconds: Double
    /// CPU seconds SIPp used (it shares the two cores with the bridge).
    let sippCPUSeconds: Double

    /// Every call offered was set up and ended with a `200` to its BYE, and at (nearly) the rate
    /// offered: SIPp caps the calls in progress, so a bridge that answers late makes SIPp place
    /// fewer calls per second without any failing.
    var succeeded: Bool {
        sipp.exitStatus == 0 && (sipp.failed ?? 0) == 0 && sipp.answered == calls && achievedRate >= 0.9 * Double(rate)
    }

    /// The set-up rate actually achieved, estimated as the calls over SIPp's run time less one
    /// call's talk time (the last call still talks after the last INVITE): below `rate` when SIPp
    /// or the bridge fell behind; slightly low, since SIPp's start and the last answer count too.
    var achievedRate: Double {
        Double(calls) / max(0.001, (sipp.elapsed - talk) / .seconds(1))
    }

    /// The bridge's CPU per call, in microseconds.
    var bridgeCPUPerCallMicroseconds: Double { bridgeCPUSeconds * 1e6 / Double(calls) }

    /// One line for people.
    var summary: String {
        let achieved = BenchmarkReport.format(achievedRate, fractionDigits: 1)
        return "\(rate) CPS offered (\(achieved) achieved): \(sipp.answered ?? -1) of \(calls) calls succeeded, "
            + "\(sipp.failed ?? -1) failed, SIPp exit \(sipp.exitStatus); bridge CPU "
            + "\(BenchmarkReport.format(bridgeCPUSeconds, fractionDigits: 2)) s "
            + "(\(Int(bridgeCPUPerCallMicroseconds.rounded())) µs per call), SIPp CPU "
            + "\(BenchmarkReport.format(sippCPUSeconds, fractionDigits: 2)) s" + (succeeded ? "" : " — FAILED")
    }
}
