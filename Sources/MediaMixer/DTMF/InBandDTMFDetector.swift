/// Finds DTMF key presses in 8 kHz audio, for phones that send keys only as tones.
///
/// Built on spandsp's DTMF receiver (Goertzel filters with ITU-T Q.24 twist and level checks),
/// which reports each press once, when it is recognised. The press length is not reported, so
/// events carry a zero duration. Not thread-safe: one media thread owns each detector; `analyse`
/// allocates nothing.
public final class InBandDTMFDetector {
    /// The only rate spandsp's receiver works at, in Hz; resample other codecs' audio first.
    public let sampleRate = 8000

    private let receiver: SpanDTMFReceiver
    /// Scratch space for the digits spandsp hands back, with room for its terminating NUL.
    private let digits: UnsafeMutableBufferPointer<CChar>

    /// Creates a detector.
    /// - Throws: ``SpanDSPError`` when spandsp cannot create its state.
    public init() throws(SpanDSPError) {
        receiver = try SpanDTMFReceiver()
        digits = .allocate(capacity: 32)
    }

    deinit {
        digits.deallocate()
    }

    /// Analyses one frame of 8 kHz audio and calls `report` for every press recognised in it.
    public func analyse(_ frame: UnsafeBufferPointer<Int16>, report: (DTMFEvent) -> Void) {
        guard let samples = frame.baseAddress, let scratch = digits.baseAddress else { return }
        receiver.analyse(samples, count: frame.count)
        let count = receiver.takeDigits(into: scratch, capacity: digits.count)
        for index in 0..<count {
            if let digit = DTMFDigit(Character(Unicode.Scalar(UInt8(bitPattern: digits[index])))) {
                report(DTMFEvent(digit: digit, duration: .zero, source: .inBand))
            }
        }
    }
}
