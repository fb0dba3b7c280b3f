import MediaMixer
import MediaTesting
import Testing

@Suite("Opus encoder and decoder")
struct OpusTests {
    /// RFC 6716 §3.4: no Opus frame exceeds 1275 bytes.
    static let maximumPacketSize = 1275

    /// Encodes and decodes `frames` 20 ms frames of a 440 Hz tone, returning the decoded signal.
    private func roundTrip(sampleRate: Int, frames: Int) throws -> [Int16] {
        let frameSize = sampleRate / 50
        let encoder = try OpusEncoder(sampleRate: sampleRate, bitrate: 32_000)
        let decoder = try OpusDecoder(sampleRate: sampleRate)
        var tone = ToneGenerator(frequency: 440, sampleRate: Double(sampleRate))
        var pcm = [Int16](repeating: 0, count: frameSize)
        var packet = [UInt8](repeating: 0, count: Self.maximumPacketSize)
        var decoded = [Int16](repeating: 0, count: frameSize)
        var signal: [Int16] = []
        for _ in 0..<frames {
            tone.fill(&pcm)
            let bytes = try encoder.encode(pcm, into: &packet)
            #expect(bytes > 0 && bytes < 200, "32 kbit/s is 80 bytes per 20 ms frame")
            let samples = try packet.withUnsafeBufferPointer { all in
                try decoded.withUnsafeMutableBufferPointer { output in
                    try decoder.decode(UnsafeBufferPointer(rebasing: all[..<bytes]), into: output)
                }
            }
            #expect(samples == frameSize)
            signal += decoded[..<samples]
        }
        return signal
    }

    @Test("A 440 Hz tone survives one second of 20 ms frames", arguments: [48_000, 16_000])
    func toneSurvivesRoundTrip(sampleRate: Int) throws {
        let signal = try roundTrip(sampleRate: sampleRate, frames: 50)
        #expect(signal.count == sampleRate)
        // The first 100 ms hold the codec's look-ahead delay and its start-up transient.
        let settled = Array(signal[(sampleRate / 10)...])
        let detector = GoertzelDetector(sampleRate: Double(sampleRate))
        #expect(detector.relativePower(of: 440, in: settled) > 0.8)
        #expect(detector.relativePower(of: 1000, in: settled) < 0.01)
        #expect(detector.presentFrequencies(among: [300, 440, 1000, 2000], in: settled, threshold: 0.1) == [440])
    }

    @Test("Concealment produces a whole frame that continues the tone")
    func concealmentFillsLostFrame() throws {
        let sampleRate = 48_000
        let frameSize = 960
        let encoder = try OpusEncoder(sampleRate: sampleRate)
        let decoder = try OpusDecoder(sampleRate: sampleRate)
        var tone = ToneGenerator(frequency: 440, sampleRate: Double(sampleRate))
        var packet = [UInt8](repeating: 0, count: Self.maximumPacketSize)
        var decoded = [Int16](repeating: 0, count: frameSize * 6)
        for _ in 0..<25 {
            let bytes = try encoder.encode(tone.next(frameSize), into: &packet)
            _ = try decoder.decode(Array(packet[..<bytes]), into: &decoded)
        }
        var concealed = [Int16](repeating: 0, count: frameSize)
        #expect(try decoder.concealLostFrame(frameSize: frameSize, into: &concealed) == frameSize)
        let detector = GoertzelDetector(sampleRate: Double(sampleRate))
        #expect(detector.relativePower(of: 440, in: concealed) > 0.5)
    }

    @Test("In-band FEC rebuilds a lost frame from the next packet")
    func forwardErrorCorrectionRebuildsLostFrame() throws {
        let sampleRate = 16_000
        let frameSize = 320
        let encoder = try OpusEncoder(
            sampleRate: sampleRate, bitrate: 24_000, inBandFEC: true, expectedPacketLossPercentage: 20
        )
        let decoder = try OpusDecoder(sampleRate: sampleRate)
        var tone = ToneGenerator(frequency: 440, sampleRate: Double(sampleRate))
        var packet = [UInt8](repeating: 0, count: Self.maximumPacketSize)
        var decoded = [Int16](repeating: 0, count: frameSize)
        var packets: [[UInt8]] = []
        for _ in 0..<30 {
            let bytes = try encoder.encode(tone.next(frameSize), into: &packet)
            packets.append(Array(packet[..<bytes]))
        }
        for packet in packets[..<25] {
            _ = try decoder.decode(packet, into: &decoded)
        }
        // Packet 25 is lost; packet 26 carries its low-bitrate copy.
        var recovered = [Int16](repeating: 0, count: frameSize)
        #expect(try decoder.recoverLostFrame(fromNext: packets[26], frameSize: frameSize, into: &recovered) == frameSize)
        let detector = GoertzelDetector(sampleRate: Double(sampleRate))
        #expect(detector.relativePower(of: 440, in: recovered) > 0.5)
        #expect(try decoder.decode(packets[26], into: &decoded) == frameSize)
    }

    @Test("Arguments libopus rejects throw OpusError")
    func invalidArgumentsThrow() throws {
        let rateError = #expect(throws: OpusError.self) { try OpusEncoder(sampleRate: 44_100) }
        #expect(rateError?.code == .badArgument)
        let channelError = #expect(throws: OpusError.self) { try OpusDecoder(sampleRate: 48_000, channels: 3) }
        #expect(channelError?.code == .badArgument)
        let complexityError = #expect(throws: OpusError.self) { try OpusEncoder(sampleRate: 48_000, complexity: 11) }
        #expect(complexityError?.code == .badArgument)

        let encoder = try OpusEncoder(sampleRate: 48_000)
        var packet = [UInt8](repeating: 0, count: Self.maximumPacketSize)
        let frameError = #expect(throws: OpusError.self) {
            try encoder.encode([Int16](repeating: 0, count: 100), into: &packet)
        }
        #expect(frameError?.code == .badArgument)

        let decoder = try OpusDecoder(sampleRate: 48_000)
        let bytes = try encoder.encode([Int16](repeating: 0, count: 960), into: &packet)
        var tooSmall = [Int16](repeating: 0, count: 480)
        let sizeError = #expect(throws: OpusError.self) {
            try decoder.decode(Array(packet[..<bytes]), into: &tooSmall)
        }
        #expect(sizeError?.code == .bufferTooSmall)
    }
}
