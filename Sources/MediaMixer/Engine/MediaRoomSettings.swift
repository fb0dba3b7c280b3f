/// How a room of a ``MediaEngine`` mixes.
public struct MediaRoomSettings: Sendable, Hashable {
    /// The mixing rate in Hz: 8000, 16000 or 48000.
    public var sampleRate: Int
    /// Whether listeners who hear the same mix in the same codec share one encoded frame. Off, every
    /// member is encoded separately (the cost a room pays when each leg needs its own encoder
    /// state, e.g. Opus with per-leg bitrate adaptation).
    public var sharedEncoding: Bool
    /// The members whose mixer storage is allocated with the room; the room grows past it when
    /// members join. One for a room that only ever holds one caller (a PIN dialogue).
    public var expectedMembers: Int

    /// Creates room settings.
    public init(sampleRate: Int, sharedEncoding: Bool = true, expectedMembers: Int = 64) {
        self.sampleRate = sampleRate
        self.sharedEncoding = sharedEncoding
        self.expectedMembers = expectedMembers
    }
}
