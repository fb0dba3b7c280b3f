extension LocationService {
    /// One contact address bound to an address-of-record (RFC 3261 §10.3 step 7), with what the
    /// registrar needs to order, refresh and expire it.
    ///
    /// Times are ``Duration``s since an epoch the caller chooses and keeps (for a registry that is
    /// persisted, the Unix epoch). The location service never reads a clock.
    public struct Binding: Sendable, Hashable {
        /// The Contact value as registered: the URI with its own parameters and headers, and the header
        /// parameters outside the angle brackets (RFC 4475 §3.4.1, §3.4.2) except `expires`, which
        /// ``expiry`` replaces.
        public var contact: SIPNameAddress
        /// When the binding lapses, in time since the caller's epoch.
        public var expiry: Duration
        /// The contact's `q` preference (RFC 3261 §20.10), 0 to 1; 1 when the Contact carried none.
        public var qValue: Double
        /// The Call-ID of the REGISTER that last wrote this binding (RFC 3261 §10.3 step 7).
        public var callID: String
        /// The CSeq number of the REGISTER that last wrote this binding (RFC 3261 §10.3 step 7).
        public var sequenceNumber: UInt32
        /// Where that REGISTER came from, to reach a client behind a NAT (RFC 5626 §7).
        public var source: BindingSourceAddress
        /// When the binding was last written; the newer of two equally preferred bindings comes first.
        public var updatedAt: Duration

        /// Creates a binding.
        public init(
            contact: SIPNameAddress, expiry: Duration, qValue: Double, callID: String, sequenceNumber: UInt32,
            source: BindingSourceAddress, updatedAt: Duration
        ) {
            self.contact = contact
            self.expiry = expiry
            self.qValue = qValue
            self.callID = callID
            self.sequenceNumber = sequenceNumber
            self.source = source
            self.updatedAt = updatedAt
        }

        /// Whether the binding has lapsed at `now`; a lapsed binding no longer exists (RFC 3261 §10.2.1).
        public func isExpired(at now: Duration) -> Bool {
            expiry <= now
        }

        /// Whole seconds left at `now`, rounded up so that a live binding never reports 0 — which a
        /// client would read as "removed" (RFC 3261 §10.2.4) — and 0 once lapsed.
        public func remainingSeconds(at now: Duration) -> Int {
            guard !isExpired(at: now) else { return 0 }
            let (seconds, attoseconds) = (expiry - now).components
            return Int(seconds) + (attoseconds > 0 ? 1 : 0)
        }

        /// The Contact value for a 200 OK: the registered contact with `;expires=` set to the
        /// remaining seconds, as RFC 3261 §10.3 step 8 requires of every listed binding.
        public func contactForResponse(at now: Duration) -> SIPNameAddress {
            var contact = contact
            contact.parameters.set("expires", to: String(remainingSeconds(at: now)))
            return contact
        }
    }
}
