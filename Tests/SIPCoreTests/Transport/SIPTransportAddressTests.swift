import SIPCore
import Testing

@Suite struct SIPTransportAddressTests {
    @Test func parsesIPv4AndBracketedIPv6() throws {
        let v4 = try SIPTransportAddress(.udp, hostPort: "127.0.0.1:5060")
        #expect(v4.host == "127.0.0.1" && v4.port == 5060 && v4.transport == .udp)
        let v6 = try SIPTransportAddress(.tcp, hostPort: "[::1]:5070")
        #expect(v6.host == "::1" && v6.port == 5070 && v6.description == "tcp:[::1]:5070")
    }

    @Test(arguments: ["127.0.0.1", "127.0.0.1:70000", "127.0.0.1:x", "example.com:5060", "[::1]"])
    func refusesWhatIsNotANumericHostAndPort(_ text: String) {
        #expect(throws: SIPTransportError.self) { try SIPTransportAddress(.udp, hostPort: text) }
    }
}
