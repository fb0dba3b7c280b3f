/// One INVITE session — a call — at the UAC or the UAS, as a sans-I/O value (RFC 3261 §13–§15,
/// RFC 3264 offer/answer, RFC 3311 UPDATE, RFC 4028 session timers).
///
/// Inputs are the requests and responses of its dialog, the user's commands and its timers;
/// outputs are ``InviteSessionAction``s: messages to send through the transaction layer, timers
/// to arm and events for the user. A UAC session keeps every early dialog a forking proxy
/// creates; the first 2xx wins and 2xx of other forks are acknowledged and ended with BYE
/// (RFC 3261 §13.2.2.4).
public struct InviteSession: Sendable {
    /// Which end of the INVITE this UA is.
    public enum Role: Sendable, Hashable {
        /// Sent the INVITE.
        case uac
        /// Received it.
        case uas
    }

    /// This UA's end.
    public let role: Role
    /// Where the session is.
    public internal(set) var state: InviteSessionState = .idle
    /// The shared settings.
    public let configuration: InviteSessionConfiguration
    /// The dialog once it exists (early or confirmed); at a UAC, the dialog of the first 2xx.
    public internal(set) var dialog: Dialog?
    /// The initial INVITE: as received (UAS) or as last sent (UAC, after digest or 422 retries).
    public internal(set) var invite: SIPMessage
    /// This UA's latest session description.
    public internal(set) var localDescription: SessionDescription?
    /// The peer's latest session description.
    public internal(set) var remoteDescription: SessionDescription?
    /// Why the session ended or is ending.
    public internal(set) var endReason: InviteSessionEndReason?

    /// The early dialogs of the outgoing INVITE, one per To tag (RFC 3261 §12.1.2).
    var forks = DialogTable()
    /// The To tag of this UA's responses (UAS).
    let localTag: String
    /// The request (initial INVITE, re-INVITE, UPDATE) waiting for the user's answer.
    var pendingIncoming: SIPMessage?
    /// Whether ``pendingIncoming`` carried an offer, so the answer need not parse its SDP again.
    var pendingIncomingHasOffer = false
    /// This UA's re-INVITE or UPDATE waiting for its final response.
    var pendingOutgoing: SIPMessage?
    /// The offer to send again after 491 (RFC 3261 §14.1).
    var glareRetry: (method: SIPMethod, offer: SessionDescription?)?
    /// The 2xx to INVITE retransmitted until the ACK (RFC 3261 §13.3.1.4).
    var unacknowledged: SIPMessage?
    /// The current 2xx retransmission interval.
    var retransmissionInterval: Duration = .zero
    /// Whether the unacknowledged 2xx carried an offer the ACK answers (RFC 3264 §4).
    var expectsAnswerInACK = false
    /// A 2xx with an offer this UA (UAC) must answer in its ACK, waiting for ``answer(sdp:)``.
    var offerIn2xx: SIPMessage?
    /// The ACK of the winning 2xx, repeated for each retransmission of it (RFC 3261 §13.2.2.4).
    var lastACK: SIPMessage?
    /// Whether a hang-up waits for the ACK of this UA's 2xx (RFC 3261 §15).
    var hangUpAfterACK = false
    /// Whether ``InviteSessionEvent/established`` was reported.
    var isEstablished = false
    /// The agreed session timer, if any (RFC 4028).
    var sessionTimer: NegotiatedSessionTimer?
    /// Whether the outgoing re-INVITE or UPDATE is a session refresh rather than the user's offer.
    var isRefreshing = false
    /// Whether the peer listed UPDATE in Allow, so refreshes go by UPDATE (RFC 4028 §7.4, §9).
    var peerAllowsUpdate = false

    // UAC only.
    /// Credentials for one 401/407 challenge (RFC 3261 §22.2).
    var digest: DigestClient?
    /// Whether a challenge was answered already; the next one fails the call.
    var hasAnsweredChallenge = false
    /// Whether a 422 was answered already (RFC 4028 §7.4: retry once with the larger Min-SE).
    var hasRetriedInterval = false
    /// Header fields the user added to the INVITE.
    var extraInviteHeaders: [SIPHeaderField] = []
    /// The Session-Expires and Min-SE the INVITE asks for (RFC 4028 §7.1).
    var requestedInterval: Int?
    /// The Min-SE a 422 asked for (RFC 4028 §7.4).
    var requestedMinimum: Int?
    /// Whether the user cancelled; the CANCEL leaves once a provisional response came (RFC 3261 §9.1).
    var cancelRequested = false
    /// Whether a provisional response arrived.
    var receivedProvisional = false

    init(role: Role, invite: SIPMessage, localTag: String, configuration: InviteSessionConfiguration) {
        self.role = role
        self.invite = invite
        self.localTag = localTag
        self.configuration = configuration
    }

