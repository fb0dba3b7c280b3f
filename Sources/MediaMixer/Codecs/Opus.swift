// The only file that imports COpus (house rule: one C library, one wrapper file). It holds the
// encoder, the decoder and their shared error, because all three speak to the same C module.
import COpus

/// A failure reported by libopus, with the library's own error code kept alongside.
public struct OpusError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of failure, one per `OPUS_*` error constant of `opus_defines.h`.
    public enum Code: Hashable, Sendable {
        /// An argument was out of range: a sample rate, channel count, frame size or setting libopus rejects.
        case badArgument
        /// The caller's output buffer cannot hold the encoded packet or the decoded frame.
        case bufferTooSmall
        /// libopus hit an internal error.
        case internalError
        /// The packet handed to the decoder is corrupt or not Opus.
        case invalidPacket
        /// The request is not implemented by this libopus build.
        case unimplemented
        /// The encoder or decoder state is invalid.
        case invalidState
        /// libopus could not allocate memory.
        case allocationFailed
        /// A negative status libopus documents no constant for.
        case unknown
    }

    /// The kind of failure.
    public let code: Code
    /// The raw status returned by libopus (a negative `OPUS_*` value).
    public let libraryStatus: Int32

    /// Maps a negative libopus status to its Swift error.
    init(status: Int32) {
        libraryStatus = status
        switch status {
        case OPUS_BAD_ARG: code = .badArgument
        case OPUS_BUFFER_TOO_SMALL: code = .bufferTooSmall
        case OPUS_INTERNAL_ERROR: code = .internalError
        case OPUS_INVALID_PACKET: code = .invalidPacket
        case OPUS_UNIMPLEMENTED: code = .unimplemented
        case OPUS_INVALID_STATE: code = .invalidState
        case OPUS_ALLOC_FAIL: code = .allocationFailed
        default: code = .unknown
        }
    }

    /// libopus's own wording for the failure.
    public var description: String {
        "Opus error \(libraryStatus): \(String(cString: opus_strerror(libraryStatus)))"
    }

    /// Returns `status` as a count when it is one, throws when libopus reported an error.
    static func check(_ status: Int32) throws(OpusError) -> Int {
        guard status >= 0 else { throw OpusError(status: status) }
        return Int(status)
    }
}

/// An Opus encoder (RFC 6716) for 16-bit PCM.
///
/// Not thread-safe: one media thread owns each encoder. `encode` writes into a caller-provided
/// buffer and allocates nothing per frame.
public final class OpusEncoder {
    /// The coding mode libopus optimises for (`OPUS_APPLICATION_*`).
    public enum Application: Hashable, Sendable {
        /// Speech intelligibility first: the right choice for conference legs.
        case voip
        /// Fidelity to the input, for music or mixed content.
        case audio
        /// The lowest delay, giving up speech-optimised modes.
        case restrictedLowDelay

        var libraryValue: Int32 {
            switch self {
            case .voip: OPUS_APPLICATION_VOIP
            case .audio: OPUS_APPLICATION_AUDIO
            case .restrictedLowDelay: OPUS_APPLICATION_RESTRICTED_LOWDELAY
            }
        }
    }

    /// Input sampling rate in Hz: 8000, 12000, 16000, 24000 or 48000.
    public let sampleRate: Int
    /// Interleaved channels in the input PCM: 1 or 2.
    public let channels: Int

    private let state: OpaquePointer

