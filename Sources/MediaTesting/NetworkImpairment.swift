/// Loss and jitter a test peer injects into what it sends, as a bad network would.
public struct NetworkImpairment: Sendable, Hashable {
    /// The share (0...1) of packets dropped at random.
    public var lossRate: Double
    /// The largest extra delay a packet gets; each packet's delay is uniform in 0...jitter, so
    /// packets overtake one another.
    public var jitter: Duration
    /// The seed of the random choices, so a failing run can be repeated.
    public var seed: UInt64

    /// A clean network.
    public static let none = NetworkImpairment(lossRate: 0, jitter: .zero)

    /// Creates an impairment.
    public init(lossRate: Double, jitter: Duration, seed: UInt64 = 0x5EED) {
        precondition((0...1).contains(lossRate), "loss rate is a share between 0 and 1")
        self.lossRate = lossRate
        self.jitter = jitter
        self.seed = seed
    }
}
