/// A SIP registrar (RFC 3261 §10.3): turns REGISTER requests into changes of its ``LocationService``
/// and into the final response each request calls for.
///
/// Sans-I/O: ``process(_:from:authenticatedUser:now:)`` takes the parsed request, the address it came
/// from, the outcome of the caller's authentication and the current time, and returns a
/// ``RegistrarOutcome``; the caller sends `outcome.response(to:toTag:)` through its server transaction.
/// Times are ``Duration``s since an epoch the caller chooses and keeps for the life of the location
/// service (the Unix epoch when bindings are persisted).
///
/// Authentication (§10.3 step 3, §22) happens before: the caller challenges an unauthenticated request
/// with 401 itself and passes the user it authenticated, or `nil` when it does not authenticate.
public struct Registrar: Sendable {
    /// The local policy.
    public var configuration: Configuration
    /// The bindings this registrar maintains; a proxy reads them with ``LocationService/lookup(aor:now:)``.
    public var locationService: LocationService

    /// Creates a registrar, optionally over bindings restored from storage.
    public init(configuration: Configuration = Configuration(), locationService: LocationService = LocationService()) {
        self.configuration = configuration
        self.locationService = locationService
    }

    /// Processes one REGISTER by RFC 3261 §10.3 steps 1 to 8 in order, stopping at the first step that
    /// rejects it. The location service changes only when the outcome is ``RegistrarOutcome/ok(addressOfRecord:contacts:)``,
    /// and then with every binding change of the request at once (§10.3 step 7).
    ///
    /// - Parameters:
    ///   - request: a REGISTER; dispatching other methods here is a programming error.
    ///   - source: where the request came from, stored with each binding it writes (RFC 5626 §7).
    ///   - authenticatedUser: the user the caller authenticated (§10.3 step 3), or `nil`.
    ///   - now: the current time since the caller's epoch.
    public mutating func process(
        _ request: SIPMessage, from source: BindingSourceAddress, authenticatedUser: String?, now: Duration
    ) -> RegistrarOutcome {
        precondition(request.method == .register, "Registrar processes REGISTER only; dispatch by method first")
        do {
            let aor = try addressOfRecord(of: request, authenticatedUser: authenticatedUser)
            let current = locationService.lookup(aor: aor, now: now)
            let contactElements = request.headers.splitValues(.contact)
            // A REGISTER without Contact is a query (§10.2.3) and changes nothing.
            if request.isWildcardContact || contactElements.contains("*") {
                let updated = try removingAll(current, for: request, contactElements: contactElements)
                locationService.replaceBindings(of: aor, with: updated)
            } else if !request.contacts.isEmpty {
                let updated = try applying(request, from: source, to: current, now: now)
                locationService.replaceBindings(of: aor, with: updated)
            }
            // Step 8: list every current binding with the seconds it has left.
            let contacts = locationService.lookup(aor: aor, now: now).map { $0.contactForResponse(at: now) }
            return .ok(addressOfRecord: aor, contacts: contacts)
        } catch {
            return error.outcome
        }
    }

    /// Steps 1 to 5: domain, Require, authorisation, and the record the To header names.
    private func addressOfRecord(
        of request: SIPMessage, authenticatedUser: String?
    ) throws(RegistrarRejection) -> AddressOfRecord {
        // Step 1: this registrar holds bindings only for its own domains; it is no proxy to forward to.
        guard let requestURI = request.requestURI, configuration.serves(host: requestURI.host) else {
            throw RegistrarRejection(outcome: .notFound)
        }
        // Step 2: Require is processed as any UAS does (§8.2.2.3).
        let unsupported = request.headers.splitValues(.require).filter {
            !configuration.supportedExtensions.contains($0.lowercased())
        }
        guard unsupported.isEmpty else { throw RegistrarRejection(outcome: .badExtension(unsupported: unsupported)) }
        // Step 3, authentication, is the caller's. Step 4: may this user modify this record?
        if configuration.requireAuthenticatedUserToMatchAOR {
            guard let authenticatedUser, authenticatedUser == request.to.uri.user else {
                throw RegistrarRejection(outcome: .forbidden)
            }
        }
        // Step 5: the To URI must be a SIP or SIPS address-of-record of a served domain.
        guard let aor = AddressOfRecord(request.to.uri) else {
            throw RegistrarRejection(outcome: .badRequest(reason: "To Is Not A SIP Or SIPS URI"))
        }
        guard configuration.serves(host: aor.host) else { throw RegistrarRejection(outcome: .notFound) }
        return aor
    }

