/// Builds the encoder and decoder for a negotiated codec, so callers hold `any AudioEncoder` and
/// `any AudioDecoder` and never name a concrete codec type.
public enum AudioCodecFactory {
    /// Creates an encoder for `kind` configured by `settings`.
    /// - Throws: ``SpanDSPError`` or ``OpusError`` when the library cannot create its state.
    public static func makeEncoder(_ kind: AudioCodecKind, settings: AudioCodecSettings = AudioCodecSettings()) throws -> any AudioEncoder {
        switch kind {
        case .pcmu: try G711Encoder(law: .muLaw)
        case .pcma: try G711Encoder(law: .aLaw)
        case .g722: try G722Encoder()
        case .opus: try OpusAudioEncoder(settings: settings)
        }
    }

    /// Creates a decoder for `kind`, with packet-loss concealment built in.
    /// - Throws: ``SpanDSPError`` or ``OpusError`` when the library cannot create its state.
    public static func makeDecoder(_ kind: AudioCodecKind) throws -> any AudioDecoder {
        switch kind {
        case .pcmu: try G711Decoder(law: .muLaw)
        case .pcma: try G711Decoder(law: .aLaw)
        case .g722: try G722Decoder()
        case .opus: try OpusAudioDecoder()
        }
    }
}
