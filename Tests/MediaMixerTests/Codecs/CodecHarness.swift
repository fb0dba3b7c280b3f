import MediaMixer
import MediaTesting

/// Runs PCM through an encoder and a decoder frame by frame, as a leg's send and receive paths do.
struct CodecHarness {
    let encoder: any AudioEncoder
    let decoder: any AudioDecoder
    let frameSize: Int
    /// Room for any payload: RFC 6716 §3.4 caps an Opus frame at 1275 bytes.
    private var payload = [UInt8](repeating: 0, count: 1275)
    private var decoded: [Int16]

    init(_ kind: AudioCodecKind, settings: AudioCodecSettings = AudioCodecSettings()) throws {
        encoder = try AudioCodecFactory.makeEncoder(kind, settings: settings)
        decoder = try AudioCodecFactory.makeDecoder(kind)
        frameSize = kind.samplesPerFrame(ptime: settings.ptime)
        decoded = [Int16](repeating: 0, count: frameSize)
    }

    /// Encodes one frame.
    mutating func encode(_ pcm: [Int16]) throws -> [UInt8] {
        let bytes = try pcm.withUnsafeBufferPointer { input in
            try payload.withUnsafeMutableBufferPointer { output in try encoder.encode(input, into: output) }
        }
        return Array(payload[..<bytes])
    }

    /// Decodes one payload.
    mutating func decode(_ bytes: [UInt8]) throws -> [Int16] {
        let samples = try bytes.withUnsafeBufferPointer { input in
            try decoded.withUnsafeMutableBufferPointer { output in try decoder.decode(input, into: output) }
        }
        return Array(decoded[..<samples])
    }

    /// Conceals one lost frame.
    mutating func conceal() -> [Int16] {
        let samples = decoded.withUnsafeMutableBufferPointer { output in decoder.concealLoss(into: output) }
        return Array(decoded[..<samples])
    }

    /// Sends `frames` frames of `tone` through encoder and decoder, returning the decoded signal.
    mutating func roundTrip(_ tone: inout ToneGenerator, frames: Int) throws -> [Int16] {
        var signal: [Int16] = []
        for _ in 0..<frames {
            signal += try decode(encode(tone.next(frameSize)))
        }
        return signal
    }
}

/// Root-mean-square level of a block.
func rootMeanSquare(_ block: some Collection<Int16>) -> Double {
    guard !block.isEmpty else { return 0 }
    let energy = block.reduce(0.0) { $0 + Double($1) * Double($1) }
    return (energy / Double(block.count)).squareRoot()
}
