import Foundation
import MediaTesting
import NIOPosix
import SIPCore
import SIPTesting

/// A phone calling `parley-bridge`: SIPCore's own INVITE sessions for the signalling and an
/// ``RTPTestPeer`` for the media (PCMU, a tone, RFC 4733 digits), all on 127.0.0.1.
final class ParleyBridgeCaller {
    let peer: RTPTestPeer
    private let manager: InviteSessionManager
    private var call: InviteCall?

    /// The user part of the caller's From URI.
    let name: String

    /// A caller named `name` that sends a tone of `toneFrequency` Hz (or silence).
    init(name: String = "tester", toneFrequency: Double?) async throws {
        self.name = name
        manager = InviteSessionManager(
            configuration: .init(endpoint: .init(listenAddresses: [try SIPTransportAddress(.udp, host: "127.0.0.1", port: 0)])),
            eventLoop: MultiThreadedEventLoopGroup.singleton.next())
        _ = try await manager.start()
        // SDPOfferAnswer numbers the telephone-event after PCMU from 96 on (RFC 3551 §6).
        peer = try RTPTestPeer(codec: .pcmu, toneFrequency: toneFrequency, telephoneEventPayloadType: 96)
    }

    /// Calls `user`@127.0.0.1:`port` and starts the media once the bridge answers.
    func dial(user: String, port: Int, headers: [SIPHeaderField] = []) async throws {
        let negotiator = SDPOfferAnswer(capabilities: AudioCapabilities(codecs: [.pcmu]))
        let offer = negotiator.makeOffer(
            local: MediaAddress(host: "127.0.0.1", port: UInt16(peer.localPort)), sessionID: 1, sessionVersion: 1)
        let call = try await manager.invite(
            to: SIPNameAddress(uri: SIPURI(user: user, host: "127.0.0.1", port: port)),
            from: SIPNameAddress(uri: SIPURI(user: name, host: "127.0.0.1")), sdp: offer, headers: headers)
        self.call = call
        for await event in call.events {
            switch event {
            case .answerReceived(let answer):
                let audio = try negotiator.acceptAnswer(answer, toOffer: offer)
                peer.start(sendingTo: Int(audio.remote.port))
                return
            case .terminated(let reason):
                throw TestSocketError("call ended before it was answered: \(reason)")
            default:
                continue
            }
        }
    }

    /// Sends INFO in the call (RFC 6086), e.g. an `application/dtmf-relay` key.
    func sendInfo(contentType: String, body: String) {
        call?.sendInfo(contentType: contentType, body: Array(body.utf8))
    }

    /// Sends BYE.
    func hangUp() {
        call?.hangUp()
    }

    /// Stops the media and closes the SIP socket.
    func shutdown() async {
        peer.stop()
        await manager.shutdown()
    }
}
