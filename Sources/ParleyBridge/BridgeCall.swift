import ConferenceModel
import Foundation
import MediaMixer
import SIPCore

/// One call of the bridge, dial-in or dial-out: its SIP handle, its room row, its media leg and
/// the two sans-I/O machines that decide what it hears (``DialInCall``, ``ParticipantPrompter``).
struct BridgeCall {
    /// Who placed the call.
    enum Direction {
        /// A caller dialled the bridge.
        case dialIn
        /// The control API asked the bridge to call someone into a room.
        case dialOut
    }

    let handle: InviteCall
    let direction: Direction
    /// The tag of the call's room row (kickout, mute, roomInfo).
    let callTag: String
    /// The remote party's URI, shown as the row's number.
    let number: String
    /// The room: known from the start for a dial-out, once admitted for a dial-in.
    var room: String?
    /// What the INVITE asked for (dial-in).
    var selection: RoomSelection?
    var dialIn: DialInCall
    var prompter: ParticipantPrompter

    /// The `o=` session id of every description the bridge sends in this call; the version stays 1
    /// because the bridge's media never changes (RFC 3264 §8: a repeated answer keeps its version).
    var sdpSessionID = UInt64.random(in: 1...UInt64(Int64.max))
    /// The RTP port held for the call.
    var localPort: Int?
    /// The offer of a dial-out.
    var offer: SessionDescription?
    /// The answer of a 18x with SDP (a dial-out's early media), used if the 2xx repeats none.
    var earlyAnswer: SessionDescription?
    /// The media leg, once the call has one.
    var member: MediaMemberID?
    /// The negotiated stream of the leg, which a re-offer may change.
    var stream: RTPStreamSettings?
    /// The engine room the leg is in now: the call's own room while typing a number, then the conference's.
    var engineRoom: MediaRoomID?
    /// The call's own engine room for the PIN dialogue.
    var lobby: MediaRoomID?

    /// Whether the call is in its room's mix (counted for the prompts of the others).
    var inMix = false
    /// Whether a dial-out is ringing into the room.
    var isRinging = false
    /// Whether the control API muted the call.
    var muted = false
    /// When the call joined its room and when it left (call statistics, spec §12.2).
    var connectedAt: Date?
    var leftAt: Date?
    /// The batch of prompts whose end the dial-in machine waits for.
    var promptToken: UInt64 = 0
    /// Every batch of prompts of the call whose end has not been reported yet.
    var promptTokens: Set<UInt64> = []
    /// The running timer of each kind, by generation.
    var timers: [BridgeTimer: UInt64] = [:]

    init(
        handle: InviteCall, direction: Direction, callTag: String, number: String, room: String?,
        dialIn: DialInSettings, prompter: ParticipantPrompterSettings
    ) {
        self.handle = handle
        self.direction = direction
        self.callTag = callTag
        self.number = number
        self.room = room
        self.dialIn = DialInCall(settings: dialIn)
        self.prompter = ParticipantPrompter(settings: prompter)
    }
}
