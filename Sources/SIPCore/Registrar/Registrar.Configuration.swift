extension Registrar {
    /// The registrar's local policy: the choices RFC 3261 §10.3 leaves to "the registrar".
    public struct Configuration: Sendable, Hashable {
        /// The domains whose bindings this registrar holds, in lower case; empty means every domain.
        /// A Request-URI (§10.3 step 1) or To host (§10.3 step 5) outside the set gets 404 Not Found.
        public var domains: Set<String>
        /// Seconds granted when neither the Contact's `expires` parameter nor an Expires header asks
        /// for an interval (§10.3 step 7: "a locally-configured default value").
        public var defaultExpires: Int
        /// The shortest non-zero interval accepted; shorter requests get 423 Interval Too Brief with a
        /// Min-Expires header (§10.3 step 7, §20.23).
        public var minimumExpires: Int
        /// The longest interval granted; longer requests are shortened to it, which §10.3 step 7
        /// allows ("the registrar MAY shorten the expiration interval").
        public var maximumExpires: Int
        /// How many live bindings one address-of-record may hold. A REGISTER that adds a binding
        /// beyond it gets 503 "Too Many Registered Contacts", the answer of Kamailio's `max_contacts`.
        public var maximumContactsPerAddressOfRecord: Int
        /// Whether the user the caller authenticated must equal the To URI's user part (§10.3 step 4).
        /// When `false`, any authenticated (or unauthenticated) party may register any record, which
        /// suits a registrar whose caller authorises third-party registrations itself.
        public var requireAuthenticatedUserToMatchAOR: Bool
        /// The option tags this registrar understands in a Require header (§10.3 step 2, §8.2.2.3), in
        /// lower case; any other one gets 420 Bad Extension.
        public var supportedExtensions: Set<String>

        /// Creates a configuration. The defaults are common registrar practice: an hour when nothing is
        /// asked, 60 s minimum, 7200 s maximum, 10 contacts per record, no extensions.
        public init(
            domains: Set<String> = [], defaultExpires: Int = 3600, minimumExpires: Int = 60,
            maximumExpires: Int = 7200, maximumContactsPerAddressOfRecord: Int = 10,
            requireAuthenticatedUserToMatchAOR: Bool = false, supportedExtensions: Set<String> = []
        ) {
            self.domains = Set(domains.map { $0.lowercased() })
            self.defaultExpires = defaultExpires
            self.minimumExpires = minimumExpires
            self.maximumExpires = maximumExpires
            self.maximumContactsPerAddressOfRecord = maximumContactsPerAddressOfRecord
            self.requireAuthenticatedUserToMatchAOR = requireAuthenticatedUserToMatchAOR
            self.supportedExtensions = Set(supportedExtensions.map { $0.lowercased() })
        }

        /// Whether `host` is one of ``domains`` (or ``domains`` is empty).
        func serves(host: String) -> Bool {
            domains.isEmpty || domains.contains(host.lowercased())
        }
    }
}
