/// Decoded samples of one leg waiting to be mixed, at the codec's rate: a packet longer than the
/// room's 20 ms tick (a phone at `ptime` 30 or 40, Opus at 40 or 60 ms) is decoded whole and then
/// mixed one 20 ms frame a tick.
///
/// Preallocated for the longest packet RTP audio carries (120 ms, Opus's maximum, RFC 6716 §2.1.4)
/// on top of a frame left over; nothing allocates per packet. One media thread at a time.
final class DecodedAudioQueue {
    /// Samples in one 20 ms frame.
    let frameSamples: Int
    private let storage: UnsafeMutableBufferPointer<Int16>
    /// Samples waiting.
    private(set) var count = 0

    /// A queue for a codec at `sampleRate` Hz.
    init(sampleRate: Int) {
        frameSamples = sampleRate / 50
        storage = .allocate(capacity: sampleRate * 120 / 1000 + frameSamples)
        storage.initialize(repeating: 0)
    }

    deinit {
        storage.deallocate()
    }

    /// Whether a whole frame waits, so that no packet is needed this tick.
    var hasFrame: Bool { count >= frameSamples }

    /// The space after the waiting samples, for the next packet's decoding; call ``commit(_:)``
    /// with what was written. At least 120 ms long whenever ``hasFrame`` is false.
    var freeSpace: UnsafeMutableBufferPointer<Int16> {
        UnsafeMutableBufferPointer(rebasing: storage[count...])
    }

    /// The one frame after the waiting samples, for a concealment frame.
    var nextFrameSpace: UnsafeMutableBufferPointer<Int16> {
        UnsafeMutableBufferPointer(rebasing: storage[count..<min(storage.count, count + frameSamples)])
    }

    /// Counts `samples` written to ``freeSpace`` or ``nextFrameSpace`` as waiting.
    func commit(_ samples: Int) {
        count = min(storage.count, count + max(0, samples))
    }

    /// Moves the oldest frame into `frame`, padding with silence when less than a frame waits
    /// (the rest of a packet cut short by a loss). Returns `false`, leaving `frame` alone, when
    /// nothing waits.
    func takeFrame(into frame: UnsafeMutableBufferPointer<Int16>) -> Bool {
        guard count > 0, let source = storage.baseAddress, let destination = frame.baseAddress else { return false }
        let taken = min(count, frameSamples, frame.count)
        destination.update(from: source, count: taken)
        if taken < frame.count { (destination + taken).update(repeating: 0, count: frame.count - taken) }
        count -= taken
        if count > 0 { source.update(from: source + taken, count: count) }
        return true
    }
}
