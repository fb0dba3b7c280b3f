import SIPTesting
import Testing

/// `sip-echo-server` driven by a real, independent SIP implementation: SIPp plays each scenario
/// under `Scenarios/` as the client over UDP and over TCP, checks the responses and their
/// headers, and exits 0 only when every call went as the scenario says.
@Suite(.serialized) struct SIPpEchoServerTests {
    /// Each scenario and the server options it needs.
    static let scenarios: [String: [String]] = [
        "options": [],
        "message": [],
        "register": [],
        // SIPp 3.6 answers only the first challenge and only with MD5; RFC 8760's SHA-256-first
        // order makes it give up ("authentication must use MD5 or AKAv1-MD5").
        "register-auth": ["--user", "alice:secret", "--realm", "parley", "--digest-algorithm", "md5"],
        "invite-busy": [],
    ]

    @Test(arguments: scenarios.keys.sorted(), SIPpTransport.allCases)
    func scenarioSucceeds(_ scenario: String, over transport: SIPpTransport) async throws {
        let sipp = try SIPp()
        let server = try await EchoServer(tcp: true, extraArguments: Self.scenarios[scenario]!)
        let port = transport == .udp ? server.udpPort : server.tcpPort
        let run = try await sipp.run(scenario, port: port, transport: transport)
        // Bound first so a failure prints the report below rather than every field of `run`.
        let succeeded = run.allCallsSucceeded
        #expect(succeeded, "\(scenario) over \(transport.testDescription)\n\(run.report(server: server))")
        #expect(run.successfulCalls == 1)
        #expect(server.process.isRunning)
    }

    /// 500 OPTIONS at 200 per second, up to 50 outstanding: every one is answered in time.
    @Test(arguments: SIPpTransport.allCases)
    func fiveHundredOptionsAllSucceed(over transport: SIPpTransport) async throws {
        let sipp = try SIPp()
        let server = try await EchoServer(tcp: true)
        let port = transport == .udp ? server.udpPort : server.tcpPort
        let run = try await sipp.run("options", port: port, transport: transport, calls: 500, rate: 200, limit: 50)
        let succeeded = run.allCallsSucceeded
        #expect(succeeded, "load over \(transport.testDescription)\n\(run.report(server: server))")
        #expect(run.successfulCalls == 500)
        #expect(server.process.isRunning)
    }

    /// Without SIPp on PATH the suite fails and says what to install; it never passes unheard.
    @Test func missingSIPpIsReportedWithItsInstallHint() {
        let hint = "run Scripts/test.sh, which installs sip-tester"
        let error = #expect(throws: ExternalPeer.Failure.self) {
            try ExternalPeer(named: "sipp", installHint: hint, searchPath: "/nonexistent/bin")
        }
        #expect(error?.description.hasPrefix("sipp not installed") == true)
        #expect(error?.description.hasSuffix(hint) == true)
    }
}
