/// Line boundaries in raw message bytes, for the glances that read a datagram before parsing it
/// (``ResponseGlance``, ``FanOutResponseGlance``).
enum HeaderLineScanning {
    /// Index of the CR or LF ending the line that starts at `start` (or the end of the bytes).
    static func lineEnd(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while index < bytes.count, bytes[index] != UInt8(ascii: "\r"), bytes[index] != UInt8(ascii: "\n") { index += 1 }
        return index
    }

    /// Index of the first byte after the line ending at or containing `index` and its CRLF or LF.
    static func nextLine(_ bytes: [UInt8], after index: Int) -> Int {
        var next = lineEnd(bytes, from: index)
        if next < bytes.count, bytes[next] == UInt8(ascii: "\r") { next += 1 }
        if next < bytes.count, bytes[next] == UInt8(ascii: "\n") { next += 1 }
        return next
    }
}
