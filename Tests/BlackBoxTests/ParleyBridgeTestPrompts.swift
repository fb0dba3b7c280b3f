import Foundation
import MediaTesting

/// A short prompt set for the bridge's tests, written once per test process: each prompt is a
/// 100 ms tone, so a PIN dialogue takes well under a second instead of the spoken set's several.
enum ParleyBridgeTestPrompts {
    private static let made: Result<String, any Error> = Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parley-bridge-prompts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let names = ["pin_prompt", "wrong_pin", "wrong_pin_bye", "entering_conference", "first_participant", "room_full", "beep"]
            + (0...9).map(String.init)
        var tone = ToneGenerator(frequency: 2000, sampleRate: 8000, amplitude: 6000)
        for name in names {
            try WAVFile.pcm16(tone.next(800)).write(to: folder.appendingPathComponent("\(name).wav"))
        }
        return folder.path
    }

    /// The folder of the prompt set.
    static func directory() throws -> String {
        try made.get()
    }
}
