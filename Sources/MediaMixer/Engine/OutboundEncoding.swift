/// One encoding of one mix in one codec: every listener who hears the same mix in the same codec
/// is sent the same payload, so the room encodes each distinct (mix, codec) pair once per tick.
///
/// The encoder keeps its state from tick to tick, so a mix keeps its own encoder for as long as
/// the room has it; the slot and its buffers are made once, the first time the pair occurs.
final class OutboundEncoding {
    /// Which mix, and in which codec.
    struct Key: Hashable {
        /// The mixer's output the listeners hear (or, without shared encoding, the listener).
        var output: MixerOutputKey
        /// The listeners' codec.
        var codec: AudioCodecKind
        /// 0 when listeners share encodings; otherwise the one listener's member number.
        var listener: UInt64
    }

    /// Which mix and codec this encodes.
    let key: Key
    /// This tick's payload; ``payloadLength`` bytes are valid.
    let payload: UnsafeMutableRawBufferPointer
    /// Valid bytes in ``payload``; 0 when encoding failed this tick (nothing is sent).
    private(set) var payloadLength = 0
    /// The tick this encoding was last used in, so slots of mixes that went away can be recognised.
    var lastUsedTick: UInt64 = 0

    private let encoder: any AudioEncoder
    private let resampler: SpeexResampler?
    private let codecFrame: UnsafeMutableBufferPointer<Int16>

    /// Creates the encoder and buffers; on a media thread, when the pair first occurs.
    init(key: Key, roomRate: Int, settings: AudioCodecSettings) throws {
        self.key = key
        encoder = try AudioCodecFactory.makeEncoder(key.codec, settings: settings)
        let codecRate = key.codec.sampleRate
        resampler = codecRate == roomRate ? nil : try SpeexResampler(inputRate: roomRate, outputRate: codecRate, quality: 3)
        codecFrame = .allocate(capacity: key.codec.samplesPerFrame(ptime: 20))
        codecFrame.initialize(repeating: 0)
        payload = .allocate(byteCount: 1500, alignment: 8)
    }

    deinit {
        codecFrame.deallocate()
        payload.deallocate()
    }

    /// Encodes this tick's mix, given at the room rate.
    func encode(_ mix: UnsafeBufferPointer<Int16>) {
        var pcm = mix
        if let resampler {
            _ = try? resampler.process(mix, into: codecFrame)
            pcm = UnsafeBufferPointer(codecFrame)
        }
        let bytes = payload.bindMemory(to: UInt8.self)
        payloadLength = (try? encoder.encode(pcm, into: bytes)) ?? 0
    }
}
