/// Plays one sound into the mixer at the room's rate, once or looping (music for a lonely member).
///
/// The sound is converted to the target rate once, when the player is made, so ``readFrame(into:)``
/// only copies: no allocation, no resampler on the media thread. Not thread-safe: the media thread
/// that mixes the room owns its players.
public final class PromptPlayer: AudioFrameSource {
    /// The rate of the frames produced, in Hz.
    public let sampleRate: Int
    /// Whether playback starts again from the beginning at the end.
    public let isLooping: Bool

    private let samples: [Int16]
    private var position = 0

    /// Creates a player of `sound` at `sampleRate`.
    /// - Throws: ``SpeexDSPError`` when the sound's rate cannot be converted.
    public init(_ sound: MonoSound, sampleRate: Int, looping: Bool = false) throws(SpeexDSPError) {
        self.sampleRate = sampleRate
        isLooping = looping
        samples = try sound.resampled(to: sampleRate).samples
    }

    /// Whether a non-looping player has played everything.
    public var isFinished: Bool {
        !isLooping && position >= samples.count
    }

    /// Starts again from the beginning.
    public func rewind() {
        position = 0
    }

    /// Copies the next samples; a looping player always fills the whole frame.
    public func readFrame(into frame: UnsafeMutableBufferPointer<Int16>) -> Int {
        guard !samples.isEmpty else { return 0 }
        var written = 0
        samples.withUnsafeBufferPointer { source in
            while written < frame.count {
                if position == source.count {
                    guard isLooping else { break }
                    position = 0
                }
                let count = min(frame.count - written, source.count - position)
                for offset in 0..<count {
                    frame[written + offset] = source[position + offset]
                }
                written += count
                position += count
            }
        }
        return written
    }
}