    /// Step 6: `Contact: *` removes every binding, but only alone and with `Expires: 0`; a binding written
    /// under the same Call-ID with an equal or higher CSeq aborts the whole request.
    private func removingAll(
        _ current: [LocationService.Binding], for request: SIPMessage, contactElements: [String]
    ) throws(RegistrarRejection) -> [LocationService.Binding] {
        guard contactElements.count == 1 else {
            throw RegistrarRejection(outcome: .badRequest(reason: "Wildcard Contact Must Be Alone"))
        }
        guard try expiresHeader(of: request) == 0 else {
            throw RegistrarRejection(outcome: .badRequest(reason: "Wildcard Contact Requires Expires 0"))
        }
        for binding in current where binding.callID == request.callID {
            guard request.cseq.sequenceNumber > binding.sequenceNumber else {
                throw RegistrarRejection(outcome: .outOfOrder)
            }
        }
        return []
    }

    /// Step 7: adds, refreshes or removes the binding of each Contact, working on a copy so that a
    /// failure part-way leaves the location service untouched.
    private func applying(
        _ request: SIPMessage, from source: BindingSourceAddress, to current: [LocationService.Binding],
        now: Duration
    ) throws(RegistrarRejection) -> [LocationService.Binding] {
        let headerExpires = try expiresHeader(of: request)
        var bindings = current
        // Bindings this request already wrote are not checked against its own CSeq again, and
        // removals are marked rather than done so indexes stay valid while the loop runs.
        var writtenByRequest: Set<Int> = []
        var removed: Set<Int> = []
        var addedCount = 0
        for contact in request.contacts {
            let interval = try grantedInterval(for: contact, headerExpires: headerExpires)
            let qValue = try self.qValue(of: contact)
            let existingIndex = bindings.firstIndex { ContactURIComparison.areEquivalent($0.contact.uri, contact.uri) }
            if let existingIndex, !writtenByRequest.contains(existingIndex) {
                let existing = bindings[existingIndex]
                if existing.callID == request.callID, request.cseq.sequenceNumber <= existing.sequenceNumber {
                    throw RegistrarRejection(outcome: .outOfOrder)
                }
            }
            guard interval > 0 else {
                if let existingIndex {
                    removed.insert(existingIndex)
                    writtenByRequest.insert(existingIndex)
                }
                continue
            }
            var stored = contact
            stored.parameters.remove(named: "expires")
            let binding = LocationService.Binding(
                contact: stored, expiry: now + .seconds(interval), qValue: qValue, callID: request.callID,
                sequenceNumber: request.cseq.sequenceNumber, source: source, updatedAt: now)
            if let existingIndex {
                bindings[existingIndex] = binding
                removed.remove(existingIndex)
                writtenByRequest.insert(existingIndex)
            } else {
                bindings.append(binding)
                writtenByRequest.insert(bindings.count - 1)
                addedCount += 1
            }
        }
        let kept = bindings.enumerated().filter { !removed.contains($0.offset) }.map(\.element)
        if addedCount > 0, kept.count > configuration.maximumContactsPerAddressOfRecord {
            throw RegistrarRejection(
                outcome: .tooManyContacts(maximum: configuration.maximumContactsPerAddressOfRecord))
        }
        return kept
    }

    /// The interval granted to one Contact (§10.3 step 7): its `expires` parameter, else the Expires
    /// header, else the configured default; shortened to the maximum. A non-zero request under both an
    /// hour and the configured minimum gets 423 — the only case in which §10.3 step 7 allows it.
    private func grantedInterval(for contact: SIPNameAddress, headerExpires: Int?) throws(RegistrarRejection) -> Int {
        let requested: Int
        switch contact.parameters.value(named: "expires") {
        case .some(let text):
            guard let text, let seconds = RegisterFieldValues.deltaSeconds(text) else {
                throw RegistrarRejection(outcome: .badRequest(reason: "Invalid Contact Expires"))
            }
            requested = seconds
        case .none:
            requested = headerExpires ?? configuration.defaultExpires
        }
        if requested > 0, requested < 3600, requested < configuration.minimumExpires {
            throw RegistrarRejection(outcome: .intervalTooBrief(minimumExpires: configuration.minimumExpires))
        }
        return min(requested, configuration.maximumExpires)
    }

    /// The `q` of a Contact, 1 when absent; a malformed one is a 400.
    private func qValue(of contact: SIPNameAddress) throws(RegistrarRejection) -> Double {
        switch contact.parameters.value(named: "q") {
        case .some(let text):
            guard let text, let value = RegisterFieldValues.qValue(text) else {
                throw RegistrarRejection(outcome: .badRequest(reason: "Invalid Contact q"))
            }
            return value
        case .none:
            return 1
        }
    }

    /// The Expires header in seconds, `nil` when absent; a malformed one is a 400.
    private func expiresHeader(of request: SIPMessage) throws(RegistrarRejection) -> Int? {
        guard let text = request.headers[.expires] else { return nil }
        guard let seconds = RegisterFieldValues.deltaSeconds(text) else {
            throw RegistrarRejection(outcome: .badRequest(reason: "Invalid Expires"))
        }
        return seconds
    }
}
