/// The CSeq header (RFC 3261 §20.16): a 32-bit sequence number and the request method.
public struct SIPCSeq: Sendable, Hashable, CustomStringConvertible {
    /// The sequence number, less than 2**31 when chosen by a UAC and at most 2**32-1 on the wire (§8.1.1.5).
    public var sequenceNumber: UInt32
    /// The method; it must equal the request's method (§8.1.1.5).
    public var method: SIPMethod

    /// Creates a CSeq value.
    public init(sequenceNumber: UInt32, method: SIPMethod) {
        self.sequenceNumber = sequenceNumber
        self.method = method
    }

    /// The value rendered as it goes on the wire.
    public var description: String { "\(sequenceNumber) \(method.rawValue)" }
}
