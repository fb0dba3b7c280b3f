/// A dial-out the bridge cannot start (no free RTP port); the control API reports `"internal error"`.
public struct VoiceBridgeError: Error, CustomStringConvertible {
    /// What went wrong.
    public let description: String
}
