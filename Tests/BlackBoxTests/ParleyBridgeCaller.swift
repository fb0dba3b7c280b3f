import Foundation
import MediaTesting
import NIOPosix
import SIPCore
import SIPTesting

/// A phone calling `parley-bridge`: SIPCore's own INVITE sessions for the signalling and an
/// ``RTPTestPeer`` for the media (PCMU, a tone, RFC 4733 digits), all on 127.0.0.1.
final class ParleyBridgeCaller {
    /// The media of the call: the first peer, or the one a re-offer moved the call to.
    private(set) var peer: RTPTestPeer
    private let manager: InviteSessionManager
    private var call: InviteCall?
    /// How the call ended, once ``waitUntilEnded(timeout:)`` has seen it end.
    private var endReason: InviteSessionEndReason?

    /// The user part of the caller's From URI.
    let name: String
    /// Whether the caller offers RFC 4733 telephone events; a phone without them dials in-band.
    private let offersTelephoneEvents: Bool

    /// A caller named `name` that sends a tone of `toneFrequency` Hz (or silence).
    init(name: String = "tester", toneFrequency: Double?, offersTelephoneEvents: Bool = true) async throws {
        self.name = name
        self.offersTelephoneEvents = offersTelephoneEvents
        manager = InviteSessionManager(
            configuration: .init(endpoint: .init(listenAddresses: [try SIPTransportAddress(.udp, host: "127.0.0.1", port: 0)])),
            eventLoop: MultiThreadedEventLoopGroup.singleton.next())
        _ = try await manager.start()
        // SDPOfferAnswer numbers the telephone-event after PCMU from 96 on (RFC 3551 §6).
        peer = try RTPTestPeer(codec: .pcmu, toneFrequency: toneFrequency, telephoneEventPayloadType: 96)
    }

    /// Calls `user`@127.0.0.1:`port` and starts the media once the bridge answers.
    func dial(user: String, port: Int, headers: [SIPHeaderField] = []) async throws {
        let negotiator = SDPOfferAnswer(capabilities: AudioCapabilities(codecs: [.pcmu], telephoneEvent: offersTelephoneEvents))
        let offer = negotiator.makeOffer(
            local: MediaAddress(host: "127.0.0.1", port: UInt16(peer.localPort)), sessionID: 1, sessionVersion: 1)
        let call = try await manager.invite(
            to: SIPNameAddress(uri: SIPURI(user: user, host: "127.0.0.1", port: port)),
            from: SIPNameAddress(uri: SIPURI(user: name, host: "127.0.0.1")), sdp: offer, headers: headers)
        self.call = call
        let event = try await eventually("the bridge to answer the call to \(user)", within: .seconds(10), firstOf: call.events) {
            switch $0 {
            case .answerReceived, .terminated: true
            default: false
            }
        }
        switch event {
        case .answerReceived(let answer):
            let audio = try negotiator.acceptAnswer(answer, toOffer: offer)
            peer.start(sendingTo: Int(audio.remote.port))
        case .terminated(let reason):
            throw TestSocketError("call ended before it was answered: \(reason)")
        default:
            break
        }
    }

    /// Re-offers the call (a re-INVITE, RFC 3264 §8) with `direction`, and with media from
    /// `newPeer` in its codec when one is given; returns the bridge's answer once it arrives.
    @discardableResult
    func reoffer(direction: MediaDirection = .sendrecv, movingTo newPeer: RTPTestPeer? = nil, version: UInt64) async throws
        -> NegotiatedAudio
    {
        guard let call else { throw TestSocketError("no call to re-offer") }
        let media = newPeer ?? peer
        let negotiator = SDPOfferAnswer(capabilities: AudioCapabilities(codecs: [AudioCodec(rawValue: media.codec.rawValue) ?? .pcmu]))
        let offer = negotiator.makeOffer(
            local: MediaAddress(host: "127.0.0.1", port: UInt16(media.localPort)), sessionID: 1, sessionVersion: version,
            direction: direction)
        call.modify(sdp: offer)
        let event = try await eventually("the bridge to answer the re-offer", within: .seconds(10), firstOf: call.events) {
            switch $0 {
            case .answerReceived, .offerRejected, .terminated: true
            default: false
            }
        }
        switch event {
        case .answerReceived(let answer):
            let audio = try negotiator.acceptAnswer(answer, toOffer: offer)
            if let newPeer {
                peer.stop()
                peer = newPeer
                newPeer.start(sendingTo: Int(audio.remote.port))
            }
            return audio
        case .offerRejected(let statusCode):
            throw TestSocketError("the bridge refused the re-offer with \(statusCode)")
        case .terminated(let reason):
            throw TestSocketError("call ended during the re-offer: \(reason)")
        default:
            throw TestSocketError("unexpected event \(event) during the re-offer")
        }
    }

    /// Waits (up to `timeout`) until the call ends; returns how, or `nil` if it did not.
    func waitUntilEnded(timeout: Duration) async -> InviteSessionEndReason? {
        guard let call else { return nil }
        let ended = try? await eventually("the call to end", within: timeout, firstOf: call.events) {
            if case .terminated = $0 { true } else { false }
        }
        if case .terminated(let reason) = ended {
            endReason = reason
            return reason
        }
        return nil
    }

    /// Sends BYE and waits (at most 5 s) until it is answered, so that the bridge has the BYE
    /// before ``shutdown()`` closes the socket that would retransmit it; does nothing when the
    /// call has ended already.
    func hangUpAndWait() async {
        guard let call, endReason == nil else { return }
        call.hangUp()
        _ = await waitUntilEnded(timeout: .seconds(5))
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
