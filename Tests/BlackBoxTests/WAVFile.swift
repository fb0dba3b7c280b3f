import Foundation
import MediaTesting
import SIPTesting

/// Mono 8 kHz 16-bit PCM WAV files for the real phones of the black-box tests: tones for
/// baresip's `aufile` source, and the reading of baresip's `sndfile` recordings back into samples.
enum WAVFile {
    /// The sampling rate of every file written here: G.711's (RFC 3551 §4.5.14).
    static let sampleRate = 8000

    /// A 16-bit PCM WAV file (format tag 1) of a sine tone of `frequency` Hz lasting `seconds`,
    /// or of silence when `frequency` is `nil`, at 30 % of full scale so that three of them
    /// summed in a mix do not clip.
    static func pcm16Tone(frequency: Double?, seconds: Int) -> Data {
        let count = seconds * sampleRate
        let samples: [Int16]
        if let frequency {
            var tone = ToneGenerator(frequency: frequency, sampleRate: Double(sampleRate), amplitude: 0.3 * Double(Int16.max))
            samples = tone.next(count)
        } else {
            samples = [Int16](repeating: 0, count: count)
        }
        return pcm16(samples)
    }

    /// The samples of a mono 8 kHz 16-bit PCM WAV file such as baresip's `dump-*-dec.wav` of a
    /// G.711 call.
    ///
    /// The chunks are walked rather than a 44-byte header assumed, since libsndfile may add
    /// chunks of its own; a `data` chunk longer than the file (a recording whose writer was
    /// stopped before it could fix the header up) is read to the end of the file.
    static func pcm16Samples(in data: Data) throws -> [Int16] {
        let bytes = [UInt8](data)
        guard bytes.count >= 12, bytes[0..<4].elementsEqual("RIFF".utf8), bytes[8..<12].elementsEqual("WAVE".utf8) else {
            throw TestSocketError("not a RIFF/WAVE file (\(bytes.count) bytes)")
        }
        func little<Value: FixedWidthInteger>(_ type: Value.Type, at offset: Int) -> Value {
            (0..<MemoryLayout<Value>.size).reduce(Value.zero) { $0 | Value(bytes[offset + $1]) << (8 * $1) }
        }
        var offset = 12
        var format: (tag: UInt16, channels: UInt16, rate: UInt32, bits: UInt16)?
        while offset + 8 <= bytes.count {
            let identifier = String(decoding: bytes[offset..<offset + 4], as: UTF8.self)
            let size = Int(little(UInt32.self, at: offset + 4))
            let start = offset + 8
            switch identifier {
            case "fmt " where start + 16 <= bytes.count:
                format = (
                    little(UInt16.self, at: start), little(UInt16.self, at: start + 2),
                    little(UInt32.self, at: start + 4), little(UInt16.self, at: start + 14))
            case "data":
                guard let format, format.tag == 1, format.channels == 1, Int(format.rate) == sampleRate, format.bits == 16 else {
                    throw TestSocketError("not mono 16-bit PCM at \(sampleRate) Hz: \(String(describing: format))")
                }
                let end = min(start + size, bytes.count)
                return stride(from: start, to: end - 1, by: 2).map { Int16(bitPattern: little(UInt16.self, at: $0)) }
            default:
                break
            }
            // RIFF chunks are padded to an even length.
            offset = start + size + (size & 1)
        }
        throw TestSocketError("no data chunk in the WAV file")
    }

    /// A RIFF/WAVE file of one `fmt ` chunk (mono, 8 kHz, `format` 1 for PCM or 7 for G.711
    /// µ-law, `bitsPerSample` bits) and one `data` chunk holding `body`.
    static func file(body: [UInt8], format: UInt16 = 1, bitsPerSample: UInt16 = 16) -> Data {
        var data = Data()
        func append<Value: FixedWidthInteger>(_ value: Value) {
            withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
        }
        let bytesPerSample = UInt16(bitsPerSample / 8)
        data.append(contentsOf: Array("RIFF".utf8))
        append(UInt32(36 + body.count))
        data.append(contentsOf: Array("WAVEfmt ".utf8))
        append(UInt32(16))
        append(format)
        append(UInt16(1))
        append(UInt32(sampleRate))
        append(UInt32(sampleRate) * UInt32(bytesPerSample))
        append(bytesPerSample)
        append(bitsPerSample)
        data.append(contentsOf: Array("data".utf8))
        append(UInt32(body.count))
        data.append(contentsOf: body)
        return data
    }

    /// A 16-bit PCM WAV file of `samples`.
    static func pcm16(_ samples: [Int16]) -> Data {
        var body: [UInt8] = []
        body.reserveCapacity(samples.count * 2)
        for sample in samples {
            withUnsafeBytes(of: sample.littleEndian) { body.append(contentsOf: $0) }
        }
        return file(body: body)
    }
}
