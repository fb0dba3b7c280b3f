/// Plays sounds one after another without gaps (a number read back digit by digit), and can be
/// cleared at once when the caller presses a key (barge-in).
///
/// Not thread-safe: the media thread that mixes the room owns the queue; commands reach it on that
/// thread. ``enqueue(_:)`` converts the sound's rate and so allocates; ``readFrame(into:)`` does not.
public final class PromptQueue: AudioFrameSource {
    /// The rate of the frames produced, in Hz.
    public let sampleRate: Int

    private var players: [PromptPlayer] = []

    /// Creates an empty queue producing frames at `sampleRate`.
    public init(sampleRate: Int) {
        self.sampleRate = sampleRate
        players.reserveCapacity(16)
    }

    /// Whether nothing is left to play.
    public var isEmpty: Bool {
        players.isEmpty
    }

    /// Appends a sound after everything queued.
    /// - Throws: ``SpeexDSPError`` when the sound's rate cannot be converted.
    public func enqueue(_ sound: MonoSound) throws(SpeexDSPError) {
        players.append(try PromptPlayer(sound, sampleRate: sampleRate))
    }

    /// Drops everything queued, including the sound playing now.
    public func clear() {
        players.removeAll(keepingCapacity: true)
    }

    /// Fills the frame from the queued sounds in order, moving to the next sound mid-frame.
    public func readFrame(into frame: UnsafeMutableBufferPointer<Int16>) -> Int {
        var written = 0
        while written < frame.count, let current = players.first {
            let rest = UnsafeMutableBufferPointer(rebasing: frame[written...])
            written += current.readFrame(into: rest)
            if current.isFinished { players.removeFirst() }
        }
        return written
    }
}
