// The only file that imports CSpeexDSP (house rule: one C library, one wrapper file). Every
// speexdsp wrapper lives here, with the one error type they share.
import CSpeexDSP

/// A failure reported by speexdsp, with the library's own error code kept alongside.
public struct SpeexDSPError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of failure, one per `RESAMPLER_ERR_*` constant of `speex_resampler.h`.
    public enum Code: Hashable, Sendable {
        /// speexdsp could not allocate its state.
        case allocationFailed
        /// The state is unusable.
        case badState
        /// An argument was out of range: a rate, channel count or quality speexdsp rejects.
        case invalidArgument
        /// Input and output buffers overlap.
        case pointerOverlap
        /// A length overflowed speexdsp's 32-bit counters.
        case overflow
        /// A status speexdsp documents no constant for.
        case unknown
    }

    /// The kind of failure.
    public let code: Code
    /// The raw status returned by speexdsp.
    public let libraryStatus: Int32

    /// Maps a non-zero resampler status to its Swift error.
    init(resamplerStatus status: Int32) {
        libraryStatus = status
        switch Int(status) {
        case RESAMPLER_ERR_ALLOC_FAILED: code = .allocationFailed
        case RESAMPLER_ERR_BAD_STATE: code = .badState
        case RESAMPLER_ERR_INVALID_ARG: code = .invalidArgument
        case RESAMPLER_ERR_PTR_OVERLAP: code = .pointerOverlap
        case RESAMPLER_ERR_OVERFLOW: code = .overflow
        default: code = .unknown
        }
    }

    /// speexdsp's own wording for the failure.
    public var description: String {
        "speexdsp error \(libraryStatus): \(String(cString: speex_resampler_strerror(libraryStatus)))"
    }
}

/// A sample-rate converter for 16-bit PCM (speexdsp's polyphase resampler).
///
/// The mixer runs at one rate per room; legs whose codec runs at another rate pass through one of
/// these at the rim. Not thread-safe: one media thread owns each resampler. `process` writes into
/// caller-provided buffers and allocates nothing per call. The filter keeps history between calls,
/// so a stream is converted frame by frame without clicks at frame edges.
public final class SpeexResampler {
    /// Input rate in Hz.
    public let inputRate: Int
    /// Output rate in Hz.
    public let outputRate: Int
    /// Interleaved channels in both input and output.
    public let channels: Int

    private let state: OpaquePointer

    /// Creates a resampler.
    ///
    /// - Parameters:
    ///   - inputRate: Input rate in Hz.
    ///   - outputRate: Output rate in Hz.
    ///   - quality: 0 (cheapest) to 10 (best); speexdsp's VoIP setting is 3, its default 4.
    ///   - channels: Interleaved channels.
    /// - Throws: ``SpeexDSPError`` when speexdsp rejects a value.
    public init(inputRate: Int, outputRate: Int, quality: Int = 4, channels: Int = 1) throws(SpeexDSPError) {
        let invalid = SpeexDSPError(resamplerStatus: Int32(RESAMPLER_ERR_INVALID_ARG))
        guard inputRate > 0, outputRate > 0, channels > 0, (0...10).contains(quality),
              let input = UInt32(exactly: inputRate), let output = UInt32(exactly: outputRate),
              let channelCount = UInt32(exactly: channels)
        else { throw invalid }
        var status: Int32 = 0
        guard let created = speex_resampler_init(channelCount, input, output, Int32(quality), &status), status == 0 else {
            throw SpeexDSPError(resamplerStatus: status == 0 ? Int32(RESAMPLER_ERR_ALLOC_FAILED) : status)
        }
        state = created
        self.inputRate = inputRate
        self.outputRate = outputRate
        self.channels = channels
    }

    deinit {
        speex_resampler_destroy(state)
    }

    /// Converts as much of `input` as fits into `output`.
    ///
    /// Size `output` for `input.count × outputRate / inputRate` samples, rounded up, to consume all
    /// input in one call; what is not consumed must be passed again next time.
    ///
    /// - Returns: Samples (all channels, interleaved) consumed from `input` and written to `output`.
    /// - Throws: ``SpeexDSPError`` when a buffer is not a whole number of frames or speexdsp fails.
    public func process(
        _ input: UnsafeBufferPointer<Int16>,
        into output: UnsafeMutableBufferPointer<Int16>
    ) throws(SpeexDSPError) -> (consumed: Int, produced: Int) {
        guard input.count % channels == 0, output.count % channels == 0,
              var inputFrames = UInt32(exactly: input.count / channels),
              var outputFrames = UInt32(exactly: output.count / channels)
        else { throw SpeexDSPError(resamplerStatus: Int32(RESAMPLER_ERR_INVALID_ARG)) }
        guard let source = input.baseAddress, let destination = output.baseAddress else { return (0, 0) }
        let status = speex_resampler_process_interleaved_int(state, source, &inputFrames, destination, &outputFrames)
        guard status == 0 else { throw SpeexDSPError(resamplerStatus: status) }
        return (Int(inputFrames) * channels, Int(outputFrames) * channels)
    }

    /// Converts as much of `input` as fits into the start of `output`, whose count is its capacity.
    ///
    /// - Returns: Samples consumed from `input` and written to `output`; `output` keeps its count.
    public func process(_ input: [Int16], into output: inout [Int16]) throws(SpeexDSPError) -> (consumed: Int, produced: Int) {
        try input.withUnsafeBufferPointer { (source) throws(SpeexDSPError) -> (consumed: Int, produced: Int) in
            try output.withUnsafeMutableBufferPointer { (destination) throws(SpeexDSPError) -> (consumed: Int, produced: Int) in
                try process(source, into: destination)
            }
        }
    }

    /// Samples per channel the filter delays the output by; the start of a stream comes out this late.
    public var outputLatency: Int {
        Int(speex_resampler_get_output_latency(state))
    }

    /// Forgets the filter history, for a new stream through the same resampler.
    public func reset() {
        speex_resampler_reset_mem(state)
    }
}