    /// Every dialog identifier this session answers to: the confirmed dialog and the early forks.
    public var dialogIDs: [DialogID] {
        // A UAS holds no forks: the common case skips the table's filtered, sorted copy.
        guard forks.count > 0 else { return dialog.map { [$0.id] } ?? [] }
        var ids = forks.dialogs(createdBy: invite).map(\.id)
        if let dialog, !ids.contains(dialog.id) { ids.append(dialog.id) }
        return ids
    }

    /// Whether this UA chose the Call-ID, which sets its glare back-off (RFC 3261 §14.1).
    var ownsCallID: Bool { role == .uac }

    // MARK: - Shared helpers

    /// Ends the session at once and reports why.
    mutating func finish(_ reason: InviteSessionEndReason) -> [InviteSessionAction] {
        guard state != .terminated else { return [] }
        state = .terminated
        endReason = endReason ?? reason
        return Self.allTimers.map { .cancel($0) } + [.report(.terminated(endReason ?? reason))]
    }

    static let allTimers: [InviteSessionTimer] = [
        .answerRetransmission, .answerTimeout, .sessionRefresh, .sessionExpiry, .glareRetry,
    ]

    /// Sends BYE in the dialog and waits for its response (RFC 3261 §15.1.1).
    mutating func sendBye(_ reason: InviteSessionEndReason) -> [InviteSessionAction] {
        guard var dialog, state != .terminated, state != .terminating else { return finish(reason) }
        let bye = dialog.makeRequest(method: .bye, via: configuration.makeVia())
        self.dialog = dialog
        state = .terminating
        endReason = reason
        return Self.allTimers.map { .cancel($0) } + [.sendRequest(bye)]
    }

    /// A response from this UA (UAS side of any transaction) with its To tag, and for INVITE and
    /// UPDATE its Contact (RFC 3261 §12.1.1, RFC 3311 §5.2).
    func makeResponse(
        to request: SIPMessage, statusCode: Int, reasonPhrase: String? = nil, headers: [SIPHeaderField] = [],
        description: SessionDescription? = nil
    ) -> SIPMessage {
        let body = description.map { Array($0.serialized().utf8) } ?? []
        var response = SIPMessage(
            responseTo: request, statusCode: statusCode, reasonPhrase: reasonPhrase, headers: headers, body: body,
            contentType: description == nil ? nil : Self.sdpType)
        if statusCode > 100, response.to.tag == nil { response.to.tag = localTag }
        if (101...299).contains(statusCode), request.method == .invite || request.method == .update {
            response.contacts = [SIPNameAddress(uri: configuration.contact)]
        }
        return response
    }

    static let sdpType = "application/sdp"

    /// The SDP body of a message, if it has one that parses.
    static func description(in message: SIPMessage) -> SessionDescription? {
        guard !message.body.isEmpty,
            message.contentType.map({ $0.lowercased().hasPrefix(sdpType) }) ?? true,
            let text = String(validating: message.body, as: UTF8.self)
        else { return nil }
        return try? SessionDescription(parsing: text)
    }

    /// Whether the peer put the call on hold: it no longer wants to receive audio (`sendonly`,
    /// `inactive`), or it gave the RFC 2543 hold address 0.0.0.0 (RFC 3264 §8.4).
    static func isOnHold(_ description: SessionDescription) -> Bool {
        guard let audio = description.media.first(where: { $0.mediaType == "audio" }) else { return false }
        if description.connection(for: audio)?.address == "0.0.0.0" { return true }
        return !description.direction(of: audio).receives
    }

    /// Takes the peer's new description and reports a change when its version moved (RFC 3264 §8).
    mutating func takeRemote(_ description: SessionDescription) -> [InviteSessionAction] {
        let previous = remoteDescription
        remoteDescription = description
        guard let previous, previous.origin.sessionVersion != description.origin.sessionVersion
            || previous.media != description.media
        else { return [] }
        return [.report(.mediaChanged(description, isOnHold: Self.isOnHold(description)))]
    }

    /// Supported (and Allow) fields this UA adds to INVITEs, UPDATEs and their 2xx.
    var capabilityHeaders: [SIPHeaderField] {
        var fields = [configuration.allowHeader]
        if configuration.sessionTimers != nil {
            fields.append(SIPHeaderField(name: SIPHeaderName.supported.rawValue, value: "timer"))
        }
        return fields
    }

    /// Whether `message` lists `tag` in Supported or Require.
    static func lists(_ tag: String, in message: SIPMessage) -> Bool {
        (message.headers.splitValues(.supported) + message.headers.splitValues(.require))
            .contains { $0.caseInsensitiveEquals(tag) }
    }

    /// Whether `message`'s Allow lists UPDATE.
    static func allowsUpdate(_ message: SIPMessage) -> Bool {
        message.headers.splitValues(.allow).contains { $0.caseInsensitiveEquals("UPDATE") }
    }
}
