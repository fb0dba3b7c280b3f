import ConferenceModel
import Logging
import MediaMixer

/// The bridge's prompts, loaded once at start and converted to the room rate, so that a call only
/// copies them.
///
/// Each prompt comes from the file its `webconference.conf` key names, else from the prompt folder
/// under its default name (``BridgePrompt/defaultName``). Digits come from `digits_dir`, else the
/// prompt folder. A file that cannot be read is logged and then plays as silence, as in SEMS
/// (spec §5: a missing prompt does not stop loading).
struct PromptLibrary: Sendable {
    private var sounds: [BridgePrompt: MonoSound] = [:]

    /// The prompts every call may hear.
    static let prompts: [BridgePrompt] =
        [.pinPrompt, .wrongPIN, .wrongPINBye, .enteringConference, .firstParticipant, .roomFull, .joinSound, .dropSound]
        + (0...9).map(BridgePrompt.digit)

    /// Loads every prompt.
    init(directory: String, configuration: SEMSConfigFile?, sampleRate: Int, logger: Logger) {
        for prompt in Self.prompts {
            let path = Self.path(of: prompt, directory: directory, configuration: configuration)
            do {
                sounds[prompt] = try MonoSound(contentsOf: path).resampled(to: sampleRate)
            } catch {
                logger.warning("prompt \(prompt) not loaded from \(path): \(error)")
            }
        }
    }

    /// The sound of `prompt`, or `nil` when its file could not be read.
    subscript(prompt: BridgePrompt) -> MonoSound? {
        sounds[prompt]
    }

    private static func path(of prompt: BridgePrompt, directory: String, configuration: SEMSConfigFile?) -> String {
        let configured = configuration?[prompt.configurationKey].flatMap { $0.isEmpty ? nil : $0 }
        if case .digit(let value) = prompt {
            let folder = configured ?? directory
            return (folder.hasSuffix("/") ? folder : folder + "/") + "\(value).wav"
        }
        return configured ?? "\(directory)/\(prompt.defaultName).wav"
    }
}
