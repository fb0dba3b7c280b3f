/// One step of the call set-up measurement: `calls` short calls offered at `rate` per second.
struct CallRateStep {
    /// Offered call set-ups per second.
    let rate: Int
    /// Calls offered.
    let calls: Int
    /// SIPp's outcome (exit status, successful and failed calls).
    let sipp: SIPpRunOutcome
    /// The rate SIPp actually achieved (its cumulative "Call Rate"), when it printed one: below
    /// `rate` when SIPp itself could not keep up.
    let achievedRate: Double?
    /// CPU seconds the bridge used during the step.
    let bridgeCPUSeconds: Double

    /// Every call offered was set up and ended with a `200` to its BYE.
    var succeeded: Bool {
        sipp.exitStatus == 0 && (sipp.failed ?? 0) == 0 && sipp.answered == calls
    }

    /// The bridge's CPU per call, in microseconds.
    var bridgeCPUPerCallMicroseconds: Double { bridgeCPUSeconds * 1e6 / Double(calls) }

    /// One line for people.
    var summary: String {
        let achieved = achievedRate.map { BenchmarkReport.format($0, fractionDigits: 1) } ?? "?"
        return "\(rate) CPS offered (\(achieved) achieved): \(sipp.answered ?? -1) of \(calls) calls succeeded, "
            + "\(sipp.failed ?? -1) failed, SIPp exit \(sipp.exitStatus); bridge CPU "
            + "\(BenchmarkReport.format(bridgeCPUSeconds, fractionDigits: 2)) s "
            + "(\(Int(bridgeCPUPerCallMicroseconds.rounded())) µs per call)" + (succeeded ? "" : " — FAILED")
    }

    /// SIPp's cumulative call rate from its final statistics screen
    /// (`  Call Rate   |   99.990 cps   |  100.005 cps`): the last figure before `cps`.
    static func callRate(in output: String) -> Double? {
        guard let line = output.split(separator: "\n").last(where: { $0.contains("Call Rate") }) else { return nil }
        let words = line.split(whereSeparator: { $0 == " " || $0 == "|" })
        guard let unit = words.lastIndex(of: "cps"), unit > words.startIndex else { return nil }
        return Double(words[words.index(before: unit)])
    }
}
