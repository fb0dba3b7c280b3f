/// A `b=` line: proposed bandwidth in kilobits per second (RFC 4566 §5.8), or in bits per
/// second for `TIAS` (RFC 3890).
public struct SDPBandwidth: Sendable, Hashable {
    /// The modifier, e.g. `AS`, `CT` or `TIAS`.
    public var type: String
    /// The bandwidth value in the unit the modifier defines.
    public var value: UInt64

    /// Creates a bandwidth line.
    public init(type: String, value: UInt64) {
        self.type = type
        self.value = value
    }
}
