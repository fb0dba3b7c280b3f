import NIOCore

/// One call of an ``InviteSessionManager``, incoming or outgoing: its events and the commands
/// that drive it. Commands may be called from any thread; they run on the manager's event loop.
public final class InviteCall: Sendable {
    /// The manager's number for the call, unique while it lives.
    public let id: Int
    /// The INVITE that opened the call: as received, or as first sent.
    public let invite: SIPMessage
    /// What the session reports, ending after ``InviteSessionEvent/terminated(_:)``; with
    /// ``InviteSessionManager/EventDelivery/combined`` delivery the events go to the manager's
    /// ``InviteSessionManager/activity`` instead and this stream ends at once.
    public let events: AsyncStream<InviteSessionEvent>
    private let registry: InviteSessionRegistry

    init(id: Int, invite: SIPMessage, events: AsyncStream<InviteSessionEvent>, registry: InviteSessionRegistry) {
        self.id = id
        self.invite = invite
        self.events = events
        self.registry = registry
    }

    /// Sends 180, or 183 with early media (see ``InviteSession/ring(earlyMedia:)``).
    public func ring(earlyMedia: SessionDescription? = nil) {
        registry.command(id) { $0.ring(earlyMedia: earlyMedia) }
    }

    /// Answers the INVITE, a re-INVITE, an UPDATE or a 2xx offer (see ``InviteSession/answer(sdp:)``).
    public func answer(sdp: SessionDescription) {
        registry.command(id) { $0.answer(sdp: sdp) }
    }

    /// Turns down the INVITE or a pending re-INVITE/UPDATE (see ``InviteSession/reject(statusCode:reasonPhrase:)``).
    public func reject(statusCode: Int, reasonPhrase: String? = nil) {
        registry.command(id) { $0.reject(statusCode: statusCode, reasonPhrase: reasonPhrase) }
    }

    /// Ends the call: BYE, CANCEL or 603 as its state allows (see ``InviteSession/hangUp()``).
    public func hangUp() {
        registry.command(id) { $0.hangUp() }
    }

    /// Sends a new offer by re-INVITE or UPDATE (see ``InviteSession/modify(sdp:method:)``).
    public func modify(sdp: SessionDescription, method: SIPMethod = .invite) {
        registry.command(id) { $0.modify(sdp: sdp, method: method) }
    }

    /// Sends INFO in the dialog (see ``InviteSession/sendInfo(contentType:body:)``).
    public func sendInfo(contentType: String, body: [UInt8]) {
        registry.command(id) { $0.sendInfo(contentType: contentType, body: body) }
    }

    /// The session as it is now, or `nil` once it has ended and been dropped.
    public func session() async -> InviteSession? {
        let registry = self.registry
        let id = self.id
        return try? await registry.eventLoop.submit { registry.session(id) }.get()
    }
}
