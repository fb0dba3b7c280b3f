/// How a room of a ``MediaEngine`` mixes.
public struct MediaRoomSettings: Sendable, Hashable {
    /// The mixing rate in Hz: 8000, 16000 or 48000.
    public var sampleRate: Int
    /// Whether listeners who hear the same mix in the same codec share one encoded frame. Off, every
    /// member is encoded separately (the cost a room pays when each leg needs its own encoder
    /// state, e.g. Opus with per-leg bitrate adaptation).
    public var sharedEncoding: Bool

    /// Creates room settings.
    public init(sampleRate: Int, sharedEncoding: Bool = true) {
        self.sampleRate = sampleRate
        self.sharedEncoding = sharedEncoding
    }
}
