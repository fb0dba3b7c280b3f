extension SIPMessage {
    /// The message as bytes on the wire: start line, header lines in order, empty line, body.
    public func serialized() -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(256 + headers.count * 48 + body.count)
        serialize(into: &bytes)
        return bytes
    }

    /// Appends the message's wire form to `bytes` (lets a caller reuse one buffer).
    public func serialize(into bytes: inout [UInt8]) {
        switch startLine {
        case .request(let method, let uri):
            bytes += method.rawValue.utf8
            bytes.append(UInt8(ascii: " "))
            bytes += uri.description.utf8
            bytes += " SIP/2.0\r\n".utf8
        case .response(let code, let reason):
            bytes += "SIP/2.0 ".utf8
            bytes += String(code).utf8
            bytes.append(UInt8(ascii: " "))
            bytes += reason.utf8
            bytes += "\r\n".utf8
        }
        for field in headers {
            bytes += field.name.utf8
            bytes += ": ".utf8
            bytes += field.value.utf8
            bytes += "\r\n".utf8
        }
        bytes += "\r\n".utf8
        bytes += body
    }
}
