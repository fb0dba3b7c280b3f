import ConferenceModel
import MediaMixer
import NIOCore
import SIPCore

/// One call the bridge is handling: its ``ConferenceCall`` machine and the inputs waiting for it,
/// and what the driver holds for it — the SIP handle, the RTP port, the media leg and the room it
/// is in, the prompts playing and the timers running.
struct ActiveCall {
    /// An input waiting in the call's inbox; `announcement` numbers a room change (someone joined
    /// or left), so that the sound it asks for plays once to the room, not once per listener.
    struct QueuedInput: Sendable {
        let input: ConferenceCallInput
        var announcement: UInt64? = nil
    }

    let handle: InviteCall
    var machine: ConferenceCall
    var inbox = CallInbox<QueuedInput>()

    /// The `o=` session id of every description the bridge sends in this call; the version stays 1
    /// because the bridge's media never changes (RFC 3264 §8: a repeated answer keeps its version).
    var sdpSessionID = UInt64.random(in: 1...UInt64(Int64.max))
    /// Why the directory admitted a dial-in (`"entered"`, `"direct access: entered"`), for the log.
    var joinReason = ""
    /// The RTP port held for the call.
    var localPort: Int?
    /// The offer the bridge made (a dial-out, or a late offer in the 200 to an offerless INVITE).
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
    /// The batch of prompts the PIN dialogue waits for.
    var promptToken: UInt64 = 0
    /// Every batch of prompts of the call whose end has not been reported yet.
    var promptTokens: Set<UInt64> = []
    /// The running timer of each kind, by generation (a late expiry of a replaced one is ignored).
    var timers: [BridgeTimer: (generation: UInt64, task: Scheduled<Void>)] = [:]

    init(handle: InviteCall, machine: ConferenceCall) {
        self.handle = handle
        self.machine = machine
    }
}
