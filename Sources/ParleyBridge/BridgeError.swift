/// A failure of the bridge itself that the control API reports (as `"internal error"`).
struct BridgeError: Error, CustomStringConvertible {
    /// What went wrong.
    let description: String
}
