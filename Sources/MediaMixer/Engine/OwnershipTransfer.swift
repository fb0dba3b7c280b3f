/// Carries a non-`Sendable` object from the control path to a media thread.
///
/// @unchecked Sendable: the public API takes the object as a `sending` parameter (or creates it
/// itself, as with an RTP session), so no other reference exists; the control path only queues the
/// box, and the media thread that takes it out of the queue is its only user from then on.
struct OwnershipTransfer<Value>: @unchecked Sendable {
    /// The object handed over.
    let value: Value
}
