import ArgumentParser
import SIPCore

/// `parley-bench sip-parse`: how fast one core turns SIP bytes into ``SIPMessage``s and back, how
/// many heap allocations a parse costs, and how fast the server transaction table finds requests.
///
/// The reference is raw libosip2 (`osip_message_parse` + `osip_message_to_str`): about 310 000
/// MESSAGE round trips per second per core on the project's build machine; the goal for the whole
/// model is 250 000. `Docs/Performance.md` records the figures.
struct SIPParseBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sip-parse",
        abstract: "SIP parse, serialise and round-trip rates, allocations per parse, transaction table rate."
    )

    @OptionGroup var options: BenchmarkOptions

    @Option(help: "Parses over which allocations are counted (default: --iterations, else 10000).")
    var allocationRuns: Int?

    @Option(help: "Distinct requests (server transactions) in the transaction table measurement.")
    var transactions: Int = 10_000

    func validate() throws {
        if let allocationRuns, allocationRuns <= 0 { throw ValidationError("--allocation-runs must be positive") }
        guard transactions > 0 else { throw ValidationError("--transactions must be positive") }
    }

    func run() throws {
        guard AllocationCounter.isInterposing else {
            // The loader bound malloc to libc's before the interposer's (see Docs/Performance.md).
            print("malloc-interposer does not see this process's allocations; run with "
                + "LD_PRELOAD=<build dir>/libMallocInterposerSwift.so")
            throw ExitCode.failure
        }
        let messageBytes = SampleSIPMessages.message
        let inviteBytes = SampleSIPMessages.invite
        let message = try SIPMessage(parsing: messageBytes)
        let invite = try SIPMessage(parsing: inviteBytes)
        describe("MESSAGE", bytes: messageBytes, parsed: message)
        describe("INVITE", bytes: inviteBytes, parsed: invite)

        let meter = options.rateMeter
        var report = BenchmarkReport()

        let messageParse = try meter.measure { try SIPMessage(parsing: messageBytes).benchmarkChecksum }
        print("MESSAGE parse+model:   \(messageParse.summary)")
        report.add("message_parse_per_s", perSecond: messageParse.perSecond)

        let inviteParse = try meter.measure { try SIPMessage(parsing: inviteBytes).benchmarkChecksum }
        print("INVITE parse+model:    \(inviteParse.summary)")
        report.add("invite_parse_per_s", perSecond: inviteParse.perSecond)

        let messageSerialize = meter.measure { Self.serializedChecksum(message) }
        print("MESSAGE serialise:     \(messageSerialize.summary)")
        report.add("message_serialize_per_s", perSecond: messageSerialize.perSecond)

        let inviteSerialize = meter.measure { Self.serializedChecksum(invite) }
        print("INVITE serialise:      \(inviteSerialize.summary)")
        report.add("invite_serialize_per_s", perSecond: inviteSerialize.perSecond)

        let roundTrip = try meter.measure { try Self.serializedChecksum(SIPMessage(parsing: messageBytes)) }
        print("MESSAGE round trip:    \(roundTrip.summary)")
        report.add("message_roundtrip_per_s", perSecond: roundTrip.perSecond)

        let runs = allocationRuns ?? options.iterations ?? 10_000
        let messageAllocations = try AllocationCounter.allocationsPerRun(runs: runs) {
            try SIPMessage(parsing: messageBytes).benchmarkChecksum
        }
        print("MESSAGE parse allocations: \(format(messageAllocations)) over \(runs) parses")
        report.add("allocations_per_message_parse", ratio: messageAllocations.perRun)

        let inviteAllocations = try AllocationCounter.allocationsPerRun(runs: runs) {
            try SIPMessage(parsing: inviteBytes).benchmarkChecksum
        }
        print("INVITE parse allocations:  \(format(inviteAllocations)) over \(runs) parses")
        report.add("allocations_per_invite_parse", ratio: inviteAllocations.perRun)

        let tableCPUShare = try measureTransactionTable(template: message, meter: meter, report: &report)
        let cpuShares = [messageParse, inviteParse, messageSerialize, inviteSerialize, roundTrip].map(\.cpuShare)
        report.add("min_cpu_share", ratio: min(tableCPUShare, cpuShares.min() ?? 1))
        print(report.line)
    }

    /// Insert, lookup and remove of `transactions` server transactions keyed by
    /// ``TransactionKey/server(for:)`` (RFC 3261 §17.2.3); one operation is one key's insert + lookup
    /// (+ the remove that keeps the table's size steady from pass to pass). Returns the CPU share
    /// of the timed passes.
    private func measureTransactionTable(
        template: SIPMessage, meter: RateMeter, report: inout BenchmarkReport
    ) throws -> Double {
        let workload = try TransactionTableWorkload(count: transactions, template: template)
        var table = TransactionTable<ServerNonInviteTransaction>(minimumCapacity: transactions)
        let passes = meter.measure { workload.insertLookupRemove(in: &table) }
        let perSecond = passes.perSecond * Double(transactions)
        print("Transaction table, \(transactions) keys, passes: \(passes.summary)")
        print("Transaction table insert+lookup+remove: \(Int(perSecond.rounded()))/s "
            + "(\(BenchmarkReport.format(1e9 / perSecond, fractionDigits: 1)) ns per key)")
        report.add("transaction_insert_lookup_per_s", perSecond: perSecond)

        let allocations = AllocationCounter.allocationsPerRun(runs: 10) { workload.insertLookupRemove(in: &table) }
        let perKey = allocations.perRun / Double(transactions)
        print("Transaction table allocations: \(BenchmarkReport.format(perKey, fractionDigits: 2)) per key "
            + "(checksum \(allocations.checksum))")
        report.add("allocations_per_transaction_insert_lookup", ratio: perKey)
        return passes.cpuShare
    }

    /// The serialised bytes folded into a number, so serialising cannot be optimised away.
    private static func serializedChecksum(_ message: SIPMessage) -> Int {
        let bytes = message.serialized()
        return bytes.count &+ Int(bytes[bytes.count / 2])
    }

    private func describe(_ name: String, bytes: [UInt8], parsed: SIPMessage) {
        let identical = parsed.serialized() == bytes ? "byte-identical" : "NOT byte-identical"
        print("\(name): \(bytes.count) bytes, \(parsed.headers.count) header lines, \(parsed.body.count)-byte body; "
            + "serialises back \(identical)")
    }

    private func format(_ allocations: (perRun: Double, checksum: Int)) -> String {
        "\(BenchmarkReport.format(allocations.perRun, fractionDigits: 2)) per parse (checksum \(allocations.checksum))"
    }
}
