import MediaMixer
import MediaTesting
import Testing

@Suite("In-band DTMF detection")
struct InBandDTMFDetectorTests {
    /// The row and column frequencies of each key (ITU-T Q.23).
    static func frequencies(of digit: DTMFDigit) -> (low: Double, high: Double) {
        let rows: [Double] = [697, 770, 852, 941]
        let columns: [Double] = [1209, 1336, 1477, 1633]
        let layout = Array("123A456B789C*0#D")
        let index = layout.firstIndex(of: digit.character)!
        return (rows[index / 4], columns[index % 4])
    }

    /// `duration` ms of the key's dual tone at 8 kHz, each tone at about -10 dBm0.
    static func tone(of digit: DTMFDigit, milliseconds: Int) -> [Int16] {
        let (low, high) = frequencies(of: digit)
        var lowTone = ToneGenerator(frequency: low, sampleRate: 8000, amplitude: 5000)
        var highTone = ToneGenerator(frequency: high, sampleRate: 8000, amplitude: 5000)
        let count = 8 * milliseconds
        return zip(lowTone.next(count), highTone.next(count)).map { $0 + $1 }
    }

    @Test("Keys dialled as tones are each found once, in order")
    func detectsDialledKeys() throws {
        let keys: [DTMFDigit] = [.one, .five, .nine, .pound, .zero, .star, .d]
        var audio: [Int16] = []
        for key in keys {
            audio += Self.tone(of: key, milliseconds: 80)
            audio += [Int16](repeating: 0, count: 8 * 80)
        }
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
