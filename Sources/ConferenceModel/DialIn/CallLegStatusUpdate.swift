/// A participant row's new status and reason, with the reason strings exactly as SEMS writes them,
/// because front-ends show them (spec §9.1, §16 item 6).
public struct CallLegStatusUpdate: Sendable, Hashable {
    /// The new status.
    public let status: VoiceParticipant.Status
    /// The new reason, e.g. `"INVITE"`, `"180 Ringing"`, `"BYE"`, `"disconnect"`, `""`.
    public let reason: String

    /// Creates an update.
    public init(status: VoiceParticipant.Status, reason: String) {
        self.status = status
        self.reason = reason
    }

    /// The update for a kicked participant: Disconnecting, `"disconnect"`.
    public static let kicked = CallLegStatusUpdate(status: .disconnecting, reason: "disconnect")

    /// The update SEMS makes for `event`:
    /// - INVITE sent: Connecting, `"INVITE"`;
    /// - a response: `"<code> <phrase>"`, with the status of the dialog state it leaves
    ///   (trying, proceeding, early: Connecting, or Ringing for 180 and 183; connected: Connected;
    ///   cancelling, disconnecting: Disconnecting; disconnected: Finished). A final 2xx to the
    ///   INVITE connects the dialog; any other final response ends it;
    /// - entered: Connected, `"entered"`; entered directly: Connected, `"direct access: entered"`;
    /// - BYE received: Disconnecting, `"BYE"`; kicked: Disconnecting, `"disconnect"`;
    /// - ended: Finished, `""`.
    public init(_ event: CallLegEvent) {
        switch event {
        case .inviteSent:
            self.init(status: .connecting, reason: "INVITE")
        case .provisionalResponse(let code, let phrase):
            self.init(code: code, phrase: phrase, dialogState: .early)
        case .finalResponse(let code, let phrase):
            self.init(code: code, phrase: phrase, dialogState: (200..<300).contains(code) ? .connected : .disconnected)
        case .inDialogResponse(let code, let phrase, let dialogState):
            self.init(code: code, phrase: phrase, dialogState: dialogState)
        case .entered:
            self.init(status: .connected, reason: DialInCall.enteredReason)
        case .enteredDirectly:
            self.init(status: .connected, reason: DialInCall.directAccessReason)
        case .byeReceived:
            self.init(status: .disconnecting, reason: "BYE")
        case .kicked:
            self = .kicked
        case .ended:
            self.init(status: .finished, reason: "")
        }
    }

    private init(code: Int, phrase: String, dialogState: CallLegDialogState) {
        let status: VoiceParticipant.Status
        switch dialogState {
        case .trying, .proceeding, .early:
            status = code == 180 || code == 183 ? .ringing : .connecting
        case .connected:
            status = .connected
        case .cancelling, .disconnecting:
            status = .disconnecting
        case .disconnected:
            status = .finished
        }
        self.init(status: status, reason: "\(code) \(phrase)")
    }
}
