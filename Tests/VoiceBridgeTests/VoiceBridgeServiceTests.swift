import ConferenceModel
import Foundation
import Logging
import MediaMixer
import MediaTesting
import NIOPosix
import SIPCore
import SIPTesting
import ServiceLifecycle
import Testing
import VoiceBridge

/// ``VoiceBridgeService`` embedded in a test's own `ServiceGroup`, over real loopback sockets: two
/// phones made of SIPCore's INVITE sessions and RTP test peers join a room and hear each other,
/// the room directory shows them, and graceful shutdown hangs both up.
@Suite struct VoiceBridgeServiceTests {
    /// The repository's 8 kHz prompt set.
    static let prompts = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Prompts/8000").standardizedFileURL.path

    /// A phone: its own SIP endpoint and an RTP peer streaming a tone.
    struct Phone {
        let manager: InviteSessionManager
        let peer: RTPTestPeer
        let call: InviteCall

        static func dial(room: String, port: Int, tone: Double) async throws -> Phone {
            let manager = InviteSessionManager(
                configuration: .init(endpoint: .init(listenAddresses: [try SIPTransportAddress(.udp, host: "127.0.0.1", port: 0)])),
                eventLoop: MultiThreadedEventLoopGroup.singleton.next())
            _ = try await manager.start()
            let peer = try RTPTestPeer(codec: .pcmu, toneFrequency: tone)
            let negotiator = SDPOfferAnswer(capabilities: AudioCapabilities(codecs: [.pcmu]))
            let offer = negotiator.makeOffer(
                local: MediaAddress(host: "127.0.0.1", port: UInt16(peer.localPort)), sessionID: 1, sessionVersion: 1)
            let call = try await manager.invite(
                to: SIPNameAddress(uri: SIPURI(user: "77" + room, host: "127.0.0.1", port: port)),
                from: SIPNameAddress(uri: SIPURI(user: "phone", host: "127.0.0.1")), sdp: offer)
            let answer = try await eventually("the bridge to answer", firstOf: call.events) { event in
                if case .answerReceived = event { true } else if case .terminated = event { true } else { false }
            }
            guard case .answerReceived(let description) = answer else { throw TestSocketError("the bridge refused the call: \(answer)") }
            peer.start(sendingTo: Int(try negotiator.acceptAnswer(description, toOffer: offer).remote.port))
            return Phone(manager: manager, peer: peer, call: call)
        }
    }

    @Test func phonesInARoomHearEachOtherAndGracefulShutdownHangsThemUp() async throws {
        let logger = Logger(label: "voice-bridge-test")
        let registry = VoiceRoomRegistry(policy: VoiceRoomPolicy())
        let firstPort = 40000 + Int.random(in: 0..<500) * 20
        let (listening, listened) = AsyncStream.makeStream(of: [SIPTransportAddress].self)
        let bridge = VoiceBridgeService(
            configuration: VoiceBridgeConfiguration(
                listenAddresses: [try SIPTransportAddress(.udp, host: "127.0.0.1", port: 0)], mediaHost: "127.0.0.1",
                rtpAddress: "127.0.0.1", rtpPorts: firstPort...(firstPort + 19), codecs: [.pcmu], roomRate: 8000,
                roomSelection: try RoomSelectionSettings(directRoomRegex: "^77", directRoomStrip: 2), promptsDirectory: Self.prompts),
            registry: registry, logger: logger, onListening: { listened.yield($0) })
        let group = ServiceGroup(services: [bridge], logger: logger)
        let running = Task { try await group.run() }
        let addresses = try await eventually("the bridge to listen", firstOf: listening) { _ in true }
        let port = try #require(addresses.first?.port)

        let low = try await Phone.dial(room: "4711", port: port, tone: 440)
        let high = try await Phone.dial(room: "4711", port: port, tone: 1000)
        try await eventually("both phones Connected in room 4711") {
            await registry.update { directory, _ in directory.rooms["4711"]?.participants.count { $0.status == .connected } } == 2
        }
        #expect(await bridge.activeCallCount() == 2)
        let detector = GoertzelDetector(sampleRate: 8000)
        try await eventually("each phone to hear the other's tone and not its own") {
            let heardByLow = low.peer.receivedAudio(last: .milliseconds(200))
            let heardByHigh = high.peer.receivedAudio(last: .milliseconds(200))
            return detector.relativePower(of: 1000, in: heardByLow) > 0.5 && detector.relativePower(of: 440, in: heardByLow) < 0.05
                && detector.relativePower(of: 440, in: heardByHigh) > 0.5 && detector.relativePower(of: 1000, in: heardByHigh) < 0.05
        }

        await group.triggerGracefulShutdown()
        for phone in [low, high] {
            let end = try await eventually("the bridge's BYE", firstOf: phone.call.events) { event in
                if case .terminated = event { true } else { false }
            }
            #expect(end == .terminated(.remoteHangUp))
            phone.peer.stop()
            await phone.manager.shutdown()
        }
        try await running.value
        let statistics = await registry.update { directory, _ in directory.statistics }
        #expect(statistics.total == 2)
        #expect(statistics.failed == 0)
    }
}
