import Foundation
import SIPCore
import SIPTesting

/// A SIP user agent for black-box tests on one UDP socket: it registers, sends MESSAGEs and
/// collects the MESSAGEs it receives, answering each with 200 as a phone would.
final class TestUserAgent {
    let user: String
    let domain: String
    let socket: TestUDPSocket
    private let serverPort: Int
    private var sequence: UInt32 = 0
    /// MESSAGE requests received so far, in arrival order.
    private(set) var inbox: [SIPMessage] = []
    /// The bytes of each MESSAGE in ``inbox``, as they arrived, for checks on exact header text.
    private(set) var inboxText: [String] = []
    /// The final response to the last request this agent sent (`nil` if none came in time).
    private(set) var lastResponse: SIPMessage?
    /// Final responses received so far, keyed by Call-ID.
    private var responses: [String: SIPMessage] = [:]
    /// How many of ``inbox`` ``receiveMessages(count:within:window:)`` has handed out.
    private var handedOut = 0

    /// How long a request waits for its final response.
    var responseTimeout: Duration = .seconds(3)

    init(user: String, domain: String = "imc.test", serverPort: Int) throws {
        self.user = user
        self.domain = domain
        self.serverPort = serverPort
        socket = try TestUDPSocket()
    }

    var uri: String { "sip:\(user)@\(domain)" }

    /// REGISTERs this agent's socket address as the contact of `sip:user@domain`; the status code.
    @discardableResult
    func register(expires: Int = 300) async throws -> Int? {
        try await request("REGISTER", uri: "sip:\(domain)", to: uri, body: "", extraHeaders: "Contact: <sip:\(user)@127.0.0.1:\(socket.port)>\r\nExpires: \(expires)\r\n")
    }

    /// Sends a MESSAGE with a text body; the final status code.
    @discardableResult
    func message(_ body: String, to target: String) async throws -> Int? {
        try await request("MESSAGE", uri: target, to: target, body: body, extraHeaders: "Content-Type: text/plain\r\n")
    }

    /// Sends raw bytes to the server and returns the first response to arrive, not parsed
    /// (requests arriving meanwhile are answered and kept, as ``message(_:to:)`` does).
    func sendRaw(_ text: String) async throws -> [UInt8]? {
        try socket.send(Array(text.utf8), to: "127.0.0.1", port: serverPort)
        while let datagram = await socket.receive(within: .seconds(2)) {
            if datagram.bytes.starts(with: "SIP/2.0 ".utf8) { return datagram.bytes }
            handle(datagram)
        }
        return nil
    }

    /// Collects the MESSAGEs that arrive within `window` and returns, in arrival order, those not
    /// returned before: also any that came in while a request of this agent waited for its
    /// response, since a server may send a MESSAGE before its answer. All stay in ``inbox``.
    ///
    /// With `count`, the window is stretched until that many have arrived (at most `limit`): a test
    /// that expects a message waits for it however busy the machine is, and still sees any extra one
    /// that arrives within the window. Without it, the window is what is measured: a test checks what
    /// arrives in that stretch of time, or that nothing does.
    func receiveMessages(count: Int? = nil, within limit: Duration = .seconds(5), window: Duration = .milliseconds(400)) async -> [SIPMessage] {
        let start = ContinuousClock.now
        if let count {
            await pump(until: start + limit) { self.inbox.count - self.handedOut >= count }
        }
        await pump(until: start + window) { false }
        defer { handedOut = inbox.count }
        return Array(inbox[handedOut...])
    }

    private func request(_ method: String, uri: String, to: String, body: String, extraHeaders: String) async throws -> Int? {
        sequence += 1
        let callID = "\(user)-\(sequence)-\(UInt32.random(in: 0...UInt32.max))"
        let text = "\(method) \(uri) SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP 127.0.0.1:\(socket.port);branch=z9hG4bK-\(callID);rport\r\n"
            + "Max-Forwards: 70\r\nFrom: <\(self.uri)>;tag=\(user)\(sequence)\r\nTo: <\(to)>\r\n"
            + "Call-ID: \(callID)\r\nCSeq: \(sequence) \(method)\r\n\(extraHeaders)"
            + "Content-Length: \(body.utf8.count)\r\n\r\n\(body)"
        try socket.send(Array(text.utf8), to: "127.0.0.1", port: serverPort)
        await pump(until: ContinuousClock.now + responseTimeout) { self.responses[callID] != nil }
        lastResponse = responses[callID]
        return lastResponse?.statusCode
    }

    /// Reads datagrams until `done` or the deadline: responses are kept, MESSAGEs answered 200.
    private func pump(until deadline: ContinuousClock.Instant, done: () -> Bool) async {
        while !done(), case let remaining = deadline - ContinuousClock.now, remaining > .zero,
              let datagram = await socket.receive(within: remaining) {
            handle(datagram)
        }
    }

    /// Keeps a final response; keeps a new MESSAGE in ``inbox`` and answers every request 200.
    private func handle(_ datagram: (bytes: [UInt8], port: Int)) {
        guard let message = try? SIPMessage(parsing: datagram.bytes) else { return }
        if let code = message.statusCode {
            if code >= 200 { responses[message.callID] = message }
        } else {
            if message.method == .message, !inbox.contains(where: { $0.callID == message.callID }) {
                inbox.append(message)
                inboxText.append(String(decoding: datagram.bytes, as: UTF8.self))
            }
            var ok = SIPMessage(responseTo: message, statusCode: 200)
            ok.to.tag = "ua-\(user)"
            try? socket.send(ok.serialized(), to: "127.0.0.1", port: datagram.port)
        }
    }
}
