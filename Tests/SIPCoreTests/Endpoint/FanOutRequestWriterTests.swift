import NIOCore
import Testing

@testable import SIPCore

/// A fan-out copy is byte for byte the request ``SIPMessage`` builds and serialises for the same
/// target and identifiers.
@Suite struct FanOutRequestWriterTests {
    @Test func copyIsTheSerialisedRequest() throws {
        var fanOut = SIPRequestFanOut(
            method: .message, from: try SIPURI(parsing: "sip:chat-1@imc.test"), sequenceNumber: 10,
            headers: [SIPHeaderField(name: "Content-Type", value: "text/plain"), SIPHeaderField(name: "In-Reply-To", value: "c1")],
            body: Array("[alice]: hello".utf8))
        fanOut.addTarget(try SIPURI(parsing: "sip:bob@127.0.0.1:5080;transport=udp"),
                         destination: try SIPTransportAddress(.udp, host: "127.0.0.1", port: 5080))
        let target = try #require(fanOut.targets.first)
        let writer = FanOutRequestWriter(fanOut, sentBy: "127.0.0.1:5070")
        let written = writer.request(
            to: target.uriText, branch: 0xfeed, tag: 0xab, callID: (1, 0xff), allocator: ByteBufferAllocator())

        var via = SIPVia(transport: "UDP", host: "127.0.0.1", port: 5070, parameters: [
            SIPParameter(name: "branch", value: FanOutRequestWriter.branch(0xfeed)), SIPParameter(name: "rport")])
        via.port = 5070
        let expected = fanOut.request(
            for: target, via: via, tag: "00000000000000ab", callID: "000000000000000100000000000000ff")
        #expect(Array(written.readableBytesView) == expected.serialized())

        let parsed = try SIPMessage(parsing: Array(written.readableBytesView))
        #expect(parsed.requestURI == target.uri)
        #expect(parsed.topVia?.branch == "z9hG4bKp000000000000feed")
        #expect(parsed.from.tag == "00000000000000ab")
        #expect(parsed.body == fanOut.body)
    }
}
