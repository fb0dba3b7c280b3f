import Foundation
import ArgumentParser
import ControlAPI
import IMCCommands
import Logging
import SIPCore

/// Everything `parley-imc` is told on its command line and in its config file, checked, with
/// Kamailio imc's defaults (`imc_cmd_start_char` `#`, `create_on_join` 1, `check_on_create` 0)
/// where neither says anything.
struct IMCSettings: Sendable {
    var listenAddresses: [SIPTransportAddress]
    var domain: String?
    var outboundProxy: SIPTransportAddress?
    var configuration: IMCConfiguration
    var extraHeaders: [SIPHeaderField]
    var managerUser: String
    var roomPattern: String
    var store: IMCStoreLocation
    /// The JSON-RPC listener; `nil` for `--rpc off`.
    var rpc: JSONRPCServerConfiguration?
    var logLevel: Logger.Level

    init(_ values: IMCOptionValues) throws {
        listenAddresses = try (values.listen ?? ["udp:127.0.0.1:5070"]).map(Self.parseListenAddress)
        guard !listenAddresses.isEmpty else { throw ValidationError("listen: give at least one listener") }
        domain = values.domain
        outboundProxy = try values.outboundProxy.map(Self.parseOutboundProxy)
        do {
            configuration = try IMCConfiguration(
                commandStart: values.cmdChar ?? "#", createsRoomOnJoin: (values.createOnJoin ?? 1) != 0,
                checksOnCreate: (values.checkOnCreate ?? 0) != 0)
        } catch {
            throw ValidationError("--cmd-char: \(error)")
        }
        extraHeaders = try Self.parseExtraHeaders(values.extraHeaders ?? "")
        managerUser = values.managerUser ?? "chat-manager"
        roomPattern = values.roomPattern ?? "chat-*"
        store = try IMCStoreLocation(values.db ?? "./imc.sqlite")
        let rpc = values.rpc ?? "127.0.0.1:5071"
        self.rpc = try rpc == "off" ? nil : Self.parseRPCAddress(rpc)
        guard let logLevel = Logger.Level(rawValue: values.logLevel ?? "info") else {
            throw ValidationError("--log-level '\(values.logLevel ?? "")' must be trace, debug, info, notice, warning, error or critical")
        }
        self.logLevel = logLevel
    }

    /// Whether a Request-URI user part names the manager or a room (Kamailio's routing script
    /// `$rU =~ "^chat-"`), matched case-insensitively with `*` as a wildcard.
    func routesToManager(user: String) -> Bool {
        user.lowercased() == managerUser.lowercased() || Self.matches(user.lowercased(), pattern: roomPattern.lowercased())
    }

    private static func matches(_ text: String, pattern: String) -> Bool {
        let parts = pattern.split(separator: "*", omittingEmptySubsequences: false)
        guard parts.count > 1 else { return text == pattern }
        var rest = Substring(text)
        guard rest.hasPrefix(parts[0]) else { return false }
        rest = rest.dropFirst(parts[0].count)
        for part in parts.dropFirst().dropLast() {
            guard let range = rest.range(of: part) else { return false }
            rest = rest[range.upperBound...]
        }
        return rest.hasSuffix(parts.last!)
    }

    /// `127.0.0.1:5071` for the JSON-RPC listener.
    static func parseRPCAddress(_ text: String) throws -> JSONRPCServerConfiguration {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
              (0...65535).contains(port)
        else { throw ValidationError("--rpc '\(text)' needs host:port") }
        let host = text[..<colon].trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        // Kamailio's jsonrpcs answers a fault with its code as the HTTP status; clients may look at it.
        return JSONRPCServerConfiguration(host: host, port: port, errorStatus: .kamailio)
    }

    /// `udp:127.0.0.1:5070`, `tcp:[::1]:5070`.
    static func parseListenAddress(_ text: String) throws -> SIPTransportAddress {
        guard let colon = text.firstIndex(of: ":"),
              let transport = SIPTransportProtocol(rawValue: text[..<colon].uppercased())
        else { throw ValidationError("--listen '\(text)' needs udp: or tcp: before host:port") }
        do {
            return try SIPTransportAddress(transport, hostPort: String(text[text.index(after: colon)...]))
        } catch {
            throw ValidationError("--listen '\(text)': \(error.reason)")
        }
    }

    /// `sip:127.0.0.1:5060` (with `;transport=tcp` for TCP).
    static func parseOutboundProxy(_ text: String) throws -> SIPTransportAddress {
        guard let uri = try? SIPURI(parsing: text), uri.isSIP else { throw ValidationError("--outbound-proxy '\(text)' is not a SIP URI") }
        let transport: SIPTransportProtocol = uri.transport == "tcp" ? .tcp : .udp
        do {
            return try SIPTransportAddress(transport, host: uri.host, port: uri.port ?? 5060)
        } catch {
            throw ValidationError("--outbound-proxy '\(text)' needs a numeric IP address")
        }
    }

    /// `X-A: b\r\nX-C: d\r\n` (with literal `\r\n` as typed on a command line, or real line ends).
    static func parseExtraHeaders(_ text: String) throws -> [SIPHeaderField] {
        let normalized = text.replacingOccurrences(of: "\\r\\n", with: "\n").replacingOccurrences(of: "\r\n", with: "\n")
        return try normalized.split(separator: "\n").map { line in
            guard let colon = line.firstIndex(of: ":") else { throw ValidationError("--extra-headers line '\(line)' has no colon") }
            return SIPHeaderField(
                name: String(line[..<colon]).trimmingCharacters(in: .whitespaces),
                value: String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces))
        }
    }
}
