import MediaMixer
import SIPCore
import Testing
import VoiceBridge

/// ``MediaStreamMapping``: what offer/answer agreed, as the media engine's stream settings.
@Suite struct MediaStreamMappingTests {
    static let mapping = MediaStreamMapping(localAddress: "127.0.0.1", adaptivePlayout: true, mediaTimeout: .seconds(300))

    static func audio(
        _ codec: AudioCodec, clockRate: Int, channels: Int = 1, direction: MediaDirection = .sendrecv,
        telephoneEvent: NegotiatedTelephoneEvent? = nil
    ) -> NegotiatedAudio {
        NegotiatedAudio(
            codec: codec, payloadType: 0, rtpClockRate: clockRate, sampleRate: clockRate, channels: channels, ptime: 20,
            remote: MediaAddress(host: "192.0.2.10", port: 4000), direction: direction, telephoneEvent: telephoneEvent,
            formatParameters: nil)
    }

    @Test(arguments: [(AudioCodec.pcmu, 8000, AudioCodecKind.pcmu), (.pcma, 8000, .pcma), (.g722, 8000, .g722), (.opus, 48000, .opus)])
    func everyNegotiableCodecHasTheEnginesOwn(codec: AudioCodec, clockRate: Int, expected: AudioCodecKind) throws {
        #expect(try MediaStreamMapping.codec(for: Self.audio(codec, clockRate: clockRate)) == expected)
    }

    @Test func opusAskedForInStereoIsMixedInMono() throws {
        #expect(try MediaStreamMapping.codec(for: Self.audio(.opus, clockRate: 48000, channels: 2)) == .opus)
    }

    @Test func aClockRateTheCodecDoesNotHaveIsRefusedWith488() {
        let error = #expect(throws: UnmappableMediaError.self) {
            try MediaStreamMapping.codec(for: Self.audio(.pcmu, clockRate: 16000))
        }
        #expect(error?.reason == "clock rate 16000, expected 8000")
        #expect(UnmappableMediaError.statusCode == 488)
    }

    @Test func aStereoG711StreamIsRefused() {
        #expect(throws: UnmappableMediaError.self) {
            try MediaStreamMapping.codec(for: Self.audio(.pcma, clockRate: 8000, channels: 2))
        }
    }

    /// The negotiated direction is the bridge's own: `recvonly` when the peer put the call on
    /// hold with `sendonly`.
    @Test func aHeldCallHasNoTimeoutAndSendsOnlyWhenThePeerReceives() throws {
        let held = try Self.mapping.settings(for: Self.audio(.pcmu, clockRate: 8000, direction: .recvonly), localPort: 20000, listensForKeys: false)
        #expect(held.mediaTimeout == nil)
        #expect(!held.sendsMedia, "the peer only sends")
        let muted = try Self.mapping.settings(for: Self.audio(.pcmu, clockRate: 8000, direction: .sendonly), localPort: 20000, listensForKeys: false)
        #expect(muted.mediaTimeout == nil, "a peer that sends nothing is not timed out")
        #expect(muted.sendsMedia)
        let talking = try Self.mapping.settings(for: Self.audio(.pcmu, clockRate: 8000), localPort: 20000, listensForKeys: false)
        #expect(talking.mediaTimeout == .seconds(300))
        #expect(talking.sendsMedia)
        #expect(talking.remoteAddress == "192.0.2.10")
        #expect(talking.remotePort == 4000)
        #expect(talking.localAddress == "127.0.0.1")
        #expect(talking.localPort == 20000)
    }

    @Test func inBandKeysAreListenedForOnlyWithoutTelephoneEvents() throws {
        let plain = try Self.mapping.settings(for: Self.audio(.pcmu, clockRate: 8000), localPort: 20000, listensForKeys: true)
        #expect(plain.detectsInBandDTMF)
        let events = try Self.mapping.settings(
            for: Self.audio(.pcmu, clockRate: 8000, telephoneEvent: NegotiatedTelephoneEvent(payloadType: 101, clockRate: 8000)),
            localPort: 20000, listensForKeys: true)
        #expect(!events.detectsInBandDTMF)
        #expect(events.telephoneEventPayloadType == 101)
        let inRoom = try Self.mapping.settings(for: Self.audio(.pcmu, clockRate: 8000), localPort: 20000, listensForKeys: false)
        #expect(!inRoom.detectsInBandDTMF, "keys are ignored in the conference (spec §7.1)")
    }

    /// A G.722 phone's offer through SIPCore's negotiator and the mapping: the engine runs G.722.
    @Test func aRealOfferNegotiatesToTheEnginesStream() throws {
        let offer = try SessionDescription(
            parsing: """
                v=0\r
                o=phone 1 1 IN IP4 192.0.2.20\r
                s=-\r
                c=IN IP4 192.0.2.20\r
                t=0 0\r
                m=audio 5004 RTP/AVP 9 0 101\r
                a=rtpmap:9 G722/8000\r
                a=rtpmap:0 PCMU/8000\r
                a=rtpmap:101 telephone-event/8000\r
                a=sendrecv\r

                """)
        let negotiator = SDPOfferAnswer(capabilities: AudioCapabilities(codecs: [.g722, .pcmu]))
        let answer = try negotiator.makeAnswer(
            to: offer, local: MediaAddress(host: "127.0.0.1", port: 20000), sessionID: 1, sessionVersion: 1)
        let stream = try Self.mapping.settings(for: answer.audio, localPort: 20000, listensForKeys: true)
        #expect(stream.codec == .g722)
        #expect(stream.payloadType == 9)
        #expect(stream.remoteAddress == "192.0.2.20")
        #expect(stream.remotePort == 5004)
        #expect(stream.telephoneEventPayloadType == 101)
    }
}
