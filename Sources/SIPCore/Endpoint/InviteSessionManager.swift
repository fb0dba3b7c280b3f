import Logging
import NIOCore

/// The INVITE usage on top of a ``SIPEndpoint``: routes INVITE, ACK, BYE, CANCEL, UPDATE, INFO
/// and re-INVITEs to their ``InviteSession`` by dialog, answers in-dialog requests of unknown
/// dialogs with 481 (RFC 3261 §12.2.2), hands new calls to ``incomingCalls`` (or ``activity``,
/// see ``EventDelivery``) and places calls with
/// ``invite(to:from:sdp:credentials:headers:destination:)``. Every other request goes to the
/// handler given at creation.
public final class InviteSessionManager: Sendable {
    /// What the manager needs beside the endpoint's own configuration.
    public struct Configuration: Sendable {
        /// The endpoint's listen addresses and transaction timers.
        public var endpoint: SIPEndpoint.Configuration
        /// The user part of this UA's Contact.
        public var contactUser: String?
        /// Session timers for every call; `nil` (the default) uses none (RFC 4028).
        public var sessionTimers: SessionTimerConfiguration?
        /// The methods accepted in calls and advertised in Allow.
        public var allowedMethods: [SIPMethod]
        /// Incoming calls the user has not acted on yet (no ringing, answer or refusal) beyond which
        /// a new INVITE gets `503 Service Unavailable` with `Retry-After` (RFC 3261 §21.5.4), so a
        /// UA that falls behind keeps the calls it has instead of losing them all; `nil` for no limit.
        public var maximumUnansweredCalls: Int?
        /// Where new calls and the calls' events are delivered.
        public var eventDelivery: EventDelivery

        /// Creates a configuration.
        public init(
            endpoint: SIPEndpoint.Configuration, contactUser: String? = nil,
            sessionTimers: SessionTimerConfiguration? = nil,
            allowedMethods: [SIPMethod] = [.invite, .ack, .bye, .cancel, .update, .info, .options],
            maximumUnansweredCalls: Int? = nil, eventDelivery: EventDelivery = .perCall
        ) {
            self.endpoint = endpoint
            self.contactUser = contactUser
            self.sessionTimers = sessionTimers
            self.allowedMethods = allowedMethods
            self.maximumUnansweredCalls = maximumUnansweredCalls
            self.eventDelivery = eventDelivery
        }
    }

    /// Where a manager delivers new calls and the calls' events.
    public enum EventDelivery: Sendable {
        /// New calls on ``InviteSessionManager/incomingCalls``, each call's events on its own
        /// ``InviteCall/events``: a consumer per call. ``InviteSessionManager/activity`` ends at once.
        case perCall
        /// New calls and every call's events on ``InviteSessionManager/activity``, in the order
        /// they happened: one consumer for all calls, which a busy server drains in batches
        /// instead of being woken once per event of each call. ``InviteSessionManager/incomingCalls``
        /// and each ``InviteCall/events`` end at once.
        case combined
    }

    /// The endpoint the calls run on.
    public let endpoint: SIPEndpoint
    /// Calls arriving: answer, ring or reject each one (``EventDelivery/perCall`` delivery).
    public let incomingCalls: AsyncStream<InviteCall>
    /// Calls arriving and every call's events (``EventDelivery/combined`` delivery).
    public let activity: AsyncStream<InviteSessionActivity>
    private let registry: InviteSessionRegistry

    /// Creates the manager and its endpoint on `eventLoop`; `otherRequests` gets every request
    /// outside a dialog that is no INVITE (OPTIONS, MESSAGE, REGISTER …) to answer. Without it,
    /// OPTIONS is answered 200 with Allow and Supported (RFC 3261 §11.2) and anything else 405.
    public init(
        configuration: Configuration, eventLoop: EventLoop, logger: Logger = Logger(label: "parley.sip.invite"),
        otherRequests: (@Sendable (IncomingRequest) -> Void)? = nil
    ) {
        let (calls, callsContinuation) = AsyncStream<InviteCall>.makeStream()
        let (activity, activityContinuation) = AsyncStream<InviteSessionActivity>.makeStream()
        switch configuration.eventDelivery {
        case .perCall: activityContinuation.finish()
        case .combined: callsContinuation.finish()
        }
        let registry = InviteSessionRegistry(
            configuration: configuration, eventLoop: eventLoop, logger: logger, incomingCalls: callsContinuation,
            activity: activityContinuation, otherRequests: otherRequests)
        self.endpoint = registry.endpoint
        self.registry = registry
        self.incomingCalls = calls
        self.activity = activity
    }

    /// Binds the endpoint and returns its addresses; each call's Contact is the one of its transport.
    public func start() async throws -> [SIPTransportAddress] {
        let bound = try await endpoint.start()
        let registry = self.registry
        try await endpoint.eventLoop.submit { registry.useContactAddresses(bound) }.get()
        return bound
    }

    /// Places a call: sends the INVITE and returns the call at once; its events tell how it goes.
    ///
    /// - Parameters:
    ///   - to: The callee (Request-URI and To).
    ///   - from: This UA's identity.
    ///   - sdp: The offer, or `nil` to let the callee offer in its 2xx (RFC 3264 §4).
    ///   - credentials: Answer one 401/407 with these (RFC 3261 §22.2); a second challenge ends the call.
    ///   - headers: Further INVITE header fields.
    ///   - destination: Where to send requests outside the dialog (an outbound proxy); by default
    ///     the Request-URI's host and port.
    public func invite(
        to: SIPNameAddress, from: SIPNameAddress, sdp: SessionDescription?, credentials: DigestClient? = nil,
        headers: [SIPHeaderField] = [], destination: SIPTransportAddress? = nil
    ) async throws -> InviteCall {
        let registry = self.registry
        return try await endpoint.eventLoop.submit {
            registry.placeCall(
                to: to, from: from, sdp: sdp, credentials: credentials, headers: headers, destination: destination)
        }.get()
    }

    /// Ends every call's stream and closes the endpoint.
    public func shutdown() async {
        let registry = self.registry
        try? await endpoint.eventLoop.submit { registry.shutdown() }.get()
        await endpoint.shutdown()
    }
}
