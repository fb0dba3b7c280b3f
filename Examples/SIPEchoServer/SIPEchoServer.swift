import ArgumentParser
import Logging
import NIOPosix
import SIPCore
import ServiceLifecycle

/// `sip-echo-server`: a small SIP user agent built only from SIPCore. It answers OPTIONS and
/// MESSAGE with 200, keeps registrations, turns INVITEs down with 486, and answers everything
/// else as RFC 3261 says — a peer for SIPp and a worked example of the library.
@main
struct SIPEchoServer: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sip-echo-server",
        abstract: "A SIP echo server built from Parley's SIPCore.")

    @Option(name: .long, help: "Address to listen on, host:port (IPv6 as [::1]:5060). Repeat for several.")
    var listen: [String] = ["127.0.0.1:5060"]

    @Flag(name: .long, help: "Listen on TCP as well as UDP.")
    var tcp = false

    @Option(name: .long, help: "Require digest authentication for REGISTER with this user, as user:password. Repeat for several.")
    var user: [String] = []

    @Option(name: .long, help: "Digest realm for REGISTER authentication.")
    var realm = "parley"

    @Option(
        name: .long,
        help: "Digest algorithms to challenge with, preferred first, comma-separated (sha-256,md5 or md5).")
    var digestAlgorithm = "sha-256,md5"

    @Option(name: .long, help: "Log level (trace, debug, info, notice, warning, error).")
    var logLevel: Logger.Level = .info

    func run() async throws {
        var logger = Logger(label: "sip-echo-server")
        logger.logLevel = logLevel
        let addresses = try listen.flatMap { text in
            let transports: [SIPTransportProtocol] = tcp ? [.udp, .tcp] : [.udp]
            return try transports.map { transport in
                do throws(SIPTransportError) {
                    return try SIPTransportAddress(transport, hostPort: text)
                } catch {
                    throw ValidationError("--listen: \(error.reason)")
                }
            }
        }
        let credentials = try Dictionary(user.map(Self.parseCredential), uniquingKeysWith: { _, last in last })
        let algorithms = try Self.parseAlgorithms(digestAlgorithm)
        let userAgent = EchoUserAgent(realm: realm, algorithms: algorithms, credentials: credentials)
        let endpoint = SIPEndpoint(
            configuration: .init(listenAddresses: addresses, productName: "Parley sip-echo-server"),
            eventLoop: MultiThreadedEventLoopGroup.singleton.next(), logger: logger,
            requestHandler: { request in userAgent.handle(request) })
        let service = EndpointService(endpoint: endpoint, logger: logger)
        let group = ServiceGroup(services: [service], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        try await group.run()
    }

    private static func parseCredential(_ text: String) throws -> (String, String) {
        guard let colon = text.firstIndex(of: ":") else { throw ValidationError("--user takes user:password") }
        return (String(text[..<colon]), String(text[text.index(after: colon)...]))
    }

    /// RFC 8760 §2.4 has servers offer SHA-256 first; peers that compute MD5 only from the first
    /// challenge (SIPp 3.6) need an MD5-only server.
    private static func parseAlgorithms(_ text: String) throws -> [DigestAlgorithm] {
        let algorithms = try text.split(separator: ",").map { token in
            guard let algorithm = DigestAlgorithm(token: String(token.filter { !$0.isWhitespace })) else {
                throw ValidationError("--digest-algorithm: unknown algorithm '\(token)'")
            }
            return algorithm
        }
        guard !algorithms.isEmpty else { throw ValidationError("--digest-algorithm needs at least one algorithm") }
        return algorithms
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
