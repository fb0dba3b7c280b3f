/// How a room's legs encode: packet time and the Opus knobs (RFC 7587 §7 lists the SDP side).
///
/// The defaults suit a conference leg: 20 ms packets (RFC 3551 §4.5 default for G.711 and G.722),
/// Opus at complexity 5 so one core serves many legs, in-band FEC on so a single lost packet can be
/// rebuilt from the next one (RFC 6716 §2.1.7).
public struct AudioCodecSettings: Hashable, Sendable {
    /// Milliseconds of audio per packet; 10, 20, 40 or 60 are sensible for every codec here.
    public var ptime: Int
    /// Opus encoder complexity, 0 (cheapest) to 10 (best).
    public var opusComplexity: Int
    /// Opus target bitrate in bits per second, or `nil` for libopus's own choice.
    public var opusBitrate: Int?
    /// Whether Opus embeds a low-bitrate copy of each frame in the next packet.
    public var opusInBandFEC: Bool
    /// The packet loss, in percent (0–100), Opus tunes its FEC for.
    public var opusExpectedPacketLossPercentage: Int
    /// The coding mode Opus optimises for. ``OpusEncoder/Application/voip`` (the default) favours
    /// speech and is the mode in-band FEC works in; ``OpusEncoder/Application/audio`` codes the
    /// room mix as general audio (CELT), which costs about half the CPU per frame here and carries
    /// no in-band FEC.
    public var opusApplication: OpusEncoder.Application

    /// Creates settings; every argument has the conference default.
    public init(
        ptime: Int = 20,
        opusComplexity: Int = 5,
        opusBitrate: Int? = nil,
        opusInBandFEC: Bool = true,
        opusExpectedPacketLossPercentage: Int = 5,
        opusApplication: OpusEncoder.Application = .voip
    ) {
        self.ptime = ptime
        self.opusComplexity = opusComplexity
        self.opusBitrate = opusBitrate
        self.opusInBandFEC = opusInBandFEC
        self.opusExpectedPacketLossPercentage = opusExpectedPacketLossPercentage
        self.opusApplication = opusApplication
    }
}