    /// Creates an encoder and applies its settings.
    ///
    /// - Parameters:
    ///   - sampleRate: Input rate in Hz; libopus accepts 8000, 12000, 16000, 24000 and 48000.
    ///   - channels: 1 (mono) or 2 (interleaved stereo).
    ///   - application: The coding mode.
    ///   - complexity: CPU/quality trade-off from 0 to 10; 5 keeps many legs per core affordable.
    ///   - bitrate: Target bits per second, or `nil` for libopus's choice from rate and channels.
    ///   - inBandFEC: Whether to embed a low-bitrate copy of each frame in the next packet (RFC 6716 §2.1.7),
    ///     which lets the far end rebuild a lost frame with `OpusDecoder.recoverLostFrame(fromNext:frameSize:into:)`.
    ///   - expectedPacketLossPercentage: The loss rate (0–100) the encoder tunes its FEC for.
    /// - Throws: ``OpusError`` with ``OpusError/Code/badArgument`` when libopus rejects a value.
    public init(
        sampleRate: Int,
        channels: Int = 1,
        application: Application = .voip,
        complexity: Int = 5,
        bitrate: Int? = nil,
        inBandFEC: Bool = false,
        expectedPacketLossPercentage: Int = 0
    ) throws(OpusError) {
        guard let rate = Int32(exactly: sampleRate), let channelCount = Int32(exactly: channels),
              let complexityValue = Int32(exactly: complexity),
              let lossValue = Int32(exactly: expectedPacketLossPercentage)
        else { throw OpusError(status: OPUS_BAD_ARG) }
        var status: Int32 = OPUS_OK
        guard let created = opus_encoder_create(rate, channelCount, application.libraryValue, &status),
              status == OPUS_OK
        else { throw OpusError(status: status == OPUS_OK ? OPUS_ALLOC_FAIL : status) }
        state = created
        self.sampleRate = sampleRate
        self.channels = channels
        // `deinit` runs from here on, so a rejected setting below still frees the state.
        _ = try OpusError.check(parley_opus_set_complexity(state, complexityValue))
        if let bitrate {
            guard let bitrateValue = Int32(exactly: bitrate) else { throw OpusError(status: OPUS_BAD_ARG) }
            _ = try OpusError.check(parley_opus_set_bitrate(state, bitrateValue))
        }
        _ = try OpusError.check(parley_opus_set_inband_fec(state, inBandFEC ? 1 : 0))
        _ = try OpusError.check(parley_opus_set_packet_loss_percentage(state, lossValue))
    }

    deinit {
        opus_encoder_destroy(state)
    }

    /// Encodes one frame of interleaved PCM into `packet`.
    ///
    /// - Parameters:
    ///   - pcm: Exactly one frame: 2.5, 5, 10, 20, 40 or 60 ms of samples per channel, interleaved.
    ///   - packet: Space for the packet; its size caps the packet's size (RFC 6716 allows up to 1275 bytes per frame).
    /// - Returns: The number of bytes written at the start of `packet`.
    /// - Throws: ``OpusError`` when the frame has a size Opus cannot code or `packet` is too small.
    public func encode(_ pcm: UnsafeBufferPointer<Int16>, into packet: UnsafeMutableBufferPointer<UInt8>) throws(OpusError) -> Int {
        guard let input = pcm.baseAddress, let output = packet.baseAddress, pcm.count % channels == 0,
              let frameSize = Int32(exactly: pcm.count / channels),
              let capacity = Int32(exactly: min(packet.count, Int(Int32.max)))
        else { throw OpusError(status: OPUS_BAD_ARG) }
        return try OpusError.check(opus_encode(state, input, frameSize, output, capacity))
    }

    /// Encodes one frame of interleaved PCM into the start of `packet`, whose count is its capacity.
    ///
    /// - Returns: The number of bytes written; `packet` keeps its count.
    /// - Throws: ``OpusError`` as the pointer-based `encode(_:into:)` does.
    public func encode(_ pcm: [Int16], into packet: inout [UInt8]) throws(OpusError) -> Int {
        try pcm.withUnsafeBufferPointer { (input) throws(OpusError) -> Int in
            try packet.withUnsafeMutableBufferPointer { (output) throws(OpusError) -> Int in
                try encode(input, into: output)
            }
        }
    }
}

/// An Opus decoder (RFC 6716) producing 16-bit PCM, with packet-loss concealment and in-band FEC recovery.
///
/// Not thread-safe: one media thread owns each decoder. Every call writes into a caller-provided
/// buffer and allocates nothing per frame.
public final class OpusDecoder {
    /// Output sampling rate in Hz: 8000, 12000, 16000, 24000 or 48000, whatever rate the sender encoded at.
    public let sampleRate: Int
    /// Interleaved channels in the output PCM: 1 or 2.
    public let channels: Int

    private let state: OpaquePointer

    /// Creates a decoder.
    ///
    /// - Throws: ``OpusError`` with ``OpusError/Code/badArgument`` for a rate or channel count libopus rejects.
    public init(sampleRate: Int, channels: Int = 1) throws(OpusError) {
        guard let rate = Int32(exactly: sampleRate), let channelCount = Int32(exactly: channels)
        else { throw OpusError(status: OPUS_BAD_ARG) }
        var status: Int32 = OPUS_OK
        guard let created = opus_decoder_create(rate, channelCount, &status), status == OPUS_OK
        else { throw OpusError(status: status == OPUS_OK ? OPUS_ALLOC_FAIL : status) }
        state = created
        self.sampleRate = sampleRate
        self.channels = channels
    }

    deinit {
        opus_decoder_destroy(state)
    }

