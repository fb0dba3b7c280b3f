/// The live-call side of the room directory: what the control API asks of the voice bridge.
///
/// The directory records every state change itself (a dial-out's row, `muted`, a kicked call's
/// `"disconnect"`); an implementation only acts on the calls and reports their progress back to
/// the directory (ringing, answered, finished) as they happen.
public protocol ConferenceCallControl: Sendable {
    /// Sends the INVITE of a dial-out. Throws when it cannot be started (shutdown, a bad header),
    /// which the control API reports as `"internal error"`.
    func placeCall(_ request: DialOutRequest) async throws

    /// Hangs up the call with this tag in `room` (BYE, or CANCEL while it is early).
    func hangUp(callTag: String, room: String) async

    /// Stops (`true`) or restarts feeding the call's audio into the room's mix (spec §10.3).
    func setMuted(_ muted: Bool, callTag: String, room: String) async

    /// The number of calls the server is handling, for serverInfo's `calls: N active`.
    func activeCallCount() async -> Int
}
