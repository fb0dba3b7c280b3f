/// Percent-escaping of URI parameter and header values on output (RFC 3261 §25.1 `paramchar`, `hnv-unreserved`).
enum URIEscaping {
    private static let unreserved = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.!~*'()".utf8)
    private static let parameterUnreserved = unreserved.union("[]/:&+$".utf8)
    private static let headerUnreserved = unreserved.union("[]/?:+$".utf8)

    /// Escapes a URI parameter value: `paramchar = param-unreserved / unreserved / escaped`.
    static func escapeParameter(_ value: String) -> String { escape(value, keeping: parameterUnreserved) }

    /// Escapes a URI header value: `hvalue = *( hnv-unreserved / unreserved / escaped )`.
    static func escapeHeader(_ value: String) -> String { escape(value, keeping: headerUnreserved) }

    private static func escape(_ value: String, keeping allowed: Set<UInt8>) -> String {
        if value.utf8.allSatisfy(allowed.contains) { return value }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(value.utf8.count + 8)
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in value.utf8 {
            if allowed.contains(byte) {
                bytes.append(byte)
            } else {
                bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
