import MediaMixer

/// Keys dialled as tones (ITU-T Q.23 dual tones), frame by frame: what a phone without RFC 4733
/// sends in its audio. Each key sounds for `toneFrames` frames, then `gapFrames` frames of silence.
public struct DTMFToneSequence: Sendable {
    /// The sample rate of the frames.
    public let sampleRate: Double
    private let toneFrames: Int
    private let gapFrames: Int
    private var pending: [DTMFDigit] = []
    private var current: (low: ToneGenerator, high: ToneGenerator)?
    private var framesLeft = 0

    /// Creates an empty sequence.
    /// - Parameters:
    ///   - sampleRate: The frames' rate in Hz.
    ///   - toneFrames: Frames each key sounds (5 frames of 20 ms: 100 ms).
    ///   - gapFrames: Frames of silence after each key.
    public init(sampleRate: Double, toneFrames: Int = 5, gapFrames: Int = 3) {
        self.sampleRate = sampleRate
        self.toneFrames = toneFrames
        self.gapFrames = gapFrames
    }

    /// The row and column frequency of a key (ITU-T Q.23).
    public static func frequencies(of digit: DTMFDigit) -> (low: Double, high: Double) {
        let rows: [Double] = [697, 770, 852, 941]
        let columns: [Double] = [1209, 1336, 1477, 1633]
        let layout = Array("123A456B789C*0#D")
        let index = layout.firstIndex(of: digit.character) ?? 0
        return (rows[index / 4], columns[index % 4])
    }

    /// Whether keys are still to be played (or the last one's gap is running).
    public var isPlaying: Bool { !pending.isEmpty || framesLeft > 0 }

    /// Queues keys to be dialled after those queued already.
    public mutating func dial(_ digits: [DTMFDigit]) {
        pending += digits
    }

    /// Fills `frame` with the next frame of the sequence: a key's dual tone (each tone at about
    /// −10 dBm0) or the silence after it. Returns `false`, leaving `frame` alone, when nothing is queued.
    public mutating func fill(_ frame: inout [Int16]) -> Bool {
        if framesLeft == 0 {
            guard !pending.isEmpty else { return false }
            let (low, high) = Self.frequencies(of: pending.removeFirst())
            current = (ToneGenerator(frequency: low, sampleRate: sampleRate, amplitude: 5000),
                       ToneGenerator(frequency: high, sampleRate: sampleRate, amplitude: 5000))
            framesLeft = toneFrames + gapFrames
        }
        if framesLeft > gapFrames, var tones = current {
            let low = tones.low.next(frame.count)
            let high = tones.high.next(frame.count)
            for index in frame.indices { frame[index] = low[index] &+ high[index] }
            current = tones
        } else {
            for index in frame.indices { frame[index] = 0 }
        }
        framesLeft -= 1
        return true
    }
}
