import Foundation

/// Writes a canonical 44-byte-header PCM WAV file (RIFF, `fmt `, `data`) with two channels, built
/// byte by byte so the reader is tested on a file libsndfile did not write.
func writeStereoWAV(_ interleaved: [Int16], rate: Int, path: String) throws {
    var bytes: [UInt8] = []
    func append32(_ value: Int) { bytes += withUnsafeBytes(of: UInt32(value).littleEndian, Array.init) }
    func append16(_ value: Int) { bytes += withUnsafeBytes(of: UInt16(value).littleEndian, Array.init) }
    let dataSize = interleaved.count * 2
    bytes += Array("RIFF".utf8)
    append32(36 + dataSize)
    bytes += Array("WAVEfmt ".utf8)
    append32(16)
    append16(1)
    append16(2)
    append32(rate)
    append32(rate * 4)
    append16(4)
    append16(16)
    bytes += Array("data".utf8)
    append32(dataSize)
    for sample in interleaved { append16(Int(UInt16(bitPattern: sample))) }
    try Data(bytes).write(to: URL(fileURLWithPath: path))
}
