import SIPCore
import SIPTesting
import Testing

/// A forked outgoing call on the wire (RFC 3261 §13.2.2.4): a raw UDP peer answers one INVITE
/// with 2xx from two forks and retransmits the first. The manager ACKs every 2xx — the
/// retransmission too, which the transaction layer passes up after the first (RFC 6026 §7.2) —
/// keeps the first fork and ends the second with BYE.
struct InviteSessionForkingTests {
    static func okay(to invite: SIPMessage, tag: String, port: Int) throws -> [UInt8] {
        var response = SIPMessage(
            responseTo: invite, statusCode: 200,
            body: Array(try SessionTestMessages.sdp(host: "127.0.0.1").serialized().utf8), contentType: "application/sdp")
        response.to.tag = tag
        response.contacts = [SIPNameAddress(uri: SIPURI(user: tag, host: "127.0.0.1", port: port))]
        return response.serialized()
    }

    @Test func secondForkIsAcknowledgedAndHungUp() async throws {
        let (manager, address) = try await InviteSessionManagerTests.manager()
        let peer = try TestUDPSocket()
        let call = try await manager.invite(
            to: SIPNameAddress(uri: SIPURI(user: "bob", host: "127.0.0.1", port: peer.port)),
            from: SIPNameAddress(uri: SIPURI(user: "conf", host: "127.0.0.1")),
            sdp: try InviteSessionManagerTests.sdp(version: 1, port: 40000))
        let received = try #require(await peer.receive())
        let invite = try SIPMessage(parsing: received.bytes)
        #expect(invite.method == .invite)
        try peer.send(try Self.okay(to: invite, tag: "forkA", port: peer.port), to: "127.0.0.1", port: address.port)
        try peer.send(try Self.okay(to: invite, tag: "forkB", port: peer.port), to: "127.0.0.1", port: address.port)
        try peer.send(try Self.okay(to: invite, tag: "forkA", port: peer.port), to: "127.0.0.1", port: address.port)
        let messages = try await peer.receiveAll(window: .milliseconds(400)).map { try SIPMessage(parsing: $0) }
        let acks = messages.filter { $0.method == .ack }.map { $0.to.tag ?? "" }
        #expect(acks.sorted() == ["forkA", "forkA", "forkB"])
        let byes = messages.filter { $0.method == .bye }
        #expect(!byes.isEmpty)
        #expect(byes.allSatisfy { $0.to.tag == "forkB" && $0.requestURI?.user == "forkB" })
        let session = try #require(await call.session())
        #expect(session.state == .confirmed)
        #expect(session.dialog?.id.remoteTag == "forkA")
        await manager.shutdown()
    }
}
