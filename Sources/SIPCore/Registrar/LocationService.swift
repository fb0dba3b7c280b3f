/// The abstract location service of RFC 3261 §10.1: for each address-of-record, the contact addresses
/// currently bound to it.
///
/// A plain value with no clock and no process-wide state: every query takes `now`, and a lapsed
/// binding is never returned even before ``removeExpired(now:)`` drops it. Times are ``Duration``s since
/// an epoch of the caller's choosing, the same one ``Registrar`` is given.
public struct LocationService: Sendable, Hashable {
    private var bindingsByAddressOfRecord: [AddressOfRecord: [Binding]] = [:]

    /// Creates an empty location service.
    public init() {}

    /// The live bindings of `aor`, most preferred first: `q` descending, then the most recently written
    /// (`q` is the relative preference of RFC 3261 §10.2.1.2 that a proxy honours, §16.6; ties go to the
    /// freshest registration, the one most likely still reachable). Expired bindings are left out.
    public func lookup(aor: AddressOfRecord, now: Duration) -> [Binding] {
        let live = (bindingsByAddressOfRecord[aor] ?? []).enumerated().filter { !$0.element.isExpired(at: now) }
        return live.sorted { lhs, rhs in
            if lhs.element.qValue != rhs.element.qValue { return lhs.element.qValue > rhs.element.qValue }
            if lhs.element.updatedAt != rhs.element.updatedAt { return lhs.element.updatedAt > rhs.element.updatedAt }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }

    /// Replaces every binding of `aor` at once; an empty list removes the record. ``Registrar`` commits a
    /// REGISTER through this so that either all of its changes become visible or none do (RFC 3261
    /// §10.3 step 7); a persistent store can also restore saved bindings with it.
    public mutating func replaceBindings(of aor: AddressOfRecord, with bindings: [Binding]) {
        bindingsByAddressOfRecord[aor] = bindings.isEmpty ? nil : bindings
    }

    /// Drops every binding that has lapsed at `now`, and every record left without bindings.
    public mutating func removeExpired(now: Duration) {
        for (aor, bindings) in bindingsByAddressOfRecord {
            let live = bindings.filter { !$0.isExpired(at: now) }
            if live.count != bindings.count { replaceBindings(of: aor, with: live) }
        }
    }

    /// How many addresses-of-record hold at least one stored binding (lapsed ones count until
    /// ``removeExpired(now:)`` runs).
    public var addressOfRecordCount: Int { bindingsByAddressOfRecord.count }

    /// How many bindings are stored over all records (lapsed ones count until ``removeExpired(now:)`` runs).
    public var bindingCount: Int { bindingsByAddressOfRecord.values.reduce(0) { $0 + $1.count } }
}
