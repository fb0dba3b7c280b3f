import ConferenceModel
import SIPCore

/// What a ``VoiceBridgeService`` is built from: where it listens, the media it offers, and SEMS
/// webconference's call rules (room selection, the PIN dialogue, the in-room prompts).
public struct VoiceBridgeConfiguration: Sendable {
    /// The SIP listeners.
    public var listenAddresses: [SIPTransportAddress]
    /// The host in Via and Contact when listening on a wildcard address.
    public var advertisedHost: String?
    /// The `Server`/`User-Agent` product name.
    public var productName: String
    /// The address written in SDP `c=` lines.
    public var mediaHost: String
    /// The address RTP sockets bind.
    public var rtpAddress: String
    /// The RTP ports the legs take, round-robin.
    public var rtpPorts: ClosedRange<Int>
    /// The codecs offered and accepted, preferred first.
    public var codecs: [AudioCodec]
    /// The rooms' mix rate: 8000, 16000 or 48000.
    public var roomRate: Int
    /// The media threads mixing the rooms (one per core is right for a dedicated server).
    public var mediaThreads: Int
    /// Whether the media threads ask for the real-time FIFO policy (needs CAP_SYS_NICE).
    public var realtimePriority: Bool
    /// Calls waiting to be answered beyond which a new INVITE gets 503; `nil` for no limit.
    public var maximumUnansweredCalls: Int?
    /// RFC 4028 session timers; `nil` for none.
    public var sessionTimers: SessionTimerConfiguration?
    /// `dead_rtp_time`: how long a call may send no RTP before it is hung up; `nil` for never.
    public var rtpTimeout: Duration?
    /// `playout_type`: whether the playout delay adapts to the jitter (`simple` holds it fixed).
    public var adaptivePlayout: Bool
    /// Which room an INVITE asks for (direct access, the participant id).
    public var roomSelection: RoomSelectionSettings
    /// The PIN dialogue.
    public var dialIn: DialInSettings
    /// What participants hear in the room.
    public var prompter: ParticipantPrompterSettings
    /// The folder of the default prompt set (`pin_prompt.wav`, `beep.wav`, `0.wav`…).
    public var promptsDirectory: String
    /// `webconference.conf` keys that name other prompt files (`digits_dir`, `pin_prompt`…).
    public var promptFiles: SEMSConfigFile?

    /// Creates a configuration; the PIN dialogue and prompts default to SEMS's.
    public init(
        listenAddresses: [SIPTransportAddress],
        advertisedHost: String? = nil,
        productName: String = "Parley bridge",
        mediaHost: String,
        rtpAddress: String,
        rtpPorts: ClosedRange<Int>,
        codecs: [AudioCodec] = [.opus, .g722, .pcmu, .pcma],
        roomRate: Int = 16000,
        mediaThreads: Int = 1,
        realtimePriority: Bool = false,
        maximumUnansweredCalls: Int? = 1_000,
        sessionTimers: SessionTimerConfiguration? = nil,
        rtpTimeout: Duration? = .seconds(300),
        adaptivePlayout: Bool = true,
        roomSelection: RoomSelectionSettings,
        dialIn: DialInSettings = DialInSettings(),
        prompter: ParticipantPrompterSettings = ParticipantPrompterSettings(),
        promptsDirectory: String,
        promptFiles: SEMSConfigFile? = nil
    ) {
        self.listenAddresses = listenAddresses
        self.advertisedHost = advertisedHost
        self.productName = productName
        self.mediaHost = mediaHost
        self.rtpAddress = rtpAddress
        self.rtpPorts = rtpPorts
        self.codecs = codecs
        self.roomRate = roomRate
        self.mediaThreads = mediaThreads
        self.realtimePriority = realtimePriority
        self.maximumUnansweredCalls = maximumUnansweredCalls
        self.sessionTimers = sessionTimers
        self.rtpTimeout = rtpTimeout
        self.adaptivePlayout = adaptivePlayout
        self.roomSelection = roomSelection
        self.dialIn = dialIn
        self.prompter = prompter
        self.promptsDirectory = promptsDirectory
        self.promptFiles = promptFiles
    }
}
