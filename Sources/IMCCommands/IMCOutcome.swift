import ConferenceModel

/// What handling one input produced: the return code, the MESSAGEs to send in order, and the
/// changes to write through to the store in order.
public struct IMCOutcome: Sendable, Hashable {
    /// Kamailio's `imc_manager()` return value.
    public var returnCode: IMCReturnCode
    /// New MESSAGE requests, in the order Kamailio sends them.
    public var outgoing: [OutgoingIMMessage]
    /// Room changes, in the order they happened, for `IMCStore.apply(_:)`.
    public var changes: [IMRoomChange]

    /// Creates an outcome.
    public init(returnCode: IMCReturnCode, outgoing: [OutgoingIMMessage] = [], changes: [IMRoomChange] = []) {
        self.returnCode = returnCode
        self.outgoing = outgoing
        self.changes = changes
    }

    /// The reply to the request that caused this outcome (`200 OK` or a 500 saying what failed).
    public var sipStatus: IMCSIPStatus { returnCode.sipStatus }
}
