import Foundation

/// A short prompt set for the bridge's tests, written once per test process: each prompt is a
/// 100 ms tone, so a PIN dialogue takes well under a second instead of the spoken set's several.
enum ParleyBridgeTestPrompts {
    private static let made: Result<String, any Error> = Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parley-bridge-prompts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let names = ["pin_prompt", "wrong_pin", "wrong_pin_bye", "entering_conference", "first_participant", "room_full", "beep"]
            + (0...9).map(String.init)
        for name in names {
            try wav(frequency: 2000, milliseconds: 100).write(to: folder.appendingPathComponent("\(name).wav"))
        }
        return folder.path
    }

    /// The folder of the prompt set.
    static func directory() throws -> String {
        try made.get()
    }

    /// A 16-bit mono 8 kHz PCM WAV file of a tone.
    private static func wav(frequency: Double, milliseconds: Int) -> Data {
        let rate = 8000
        let samples = (0..<(rate * milliseconds / 1000)).map { index in
            Int16(6000 * sin(2 * Double.pi * frequency * Double(index) / Double(rate)))
        }
        var data = Data()
        func append<Value: FixedWidthInteger>(_ value: Value) {
            withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
        }
        data.append(contentsOf: Array("RIFF".utf8))
        append(UInt32(36 + samples.count * 2))
        data.append(contentsOf: Array("WAVEfmt ".utf8))
        append(UInt32(16))
        append(UInt16(1))
        append(UInt16(1))
        append(UInt32(rate))
        append(UInt32(rate * 2))
        append(UInt16(2))
        append(UInt16(16))
        data.append(contentsOf: Array("data".utf8))
        append(UInt32(samples.count * 2))
        for sample in samples { append(sample) }
        return data
    }
}
