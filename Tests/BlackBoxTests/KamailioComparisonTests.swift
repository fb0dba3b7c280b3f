import SIPTesting
import Testing

/// The product rule for `parley-imc`: where it and a real Kamailio 5.6 imc differ on anything a
/// client sees, Kamailio wins unless the imc spec lists the difference as a Kamailio bug Parley
/// fixes (specs/imc.md §17, IMCCommands' table). This suite runs one scripted session against
/// both and requires every user agent's transcript to be identical.
///
/// No documented fix shows in this script: the fixed bugs (B3, B5–B12, B15, B22) concern memory
/// safety, persistence, the RPC statistic, `#modify` or over-long URIs, none of which these steps
/// reach, so any difference found here is one to report, not to excuse.
@Suite(.serialized) struct KamailioComparisonTests {
    @Test func sameSessionSameTranscriptAsKamailio() async throws {
        let script = KamailioComparisonScript()
        let kamailio = try await KamailioServer()
        let reference = try await script.run(serverPort: kamailio.port)
        kamailio.stop()
        let parley = try await IMCServer()
        let candidate = try await script.run(serverPort: parley.port)
        parley.process.stop()

        // The reference run must have worked, or equality would prove nothing.
        #expect(reference.statuses["alice"]?.first?.hasSuffix("-> 200") == true, "alice registered with Kamailio")
        #expect(reference.received["alice"]?.first?.body == "*** Room was created", "Kamailio delivered imc's messages")
        #expect(reference.received.values.map(\.count).reduce(0, +) >= 20)

        let differences = reference.differences(from: candidate)
        #expect(differences.isEmpty, "parley-imc differs from Kamailio 5.6 imc:\n\(differences.joined(separator: "\n"))")
    }
}
