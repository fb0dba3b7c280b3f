import ArgumentParser
import SIPCore

/// Parses `host:port` and `[v6]:port` listen addresses.
enum ListenAddress {
    static func parse(_ text: String, transport: SIPTransportProtocol) throws -> SIPTransportAddress {
        let host: Substring
        let portText: Substring
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            host = text[text.index(after: text.startIndex)..<close]
            portText = text[text.index(after: close)...].drop { $0 == ":" }
        } else if let colon = text.lastIndex(of: ":") {
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
        } else {
            throw ValidationError("listen address '\(text)' needs host:port")
        }
        guard let port = Int(portText), (0...65535).contains(port) else {
            throw ValidationError("listen address '\(text)' has no valid port")
        }
        do {
            return try SIPTransportAddress(transport, host: String(host), port: port)
        } catch {
            throw ValidationError("listen address '\(text)' is not a numeric IP address")
        }
    }
}
