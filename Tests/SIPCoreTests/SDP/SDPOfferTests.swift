import SIPCore
import Testing

@Suite("Offering and reading answers (RFC 3264 §5, §7)")
struct SDPOfferTests {
    static let local = MediaAddress(host: "192.0.2.10", port: 30000)

    static func offer(
        _ capabilities: AudioCapabilities = AudioCapabilities(),
        direction: MediaDirection = .sendrecv
    ) -> SessionDescription {
        SDPOfferAnswer(capabilities: capabilities)
            .makeOffer(local: local, sessionID: 5000, sessionVersion: 5001, direction: direction)
    }

    @Test func offersEveryCodecWithEventsAtEachClockRate() throws {
        let text = Self.offer().serialized()
        #expect(text == RealPhoneSDP.crlf([
            "v=0",
            "o=- 5000 5001 IN IP4 192.0.2.10",
            "s=-",
            "c=IN IP4 192.0.2.10",
            "t=0 0",
            "m=audio 30000 RTP/AVP 96 9 0 8 97 98",
            "a=rtpmap:96 opus/48000/2",
            "a=rtpmap:9 G722/8000",
            "a=rtpmap:0 PCMU/8000",
            "a=rtpmap:8 PCMA/8000",
            "a=rtpmap:97 telephone-event/48000",
            "a=fmtp:97 0-16",
            "a=rtpmap:98 telephone-event/8000",
            "a=fmtp:98 0-16",
            "a=ptime:20",
            "a=sendrecv",
        ]))
        #expect(try SessionDescription(parsing: text) == Self.offer())
    }

    @Test func holdOfferIsSendonlyAndIPv6Works() {
        let offer = SDPOfferAnswer(capabilities: AudioCapabilities(codecs: [.pcmu], telephoneEvent: false))
            .makeOffer(local: MediaAddress(host: "2001:db8::1", port: 4000), sessionID: 1, sessionVersion: 2, direction: .sendonly)
        #expect(offer.serialized() == RealPhoneSDP.crlf([
            "v=0",
            "o=- 1 2 IN IP6 2001:db8::1",
            "s=-",
            "c=IN IP6 2001:db8::1",
            "t=0 0",
            "m=audio 4000 RTP/AVP 0",
            "a=rtpmap:0 PCMU/8000",
            "a=ptime:20",
            "a=sendonly",
        ]))
    }

    @Test func acceptsAnAnswerAtTheAnswerersPayloadTypes() throws {
        // A phone answering our offer with Opus and 8 kHz events, 40 ms packets.
        let answer = try SessionDescription(parsing: RealPhoneSDP.crlf([
            "v=0",
            "o=- 3489503453 3489503454 IN IP4 192.168.1.31",
            "s=-",
            "c=IN IP4 192.168.1.31",
            "t=0 0",
            "m=audio 10374 RTP/AVP 96 98",
            "a=rtpmap:96 opus/48000/2",
            "a=fmtp:96 stereo=1",
            "a=rtpmap:98 telephone-event/8000",
            "a=ptime:40",
            "a=sendrecv",
        ]))
        let audio = try SDPOfferAnswer(capabilities: AudioCapabilities()).acceptAnswer(answer, toOffer: Self.offer())
        #expect(audio == NegotiatedAudio(
            codec: .opus,
            payloadType: 96,
            rtpClockRate: 48000,
            sampleRate: 48000,
            channels: 2,
            ptime: 40,
            remote: MediaAddress(host: "192.168.1.31", port: 10374),
            direction: .sendrecv,
            telephoneEvent: NegotiatedTelephoneEvent(payloadType: 98, clockRate: 8000),
            formatParameters: "stereo=1"
        ))
    }

    @Test func answerDirectionBoundsOurs() throws {
        let recvonlyAnswer = try SessionDescription(parsing: RealPhoneSDP.crlf([
            "v=0", "o=- 1 1 IN IP4 10.1.1.1", "s=-", "c=IN IP4 10.1.1.1", "t=0 0",
            "m=audio 7000 RTP/AVP 0", "a=recvonly",
        ]))
        let negotiator = SDPOfferAnswer(capabilities: AudioCapabilities())
        #expect(try negotiator.acceptAnswer(recvonlyAnswer, toOffer: Self.offer()).direction == .sendonly)
        #expect(try negotiator.acceptAnswer(recvonlyAnswer, toOffer: Self.offer(direction: .sendonly)).direction == .sendonly)
        #expect(try negotiator.acceptAnswer(recvonlyAnswer, toOffer: Self.offer(direction: .recvonly)).direction == .inactive)
        // Without a=ptime in the answer, our own offered ptime applies.
        #expect(try negotiator.acceptAnswer(recvonlyAnswer, toOffer: Self.offer()).ptime == 20)
    }

    @Test func refusesAnAnswerWithACodecWeDidNotOffer() throws {
        let offer = Self.offer(AudioCapabilities(codecs: [.pcmu]))
        let answer = try SessionDescription(parsing: RealPhoneSDP.crlf([
            "v=0", "o=- 1 1 IN IP4 10.1.1.1", "s=-", "c=IN IP4 10.1.1.1", "t=0 0",
            "m=audio 7000 RTP/AVP 8 9", "a=rtpmap:8 PCMA/8000",
        ]))
        let error = try #require(throws: SDPNegotiationError.self) {
            try SDPOfferAnswer(capabilities: AudioCapabilities()).acceptAnswer(answer, toOffer: offer)
        }
        #expect(error.code == .unofferedCodec)
        #expect(error.sipStatusCode == nil)
    }

    @Test func refusesRejectedOrMismatchedAnswers() throws {
        let negotiator = SDPOfferAnswer(capabilities: AudioCapabilities())
        let rejected = try SessionDescription(parsing: RealPhoneSDP.crlf([
            "v=0", "o=- 1 1 IN IP4 10.1.1.1", "s=-", "c=IN IP4 10.1.1.1", "t=0 0",
            "m=audio 0 RTP/AVP 0",
        ]))
        let rejectedError = try #require(throws: SDPNegotiationError.self) {
            try negotiator.acceptAnswer(rejected, toOffer: Self.offer())
        }
        #expect(rejectedError.code == .streamRejected)

        let twoStreams = try SessionDescription(parsing: RealPhoneSDP.crlf([
            "v=0", "o=- 1 1 IN IP4 10.1.1.1", "s=-", "c=IN IP4 10.1.1.1", "t=0 0",
            "m=audio 7000 RTP/AVP 0", "m=video 0 RTP/AVP 96",
        ]))
        let mismatch = try #require(throws: SDPNegotiationError.self) {
            try negotiator.acceptAnswer(twoStreams, toOffer: Self.offer())
        }
        #expect(mismatch.code == .mediaCountMismatch)
    }

    @Test(arguments: [AudioCodec.opus, .g722, .pcmu, .pcma])
    func bothEndsAgreeThroughTheWire(codec: AudioCodec) throws {
        // Parley offering to Parley: the offer and answer go through text, as on the wire.
        let offerer = SDPOfferAnswer(capabilities: AudioCapabilities())
        let answerer = SDPOfferAnswer(capabilities: AudioCapabilities(codecs: [codec]))
        let offer = offerer.makeOffer(local: Self.local, sessionID: 1, sessionVersion: 1)
        let received = try SessionDescription(parsing: offer.serialized())
        let answer = try answerer.makeAnswer(
            to: received,
            local: MediaAddress(host: "192.0.2.20", port: 40000),
            sessionID: 2,
            sessionVersion: 2
        )
        let audio = try offerer.acceptAnswer(SessionDescription(parsing: answer.description.serialized()), toOffer: offer)
        #expect(audio.codec == codec)
        #expect(audio.payloadType == answer.audio.payloadType)
        #expect(audio.telephoneEvent == answer.audio.telephoneEvent)
        #expect(audio.telephoneEvent?.clockRate == codec.rtpClockRate)
        #expect(audio.remote == MediaAddress(host: "192.0.2.20", port: 40000))
        #expect(answer.audio.remote == Self.local)
    }
}
