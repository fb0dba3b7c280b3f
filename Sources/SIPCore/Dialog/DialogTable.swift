/// The dialogs a user agent holds, found by ``DialogID`` (RFC 3261 §12.2.2), as a sans-I/O value.
///
/// At a UAS the table sends each in-dialog request to its dialog and answers the requests that
/// match none with 481. At a UAC it follows the responses to an INVITE: each To tag a forking
/// proxy brings back creates its own early or confirmed dialog (RFC 3261 §12.1.2, §13.2.2.4),
/// ``dialogs(createdBy:)`` lists them, and a final non-2xx response ends those still early (§12.3).
/// Terminated dialogs stay until ``remove(_:)``, so that the session layer can read their last
/// state; late requests to them are answered 481.
public struct DialogTable: Sendable {
    private var dialogsByID: [DialogID: Dialog] = [:]

    /// Creates an empty table.
    public init() {}

    /// The number of dialogs held, terminated ones included.
    public var count: Int { dialogsByID.count }

    /// The dialog with identifier `id`; assign to update it (for instance through
    /// `table[id]?.makeRequest(…)`) or assign `nil` to drop it.
    public subscript(id: DialogID) -> Dialog? {
        get { dialogsByID[id] }
        set { dialogsByID[id] = newValue }
    }

    /// Adds a dialog, replacing one with the same identifier (a UAS adds the dialogs it creates).
    public mutating func insert(_ dialog: Dialog) {
        dialogsByID[dialog.id] = dialog
    }

    /// Drops the dialog `id` and returns it, if it was held.
    @discardableResult
    public mutating func remove(_ id: DialogID) -> Dialog? {
        dialogsByID.removeValue(forKey: id)
    }

    /// The dialogs the dialog-creating `request` of this UA led to — several when a proxy forked
    /// it (RFC 3261 §12.1.2) — sorted by remote tag so the order is stable.
    public func dialogs(createdBy request: SIPMessage) -> [Dialog] {
        dialogsByID.values
            .filter { $0.id.callID == request.callID && $0.id.localTag == request.from.tag }
            .sorted { ($0.id.remoteTag ?? "") < ($1.id.remoteTag ?? "") }
    }

    /// Matches a request received by this UA to a dialog and lets the dialog judge it (RFC 3261
    /// §12.2.2).
    ///
    /// A request without a To tag, and any CANCEL, is ``DialogTableOutcome/outsideDialog``. A
    /// request whose dialog is unknown is answered 481 Call/Transaction Does Not Exist, except an
    /// ACK, which is discarded. Otherwise the dialog's ``Dialog/receive(_:)`` decides.
    public mutating func receive(_ request: SIPMessage) -> DialogTableOutcome {
        guard request.method != .cancel, let id = DialogID(incomingRequest: request) else {
            return .outsideDialog
        }
        guard var dialog = dialogsByID[id] else {
            if request.method == .ack { return .discard }
            return .respond(SIPMessage(responseTo: request, statusCode: 481))
        }
        let outcome = dialog.receive(request)
        dialogsByID[id] = dialog
        switch outcome {
        case .accept: return .deliver(id)
        case .reject(let response): return .respond(response)
        case .discard: return .discard
        }
    }

    /// Takes a response to a request this UA sent — dialog-creating or in a dialog — and returns
    /// the dialog it created or updated (RFC 3261 §12.1.2, §12.2.1.2, §12.3, §13.2.2.4).
    ///
    /// - A 101–199 response with a new To tag, or a 2xx with a new To tag, to an INVITE sent
    ///   outside a dialog creates a dialog; a second fork's To tag creates a second one. The 2xx's
    ///   returned identifier is the dialog to keep; a 2xx from yet another fork creates a confirmed
    ///   dialog the caller should ACK and end with a BYE (§13.2.2.4).
    /// - A response with a known dialog's tags goes to ``Dialog/receive(_:to:)``.
    /// - A final non-2xx response to an INVITE sent outside a dialog terminates every early dialog
    ///   it created (§12.3).
    ///
    /// - Parameters:
    ///   - response: The response received.
    ///   - request: The request it answers, as sent.
    ///   - isOverTLS: Whether the request was sent over TLS (for ``Dialog/isSecure``).
    /// - Returns: The identifier of the dialog the response created or went to, or `nil` when it
    ///   concerns none (a 100, a provisional response without To tag, a final non-2xx with an
    ///   unknown To tag, any response to a request that creates no dialog).
    /// - Throws: ``DialogError`` when a Record-Route of a creating or confirming response cannot be parsed.
    @discardableResult
    public mutating func receive(
        _ response: SIPMessage, to request: SIPMessage, isOverTLS: Bool = false
    ) throws(DialogError) -> DialogID? {
        guard let statusCode = response.statusCode else { return nil }
        // Only an INVITE outside a dialog creates one here: the 2xx of MESSAGE, OPTIONS or
        // REGISTER carries a To tag too, but sets up no dialog.
        let isDialogCreating = request.method == .invite && request.to.tag == nil
        if isDialogCreating && statusCode >= 300 {
            terminateEarlyDialogs(createdBy: request)
        }
        guard let id = DialogID(incomingResponse: response) else { return nil }
        if var dialog = dialogsByID[id] {
            try dialog.receive(response, to: request)
            dialogsByID[id] = dialog
            return id
        }
        guard isDialogCreating, (101...299).contains(statusCode), response.to.tag != nil || statusCode >= 200 else {
            return nil
        }
        let dialog = try Dialog(uacRequest: request, response: response, isOverTLS: isOverTLS)
        dialogsByID[dialog.id] = dialog
        return dialog.id
    }

    /// Ends the early dialogs of `request` once it has failed (RFC 3261 §12.3).
    private mutating func terminateEarlyDialogs(createdBy request: SIPMessage) {
        for dialog in dialogs(createdBy: request) where dialog.state == .early {
            dialogsByID[dialog.id]?.state = .terminated
        }
    }
}
