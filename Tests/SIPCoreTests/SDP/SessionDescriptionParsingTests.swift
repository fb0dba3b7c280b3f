import SIPCore
import Testing

@Suite("SDP parsing and serialization (RFC 4566)")
struct SessionDescriptionParsingTests {
    @Test func parsesEveryFieldOfABaresipOffer() throws {
        let description = try SessionDescription(parsing: RealPhoneSDP.baresipOffer)
        #expect(description.version == 0)
        #expect(description.origin == SDPOrigin(
            username: "-",
            sessionID: 1_893_493_484,
            sessionVersion: 3_489_503_453,
            networkType: "IN",
            addressType: .ip4,
            address: "192.168.1.31"
        ))
        #expect(description.sessionName == "-")
        #expect(description.connection == SDPConnection(addressType: .ip4, address: "192.168.1.31"))
        #expect(description.timings == [SDPTiming(start: 0, stop: 0)])
        #expect(description.attributes == [SDPAttribute(name: "tool", value: "baresip 3.10.1")])
        #expect(description.media.count == 1)

        let audio = try #require(description.media.first)
        #expect(audio.mediaType == "audio")
        #expect(audio.port == 10374)
        #expect(audio.numberOfPorts == nil)
        #expect(audio.transport == "RTP/AVP")
        #expect(audio.formats == ["96", "9", "0", "8", "101"])
        #expect(audio.payloadTypes == [96, 9, 0, 8, 101])
        #expect(audio.bandwidths == [SDPBandwidth(type: "AS", value: 96)])
        #expect(audio.rtpMap(forPayloadType: 96) == RTPMap(payloadType: 96, encodingName: "opus", clockRate: 48000, channels: 2))
        #expect(audio.rtpMap(forPayloadType: 9) == RTPMap(payloadType: 9, encodingName: "G722", clockRate: 8000))
        #expect(audio.rtpMap(forPayloadType: 101) == RTPMap(payloadType: 101, encodingName: "telephone-event", clockRate: 8000))
        #expect(audio.formatParameters(forPayloadType: 96) == "stereo=1;sprop-stereo=1")
        #expect(audio.formatParameters(forPayloadType: 101) == "0-15")
        #expect(audio.formatParameters(forPayloadType: 0) == nil)
        #expect(audio.ptime == 20)
        #expect(audio.direction == .sendrecv)
        #expect(audio.hasAttribute(named: "rtcp-mux"))
        #expect(audio.hasAttribute(named: "rtcp-rsize"))
        #expect(audio.attributeValues(named: "ssrc") == ["1176306358 cname:ed9bc0e4-7dc1-4c2b-a35f-c34bc8ae8f3b"])
        #expect(audio.attributes.count == 13, "unknown attributes are kept in order")
        #expect(audio.attributes[10] == SDPAttribute(name: "rtcp-rsize"))
    }

    @Test func staticPayloadTypesWithoutRTPMapUseTheRFC3551Table() throws {
        let description = try SessionDescription(parsing: RealPhoneSDP.linphoneOffer)
        let audio = try #require(description.media.first)
        #expect(audio.rtpMap(forPayloadType: 0) == RTPMap(payloadType: 0, encodingName: "PCMU", clockRate: 8000))
        #expect(audio.rtpMap(forPayloadType: 18) == RTPMap(payloadType: 18, encodingName: "G729", clockRate: 8000))
        #expect(audio.rtpMap(forPayloadType: 99)?.clockRate == 16000)
        #expect(audio.rtpMap(forPayloadType: 120) == nil, "a dynamic type without rtpmap means nothing")
        #expect(description.attributeValues(named: "record") == ["off"])
    }

    @Test func parsesIPv6() throws {
        let description = try SessionDescription(parsing: RealPhoneSDP.ipv6Offer)
        #expect(description.origin.addressType == .ip6)
        #expect(description.origin.address == "2001:db8::20")
        #expect(description.connection == SDPConnection(addressType: .ip6, address: "2001:db8::20"))
        #expect(description.media.first?.ptime == 30)
    }

    @Test func directionComesFromMediaThenSessionThenDefault() throws {
        let sessionLevel = try SessionDescription(parsing: RealPhoneSDP.crlf([
            "v=0", "o=- 1 2 IN IP4 10.0.0.1", "s=-", "c=IN IP4 10.0.0.1", "t=0 0", "a=recvonly",
            "m=audio 4000 RTP/AVP 0",
            "m=audio 4002 RTP/AVP 0", "a=inactive",
        ]))
        #expect(sessionLevel.direction(of: sessionLevel.media[0]) == .recvonly)
        #expect(sessionLevel.media[0].explicitDirection == nil)
        #expect(sessionLevel.media[0].direction == .sendrecv)
        #expect(sessionLevel.direction(of: sessionLevel.media[1]) == .inactive)

        let polycom = try SessionDescription(parsing: RealPhoneSDP.polycomHoldReoffer)
        #expect(polycom.direction(of: polycom.media[0]) == .sendonly)
    }

    @Test(arguments: [
        RealPhoneSDP.baresipOffer, RealPhoneSDP.sippUACPcapOffer, RealPhoneSDP.linphoneOffer,
        RealPhoneSDP.polycomHoldReoffer, RealPhoneSDP.rfc2543HoldReoffer, RealPhoneSDP.audioVideoOffer,
        RealPhoneSDP.noCommonCodecOffer, RealPhoneSDP.ipv6Offer,
    ])
    func serializesRealOffersBackToTheSameText(text: String) throws {
        let description = try SessionDescription(parsing: text)
        #expect(description.serialized() == text)
        #expect(try SessionDescription(parsing: description.serialized()) == description)
    }

    @Test func roundTripsEveryOptionalLine() throws {
        let text = RealPhoneSDP.crlf([
            "v=0",
            "o=jdoe 2890844526 2890842807 IN IP4 10.47.16.5",
            "s=SDP Seminar",
            "i=A Seminar on the session description protocol",
            "u=http://www.example.com/seminars/sdp.pdf",
            "e=j.doe@example.com (Jane Doe)",
            "p=+1 617 555-6011",
            "c=IN IP4 224.2.17.12/127",
            "b=CT:128",
            "t=2873397496 2873404696",
            "r=7d 1h 0 25h",
            "t=2873500000 2873600000",
            "z=2882844526 -1h 2898848070 0",
            "k=prompt",
            "a=recvonly",
            "m=audio 49170/2 RTP/AVP 0",
            "i=Audio stream",
            "c=IN IP4 224.2.17.13/127",
            "b=AS:64",
            "k=prompt",
            "a=ptime:40",
            "a=maxptime:60",
            "m=video 51372 RTP/AVP 99",
            "a=rtpmap:99 h263-1998/90000",
        ])
        let description = try SessionDescription(parsing: text)
        #expect(description.information == "A Seminar on the session description protocol")
        #expect(description.uri == "http://www.example.com/seminars/sdp.pdf")
        #expect(description.emails == ["j.doe@example.com (Jane Doe)"])
        #expect(description.phoneNumbers == ["+1 617 555-6011"])
        #expect(description.connection?.address == "224.2.17.12/127")
        #expect(description.bandwidths == [SDPBandwidth(type: "CT", value: 128)])
        #expect(description.timings == [
            SDPTiming(start: 2_873_397_496, stop: 2_873_404_696, repeatTimes: ["7d 1h 0 25h"]),
            SDPTiming(start: 2_873_500_000, stop: 2_873_600_000),
        ])
        #expect(description.timeZones == "2882844526 -1h 2898848070 0")
        #expect(description.encryptionKey == "prompt")
        #expect(description.media[0].numberOfPorts == 2)
        #expect(description.media[0].information == "Audio stream")
        #expect(description.media[0].encryptionKey == "prompt")
        #expect(description.media[0].ptime == 40)
        #expect(description.media[0].maxPtime == 60)
        #expect(description.serialized() == text)
    }

    @Test func toleratesWhatRealPhonesDo() throws {
        // LF line ends, a trailing blank line, trailing blanks, an empty s=, runs of spaces,
        // c= after t=, a= before c= inside the media section.
        let text = [
            "v=0",
            "o=-  42   7 IN  IP4 192.0.2.1",
            "s=",
            "t=0 0 ",
            "c=IN IP4 192.0.2.1",
            "m=audio  5004 RTP/AVP 0  8",
            "a=sendonly\t",
            "c=IN IP4 192.0.2.2",
            "",
            "",
        ].joined(separator: "\n")
        let description = try SessionDescription(parsing: text)
        #expect(description.origin.sessionID == 42)
        #expect(description.origin.sessionVersion == 7)
        #expect(description.sessionName == "")
        #expect(description.connection?.address == "192.0.2.1")
        #expect(description.media[0].formats == ["0", "8"])
        #expect(description.media[0].direction == .sendonly)
        #expect(description.media[0].connection?.address == "192.0.2.2")
        // Written back canonically: CRLF, RFC 4566 order, "s= " for an empty name.
        let serialized = description.serialized()
        #expect(serialized.hasPrefix("v=0\r\no=- 42 7 IN IP4 192.0.2.1\r\ns= \r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n"))
        #expect(try SessionDescription(parsing: serialized) == description)
    }

    @Test func rejectedStreamsMayLackAConnection() throws {
        let description = try SessionDescription(parsing: RealPhoneSDP.crlf([
            "v=0", "o=- 1 1 IN IP4 10.0.0.1", "s=-", "t=0 0",
            "m=audio 4000 RTP/AVP 0", "c=IN IP4 10.0.0.1",
            "m=video 0 RTP/AVP 96",
        ]))
        #expect(description.media[1].port == 0)
        #expect(description.connection(for: description.media[1]) == nil)
        #expect(description.connection(for: description.media[0])?.address == "10.0.0.1")
    }
}
