/// A media stream's direction attribute (RFC 3264 §5.1, RFC 4566 §6), seen from the side
/// that wrote the description.
public enum MediaDirection: String, Sendable, Hashable, CaseIterable {
    /// Sends and receives; the default when no direction attribute is present.
    case sendrecv
    /// Only sends; the usual way to put the peer on hold (RFC 3264 §8.4).
    case sendonly
    /// Only receives.
    case recvonly
    /// Neither sends nor receives.
    case inactive

    /// Creates the direction that sends and receives as given.
    public init(sends: Bool, receives: Bool) {
        switch (sends, receives) {
        case (true, true): self = .sendrecv
        case (true, false): self = .sendonly
        case (false, true): self = .recvonly
        case (false, false): self = .inactive
        }
    }

    /// Whether media flows from the describing side.
    public var sends: Bool { self == .sendrecv || self == .sendonly }

    /// Whether media flows to the describing side.
    public var receives: Bool { self == .sendrecv || self == .recvonly }

    /// The same stream seen from the other side: `sendonly` becomes `recvonly` and vice versa.
    public var reversed: MediaDirection {
        MediaDirection(sends: receives, receives: sends)
    }

    /// The direction an answerer writes for a stream offered as `self` when it is itself
    /// willing to do `local` (RFC 3264 §6.1): it may only send what the offerer receives and
    /// receive what the offerer sends, so `sendonly` is answered `recvonly` and `inactive`
    /// stays `inactive`.
    public func answered(local: MediaDirection = .sendrecv) -> MediaDirection {
        MediaDirection(sends: receives && local.sends, receives: sends && local.receives)
    }
}
