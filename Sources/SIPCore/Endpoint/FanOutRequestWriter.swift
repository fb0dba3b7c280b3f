import NIOCore

/// Writes the copies of a ``SIPRequestFanOut`` for one endpoint shard: the request serialised
/// once around the parts that differ per copy (Request-URI, branch, From tag, To, Call-ID), each
/// copy written straight into its datagram buffer.
///
/// A copy's bytes are those ``SIPMessage/serialized()`` gives for the same request built with
/// ``SIPMessage/init(request:uri:via:from:to:callID:sequenceNumber:contacts:maxForwards:headers:body:contentType:)``
/// (Via with `rport`, Max-Forwards 70, From, To, Call-ID, CSeq, the headers, Content-Length, body).
struct FanOutRequestWriter {
    /// The prefix that marks a fan-out branch: the magic cookie and a letter no hex digit is, so
    /// that ``FanOutResponseGlance`` tells these branches from every other this endpoint makes.
    static let branchPrefix = SIPVia.magicCookie + "p"
    /// Hex digits of a branch, tag or Call-ID half after their prefix.
    static let identifierDigits = 16

    private let requestLineStart: [UInt8]
    private let afterRequestURI: [UInt8]
    private let afterBranch: [UInt8]
    private let afterTag: [UInt8]
    private let afterToURI: [UInt8]
    private let afterCallID: [UInt8]
    private let fixedByteCount: Int

    /// A writer for `fanOut` sent from `sentBy` (`host:port` of the shard's UDP socket).
    init(_ fanOut: SIPRequestFanOut, sentBy: String) {
        let method = fanOut.method.rawValue
        requestLineStart = Array("\(method) ".utf8)
        afterRequestURI = Array(" SIP/2.0\r\nVia: SIP/2.0/UDP \(sentBy);branch=\(Self.branchPrefix)".utf8)
        afterBranch = Array(";rport\r\nMax-Forwards: 70\r\nFrom: \(SIPNameAddress(uri: fanOut.from).description);tag=".utf8)
        afterTag = Array("\r\nTo: <".utf8)
        afterToURI = Array(">\r\nCall-ID: ".utf8)
        var tail = "\r\nCSeq: \(fanOut.sequenceNumber) \(method)\r\n"
        for field in fanOut.headers { tail += "\(field.name): \(field.value)\r\n" }
        tail += "Content-Length: \(fanOut.body.count)\r\n\r\n"
        afterCallID = Array(tail.utf8) + fanOut.body
        fixedByteCount = requestLineStart.count + afterRequestURI.count + afterBranch.count + afterTag.count
            + afterToURI.count + afterCallID.count + 4 * Self.identifierDigits
    }

    /// The copy for the target whose wire URI is `uriText`, with branch `branch`, From tag `tag`
    /// and Call-ID `callID` (each 64-bit value as 16 lower-case hex digits).
    func request(
        to uriText: String, branch: UInt64, tag: UInt64, callID: (UInt64, UInt64), allocator: ByteBufferAllocator
    ) -> ByteBuffer {
        var buffer = allocator.buffer(capacity: fixedByteCount + 2 * uriText.utf8.count)
        buffer.writeBytes(requestLineStart)
        buffer.writeString(uriText)
        buffer.writeBytes(afterRequestURI)
        Self.writeHex(branch, to: &buffer)
        buffer.writeBytes(afterBranch)
        Self.writeHex(tag, to: &buffer)
        buffer.writeBytes(afterTag)
        buffer.writeString(uriText)
        buffer.writeBytes(afterToURI)
        Self.writeHex(callID.0, to: &buffer)
        Self.writeHex(callID.1, to: &buffer)
        buffer.writeBytes(afterCallID)
        return buffer
    }

    /// The branch parameter's value for `identifier`.
    static func branch(_ identifier: UInt64) -> String {
        var buffer = ByteBuffer()
        writeHex(identifier, to: &buffer)
        return branchPrefix + String(buffer: buffer)
    }

    private static func writeHex(_ value: UInt64, to buffer: inout ByteBuffer) {
        buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: identifierDigits) { bytes in
            for index in 0..<identifierDigits {
                let nibble = UInt8(truncatingIfNeeded: value >> UInt64(60 - 4 * index)) & 0x0F
                bytes[index] = nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") - 10 + nibble
            }
            return identifierDigits
        }
    }
}
