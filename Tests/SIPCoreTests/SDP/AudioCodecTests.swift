import SIPCore
import Testing

@Suite("Audio codec RTP parameters (RFC 3551, RFC 7587)")
struct AudioCodecTests {
    @Test func g722SamplesAt16kHzButClocksRTPAt8kHz() {
        #expect(AudioCodec.g722.rtpClockRate == 8000)
        #expect(AudioCodec.g722.sampleRate == 16000)
        #expect(AudioCodec.g722.staticPayloadType == 9)
    }

    @Test func staticAndDynamicPayloadTypes() {
        #expect(AudioCodec.pcmu.staticPayloadType == 0)
        #expect(AudioCodec.pcma.staticPayloadType == 8)
        #expect(AudioCodec.opus.staticPayloadType == nil)
        #expect(AudioCodec.opus.rtpMap(payloadType: 111).attributeValue == "111 opus/48000/2")
        #expect(AudioCodec.pcma.rtpMap(payloadType: 8).attributeValue == "8 PCMA/8000")
    }

    @Test func recognisesRTPMapsIgnoringCase() throws {
        #expect(AudioCodec(rtpMap: try #require(RTPMap(attributeValue: "0 pcmu/8000"))) == .pcmu)
        #expect(AudioCodec(rtpMap: try #require(RTPMap(attributeValue: "107 OPUS/48000/2"))) == .opus)
        #expect(AudioCodec(rtpMap: try #require(RTPMap(attributeValue: "9 G722/8000/1"))) == .g722)
        #expect(AudioCodec(rtpMap: try #require(RTPMap(attributeValue: "107 opus/48000"))) == nil, "RFC 7587 §7: always /2")
        #expect(AudioCodec(rtpMap: try #require(RTPMap(attributeValue: "9 G722/16000"))) == nil)
        #expect(AudioCodec(rtpMap: try #require(RTPMap.staticAudio(payloadType: 8))) == .pcma)
    }

    @Test func directionAlgebra() {
        #expect(MediaDirection.sendonly.reversed == .recvonly)
        #expect(MediaDirection.inactive.reversed == .inactive)
        #expect(MediaDirection.sendrecv.answered(local: .sendonly) == .sendonly)
        #expect(MediaDirection.recvonly.answered(local: .recvonly) == .inactive)
    }
}
