/// Parley's answer to an offer: the SDP to send back and the audio it agrees to.
public struct SDPAnswer: Sendable, Hashable {
    /// The answer to put in the 200 OK (or ACK), RFC 3264 §6.
    public var description: SessionDescription
    /// The negotiated audio stream.
    public var audio: NegotiatedAudio

    /// Creates an answer.
    public init(description: SessionDescription, audio: NegotiatedAudio) {
        self.description = description
        self.audio = audio
    }
}
