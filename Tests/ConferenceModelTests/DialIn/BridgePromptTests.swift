import ConferenceModel
import Foundation
import Testing

@Suite("Bridge prompt names")
struct BridgePromptTests {
    static let everyPrompt: [BridgePrompt] = [
        .pinPrompt, .wrongPIN, .wrongPINBye, .enteringConference, .firstParticipant, .joinSound, .dropSound,
    ] + (0...9).map(BridgePrompt.digit)

    @Test("every prompt names a file of the shipped prompt set, at both rates", arguments: [8000, 16000])
    func defaultSetHasEveryPrompt(rate: Int) {
        let promptDirectory = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Prompts").appendingPathComponent(String(rate))
        for prompt in Self.everyPrompt {
            let file = promptDirectory.appendingPathComponent(prompt.defaultName + ".wav")
            #expect(FileManager.default.fileExists(atPath: file.path), "\(prompt) → \(file.lastPathComponent)")
        }
    }

    @Test("prompts carry SEMS's configuration keys")
    func configurationKeys() {
        #expect(Self.everyPrompt.map(\.configurationKey).prefix(7) == [
            "enter_pin", "wrong_pin", "wrong_pin_bye", "entering_conference", "first_participant", "join_sound", "drop_sound",
        ])
        #expect(BridgePrompt.digit(7).configurationKey == "digits_dir")
        #expect(BridgePrompt.digit(7).defaultName == "7")
        #expect(BridgePrompt.firstParticipant.defaultName == "first_participant")
    }
}
