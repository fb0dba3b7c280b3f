import SIPCore
import Testing

@Suite("Answering real offers (RFC 3264 §6)")
struct SDPAnswerTests {
    static let local = MediaAddress(host: "10.0.0.5", port: 20000)

    static func answer(
        _ offerText: String,
        capabilities: AudioCapabilities = AudioCapabilities(),
        local: MediaAddress = local
    ) throws -> SDPAnswer {
        let offer = try SessionDescription(parsing: offerText)
        return try SDPOfferAnswer(capabilities: capabilities)
            .makeAnswer(to: offer, local: local, sessionID: 1, sessionVersion: 1)
    }

    @Test func answersSIPpWithPCMAAndItsTelephoneEvent() throws {
        let answer = try Self.answer(RealPhoneSDP.sippUACPcapOffer)
        #expect(answer.audio == NegotiatedAudio(
            codec: .pcma,
            payloadType: 8,
            rtpClockRate: 8000,
            sampleRate: 8000,
            channels: 1,
            ptime: 20,
            remote: MediaAddress(host: "127.0.0.1", port: 6000),
            direction: .sendrecv,
            telephoneEvent: NegotiatedTelephoneEvent(payloadType: 101, clockRate: 8000),
            formatParameters: nil
        ))
        #expect(answer.description.serialized() == RealPhoneSDP.crlf([
            "v=0",
            "o=- 1 1 IN IP4 10.0.0.5",
            "s=-",
            "c=IN IP4 10.0.0.5",
            "t=0 0",
            "m=audio 20000 RTP/AVP 8 101",
            "a=rtpmap:8 PCMA/8000",
            "a=rtpmap:101 telephone-event/8000",
            "a=fmtp:101 0-16",
            "a=ptime:20",
            "a=sendrecv",
        ]))
    }

    @Test func answersBaresipWithOpusInTheOfferersOrder() throws {
        let answer = try Self.answer(RealPhoneSDP.baresipOffer)
        #expect(answer.audio.codec == .opus)
        #expect(answer.audio.payloadType == 96)
        #expect(answer.audio.rtpClockRate == 48000)
        #expect(answer.audio.sampleRate == 48000)
        #expect(answer.audio.channels == 2, "baresip asks for stereo with stereo=1")
        #expect(answer.audio.formatParameters == "stereo=1;sprop-stereo=1")
        #expect(answer.audio.remote == MediaAddress(host: "192.168.1.31", port: 10374))
        // baresip offers events only at 8 kHz: they are still taken alongside Opus.
        #expect(answer.audio.telephoneEvent == NegotiatedTelephoneEvent(payloadType: 101, clockRate: 8000))
        let stream = try #require(answer.description.media.first)
        #expect(stream.formats == ["96", "101"])
        #expect(stream.rtpMap(forPayloadType: 96) == RTPMap(payloadType: 96, encodingName: "opus", clockRate: 48000, channels: 2))
    }

    @Test func localOrderPicksOurFavouriteAmongTheOffered() throws {
        let capabilities = AudioCapabilities(codecs: [.pcma, .g722, .pcmu], codecOrder: .local)
        let answer = try Self.answer(RealPhoneSDP.baresipOffer, capabilities: capabilities)
        #expect(answer.audio.codec == .pcma)
        #expect(answer.audio.payloadType == 8)

        let offererOrder = try Self.answer(
            RealPhoneSDP.baresipOffer,
            capabilities: AudioCapabilities(codecs: [.pcma, .g722, .pcmu])
        )
        #expect(offererOrder.audio.codec == .g722, "G722 comes before PCMU and PCMA in baresip's list")
        #expect(offererOrder.audio.sampleRate == 16000)
        #expect(offererOrder.audio.rtpClockRate == 8000)
    }

    @Test func matchesTelephoneEventToTheCodecClockRate() throws {
        let opus = try Self.answer(RealPhoneSDP.linphoneOffer)
        #expect(opus.audio.codec == .opus)
        #expect(opus.audio.channels == 1, "useinbandfec=1 without stereo=1 means mono")
        #expect(opus.audio.formatParameters == "useinbandfec=1")
        #expect(opus.audio.telephoneEvent == NegotiatedTelephoneEvent(payloadType: 101, clockRate: 48000))
        #expect(opus.description.media[0].formats == ["96", "101"])
        #expect(opus.description.media[0].rtpMap(forPayloadType: 101)?.clockRate == 48000)

        let pcmu = try Self.answer(RealPhoneSDP.linphoneOffer, capabilities: AudioCapabilities(codecs: [.pcmu]))
        #expect(pcmu.audio.codec == .pcmu)
        #expect(pcmu.audio.payloadType == 0)
        #expect(pcmu.audio.telephoneEvent == NegotiatedTelephoneEvent(payloadType: 100, clockRate: 8000))

        let noEvents = try Self.answer(
            RealPhoneSDP.linphoneOffer,
            capabilities: AudioCapabilities(codecs: [.pcmu], telephoneEvent: false)
        )
        #expect(noEvents.audio.telephoneEvent == nil)
        #expect(noEvents.description.media[0].formats == ["0"])
    }

    @Test func answersASendonlyHoldWithRecvonly() throws {
        let answer = try Self.answer(RealPhoneSDP.polycomHoldReoffer)
        #expect(answer.audio.codec == .g722)
        #expect(answer.audio.payloadType == 9)
        #expect(answer.audio.direction == .recvonly)
        #expect(answer.audio.telephoneEvent == NegotiatedTelephoneEvent(payloadType: 127, clockRate: 8000))
        #expect(answer.description.media[0].direction == .recvonly)
    }

    @Test func answersAnRFC2543HoldAsUnableToReceive() throws {
        let answer = try Self.answer(RealPhoneSDP.rfc2543HoldReoffer)
        #expect(answer.audio.codec == .pcmu)
        #expect(answer.audio.remote == MediaAddress(host: "0.0.0.0", port: 16384))
        #expect(answer.audio.direction == .recvonly, "RFC 3264 §8.4: send nothing to 0.0.0.0")
        #expect(answer.description.media[0].direction == .recvonly)
    }

    @Test(arguments: [
        (MediaDirection.sendrecv, MediaDirection.sendrecv),
        (.sendonly, .recvonly),
        (.recvonly, .sendonly),
        (.inactive, .inactive),
    ])
    func followsTheDirectionTable(offered: MediaDirection, answered: MediaDirection) throws {
        let offer = RealPhoneSDP.sippUACPcapOffer + "a=\(offered.rawValue)\r\n"
        let answer = try Self.answer(offer)
        #expect(answer.audio.direction == answered)
        #expect(answer.description.media[0].direction == answered)
        #expect(offered.answered() == answered)
    }

    @Test func rejectsVideoWithPortZeroInPlace() throws {
        let answer = try Self.answer(RealPhoneSDP.audioVideoOffer)
        let media = answer.description.media
        #expect(media.count == 2)
        #expect(media[0].mediaType == "audio")
        #expect(media[0].port == 20000)
        #expect(media[0].formats == ["0", "101"])
        #expect(media[1] == MediaDescription(mediaType: "video", port: 0, transport: "RTP/AVP", formats: ["96", "97"]))
        #expect(answer.audio.codec == .pcmu)
        #expect(answer.audio.remote == MediaAddress(host: "198.51.100.7", port: 7078))
    }

    @Test func answersOnlyTheFirstUsableAudioStream() throws {
        let offer = RealPhoneSDP.crlf([
            "v=0", "o=- 7 7 IN IP4 10.9.9.9", "s=-", "c=IN IP4 10.9.9.9", "t=0 0",
            "m=audio 5000 RTP/SAVP 0", "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz",
            "m=audio 0 RTP/AVP 0",
            "m=audio 5002 RTP/AVP 8",
            "m=audio 5004 RTP/AVP 0",
        ])
        let answer = try Self.answer(offer)
        #expect(answer.description.media.map(\.port) == [0, 0, 20000, 0])
        #expect(answer.description.media.map(\.transport) == ["RTP/SAVP", "RTP/AVP", "RTP/AVP", "RTP/AVP"])
        #expect(answer.audio.codec == .pcma)
        #expect(answer.audio.remote.port == 5002)
    }

    @Test func noCommonCodecMapsTo488() throws {
        let error = try #require(throws: SDPNegotiationError.self) { try Self.answer(RealPhoneSDP.noCommonCodecOffer) }
        #expect(error.code == .noCommonCodec)
        #expect(error.sipStatusCode == 488)
    }

    @Test func offerWithoutPlainRTPAudioMapsTo488() throws {
        let videoOnly = RealPhoneSDP.crlf([
            "v=0", "o=- 7 7 IN IP4 10.9.9.9", "s=-", "c=IN IP4 10.9.9.9", "t=0 0",
            "m=video 5000 RTP/AVP 96", "a=rtpmap:96 VP8/90000",
            "m=audio 0 RTP/AVP 0",
        ])
        let error = try #require(throws: SDPNegotiationError.self) { try Self.answer(videoOnly) }
        #expect(error.code == .noAcceptableStream)
        #expect(error.sipStatusCode == 488)
    }

    @Test func answersIPv6AndHonoursPtime() throws {
        let answer = try Self.answer(RealPhoneSDP.ipv6Offer, local: MediaAddress(host: "2001:db8::5", port: 20000))
        #expect(answer.audio.remote == MediaAddress(host: "2001:db8::20", port: 40000))
        #expect(answer.audio.ptime == 30)
        #expect(answer.description.origin.addressType == .ip6)
        #expect(answer.description.connection == SDPConnection(addressType: .ip6, address: "2001:db8::5"))
        #expect(answer.description.media[0].ptime == 30)
        let text = answer.description.serialized()
        #expect(text.contains("o=- 1 1 IN IP6 2001:db8::5\r\n"))
        #expect(text.contains("c=IN IP6 2001:db8::5\r\n"))
        #expect(try SessionDescription(parsing: text) == answer.description)
    }

    @Test func usesOurPtimeWhenTheOfferHasNone() throws {
        let answer = try Self.answer(RealPhoneSDP.sippUACPcapOffer, capabilities: AudioCapabilities(ptime: 40))
        #expect(answer.audio.ptime == 40)
        #expect(answer.description.media[0].ptime == 40)
    }
}
