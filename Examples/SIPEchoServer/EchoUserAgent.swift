import SIPCore
import Synchronization

/// The echo server's transaction user: what it answers to each request.
final class EchoUserAgent: Sendable {
    /// Registrations and digest state; touched from the endpoint's loop, guarded anyway so the
    /// agent stays correct whichever thread calls it.
    private struct State {
        var registrar = Registrar()
        var authenticator: DigestAuthenticator?
    }

    private static let allowedMethods: [SIPMethod] = [.invite, .ack, .bye, .cancel, .options, .message, .register]

    private let screen = UASRequestScreen(
        allowedMethods: allowedMethods,
        knownMethods: [.info, .update, .prack, .refer, .subscribe, .notify, SIPMethod("PUBLISH")],
        acceptedBodyTypes: [.invite: ["application/sdp"], .options: ["application/sdp"]],
        answerBodyTypes: [.invite: "application/sdp"])
    private let credentials: [String: String]
    private let state: Mutex<State>
    private let epoch = ContinuousClock.now

    init(realm: String, credentials: [String: String]) {
        self.credentials = credentials
        let authenticator = credentials.isEmpty ? nil : DigestAuthenticator(realm: realm)
        state = Mutex(State(authenticator: authenticator))
    }

    func handle(_ request: IncomingRequest) {
        let message = request.message
        // ACKs and CANCELs were already dealt with by the transaction layer.
        guard message.method != .ack, message.method != .cancel else { return }
        if let rejection = screen.rejection(for: message) {
            request.respond(statusCode: rejection.statusCode, headers: rejection.headers)
            return
        }
        switch message.method {
        case .options:
            request.respond(statusCode: 200, headers: [
                SIPHeaderField(name: "Allow", value: Self.allowedMethods.map(\.rawValue).joined(separator: ", ")),
                SIPHeaderField(name: "Accept", value: "application/sdp"),
            ])
        case .message:
            request.respond(statusCode: 200)
        case .register:
            register(request)
        case .invite:
            request.respond(statusCode: 486)
        default:
            // BYE: this agent never establishes dialogs (RFC 3261 §12.2.2).
            request.respond(statusCode: 481)
        }
    }

    private func register(_ request: IncomingRequest) {
        let message = request.message
        let now = ContinuousClock.now - epoch
        let source = BindingSourceAddress(
            host: request.source.host, port: request.source.port, transport: request.source.transport.rawValue)
        let response: SIPMessage = state.withLock { state in
            var user: String?
            if var authenticator = state.authenticator {
                defer { state.authenticator = authenticator }
                let seconds = Double(now.components.seconds)
                let outcome = authenticator.verify(
                    credentialValues: message.headers.values(.authorization), method: message.method.rawValue,
                    requestURI: message.requestURI?.description ?? "", now: seconds
                ) { username, _ in self.credentials[username].map(DigestSecret.password) }
                switch outcome {
                case .authenticated(let username):
                    user = username
                case .challenge(let stale):
                    return challenge(message, fields: authenticator.challenge(now: seconds, stale: stale))
                case .rejected:
                    return challenge(message, fields: authenticator.challenge(now: seconds))
                }
            }
            return state.registrar.process(message, from: source, authenticatedUser: user, now: now)
                .response(to: message, toTag: SIPIdentifiers.tag())
        }
        request.respond(response)
    }

    private func challenge(_ request: SIPMessage, fields: [DigestHeaderField]) -> SIPMessage {
        var response = SIPMessage(
            responseTo: request, statusCode: 401,
            headers: fields.map { SIPHeaderField(name: $0.name, value: $0.value) })
        response.to.tag = SIPIdentifiers.tag()
        return response
    }
}
