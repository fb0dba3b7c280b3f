import MediaMixer
import MediaTesting
import Testing

@Suite("In-band DTMF detection")
struct InBandDTMFDetectorTests {
    @Test("Keys dialled as tones are each found once, in order")
    func detectsDialledKeys() throws {
        let keys: [DTMFDigit] = [.one, .five, .nine, .pound, .zero, .star, .d]
        var sequence = DTMFToneSequence(sampleRate: 8000, toneFrames: 4, gapFrames: 4)
        sequence.dial(keys)
        var audio: [Int16] = []
        var frame = [Int16](repeating: 0, count: 160)
        while sequence.fill(&frame) { audio += frame }
        let detector = try InBandDTMFDetector()
        var found: [DTMFEvent] = []
        for start in stride(from: 0, to: audio.count, by: 160) {
            audio[start..<min(start + 160, audio.count)].withUnsafeBufferPointer { frame in
                detector.analyse(frame) { found.append($0) }
            }
        }
        #expect(found.map(\.digit) == keys)
        #expect(found.allSatisfy { $0.source == .inBand })
    }

    @Test("A single tone or speech-band noise is not a key")
    func ignoresSingleTones() throws {
        var tone = ToneGenerator(frequency: 770, sampleRate: 8000, amplitude: 8000)
        var music = ToneGenerator(frequency: 440, sampleRate: 8000, amplitude: 8000)
        let audio = zip(tone.next(8000), music.next(8000)).map { $0 + $1 }
        let detector = try InBandDTMFDetector()
        var found: [DTMFEvent] = []
        for start in stride(from: 0, to: audio.count, by: 160) {
            audio[start..<start + 160].withUnsafeBufferPointer { frame in
                detector.analyse(frame) { found.append($0) }
            }
        }
        #expect(found.isEmpty)
    }
}
