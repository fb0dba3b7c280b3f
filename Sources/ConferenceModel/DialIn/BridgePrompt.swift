/// A prompt the voice bridge plays to one caller, named by what it says rather than by a file.
///
/// The driver maps each case to a file of the configured prompt set; ``defaultName`` is the file
/// name (without `.wav`) in the default set, which matches the prompts SEMS `webconference` ships
/// (`apps/webconference/CMakeLists.txt`), with SEMS's `first_paricipant` typo corrected (spec B16).
public enum BridgePrompt: Sendable, Hashable, CustomStringConvertible {
    /// "Please enter your room number, followed by the pound key." (`enter_pin`).
    case pinPrompt
    /// "The room number is not correct. Please try again." (`wrong_pin`).
    case wrongPIN
    /// Played before the bridge hangs up on a caller it cannot let in (`wrong_pin_bye`).
    case wrongPINBye
    /// "You are now entering the conference room." (`entering_conference`).
    case enteringConference
    /// "You are the first participant in the conference." (`first_participant`).
    case firstParticipant
    /// Played to the others when someone joins (`join_sound`, a beep by default).
    case joinSound
    /// Played to the others when someone leaves (`drop_sound`, a beep by default).
    case dropSound
    /// "This conference is full. Goodbye." before the bridge hangs up on a caller whose room holds
    /// its maximum number of participants (`room_full`, a Parley addition).
    case roomFull
    /// One spoken digit, 0…9, used to read back an entered room number (`digits_dir/N.wav`).
    case digit(Int)

    /// The prompt's file name, without extension, in the default prompt set.
    public var defaultName: String {
        switch self {
        case .pinPrompt: "pin_prompt"
        case .wrongPIN: "wrong_pin"
        case .wrongPINBye: "wrong_pin_bye"
        case .enteringConference: "entering_conference"
        case .firstParticipant: "first_participant"
        case .roomFull: "room_full"
        case .joinSound, .dropSound: "beep"
        case .digit(let value): String(value)
        }
    }

    /// The prompt's configuration key in `webconference.conf` (`digits_dir` for digits).
    public var configurationKey: String {
        switch self {
        case .pinPrompt: "enter_pin"
        case .wrongPIN: "wrong_pin"
        case .wrongPINBye: "wrong_pin_bye"
        case .enteringConference: "entering_conference"
        case .firstParticipant: "first_participant"
        case .roomFull: "room_full"
        case .joinSound: "join_sound"
        case .dropSound: "drop_sound"
        case .digit: "digits_dir"
        }
    }

    /// The prompt's name, e.g. `pin_prompt` or `digit 3`.
    public var description: String {
        switch self {
        case .digit(let value): "digit \(value)"
        default: defaultName
        }
    }
}