    /// Decodes one packet into `pcm`.
    ///
    /// - Parameters:
    ///   - packet: One Opus packet as carried in an RTP payload (RFC 7587).
    ///   - pcm: Space for the decoded frame, interleaved; 120 ms per channel always suffices.
    /// - Returns: Samples decoded per channel.
    /// - Throws: ``OpusError`` for a corrupt packet or a `pcm` buffer too small for its frame.
    public func decode(_ packet: UnsafeBufferPointer<UInt8>, into pcm: UnsafeMutableBufferPointer<Int16>) throws(OpusError) -> Int {
        guard let input = packet.baseAddress, let length = Int32(exactly: packet.count) else {
            throw OpusError(status: OPUS_BAD_ARG)
        }
        return try run(input, length, into: pcm, frameSize: pcm.count / channels, redundancy: false)
    }

    /// Decodes one packet into the start of `pcm`, whose count is its capacity.
    ///
    /// - Returns: Samples decoded per channel; `pcm` keeps its count.
    public func decode(_ packet: [UInt8], into pcm: inout [Int16]) throws(OpusError) -> Int {
        try packet.withUnsafeBufferPointer { (input) throws(OpusError) -> Int in
            try pcm.withUnsafeMutableBufferPointer { (output) throws(OpusError) -> Int in
                try decode(input, into: output)
            }
        }
    }

    /// Produces a concealment frame for a packet that never arrived (packet-loss concealment).
    ///
    /// - Parameters:
    ///   - frameSize: Samples per channel the lost packet carried; a multiple of 2.5 ms.
    ///   - pcm: Space for at least `frameSize × channels` samples.
    /// - Returns: Samples produced per channel (equal to `frameSize`).
    public func concealLostFrame(frameSize: Int, into pcm: UnsafeMutableBufferPointer<Int16>) throws(OpusError) -> Int {
        try run(nil, 0, into: pcm, frameSize: frameSize, redundancy: false)
    }

    /// Produces a concealment frame into the start of `pcm`, whose count is its capacity.
    public func concealLostFrame(frameSize: Int, into pcm: inout [Int16]) throws(OpusError) -> Int {
        try pcm.withUnsafeMutableBufferPointer { (output) throws(OpusError) -> Int in
            try concealLostFrame(frameSize: frameSize, into: output)
        }
    }

    /// Rebuilds a lost frame from the in-band FEC copy carried by the packet that followed it
    /// (RFC 6716 §2.1.7); decode `nextPacket` itself afterwards with `decode(_:into:)`.
    /// When `nextPacket` carries no FEC data libopus falls back to concealment.
    ///
    /// - Parameters:
    ///   - nextPacket: The packet received right after the lost one.
    ///   - frameSize: Samples per channel the lost packet carried.
    ///   - pcm: Space for at least `frameSize × channels` samples.
    /// - Returns: Samples produced per channel (equal to `frameSize`).
    public func recoverLostFrame(
        fromNext nextPacket: UnsafeBufferPointer<UInt8>,
        frameSize: Int,
        into pcm: UnsafeMutableBufferPointer<Int16>
    ) throws(OpusError) -> Int {
        guard let input = nextPacket.baseAddress, let length = Int32(exactly: nextPacket.count) else {
            throw OpusError(status: OPUS_BAD_ARG)
        }
        return try run(input, length, into: pcm, frameSize: frameSize, redundancy: true)
    }

    /// Rebuilds a lost frame from `nextPacket`'s FEC data into the start of `pcm`, whose count is its capacity.
    public func recoverLostFrame(fromNext nextPacket: [UInt8], frameSize: Int, into pcm: inout [Int16]) throws(OpusError) -> Int {
        try nextPacket.withUnsafeBufferPointer { (input) throws(OpusError) -> Int in
            try pcm.withUnsafeMutableBufferPointer { (output) throws(OpusError) -> Int in
                try recoverLostFrame(fromNext: input, frameSize: frameSize, into: output)
            }
        }
    }

    /// The single call into `opus_decode`: a nil packet asks for concealment, `redundancy` for FEC data.
    private func run(
        _ packet: UnsafePointer<UInt8>?,
        _ length: Int32,
        into pcm: UnsafeMutableBufferPointer<Int16>,
        frameSize: Int,
        redundancy: Bool
    ) throws(OpusError) -> Int {
        guard let output = pcm.baseAddress, frameSize > 0, frameSize * channels <= pcm.count,
              let frameSizeValue = Int32(exactly: frameSize)
        else { throw OpusError(status: frameSize > 0 ? OPUS_BUFFER_TOO_SMALL : OPUS_BAD_ARG) }
        return try OpusError.check(opus_decode(state, packet, length, output, frameSizeValue, redundancy ? 1 : 0))
    }
}
