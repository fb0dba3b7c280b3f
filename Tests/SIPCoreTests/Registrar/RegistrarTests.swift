import SIPCore
import Testing

@Suite struct RegistrarTests {
    let epoch = Duration.seconds(1_700_000_000)
    let alice = AddressOfRecord(SIPURI(user: "alice", host: "example.com"))!

    func contactExpiries(_ outcome: RegistrarOutcome) -> [String: String?] {
        guard case .ok(_, let contacts) = outcome else { return [:] }
        var expiries: [String: String?] = [:]
        for contact in contacts { expiries[contact.uri.description] = contact.parameters.value(named: "expires") ?? nil }
        return expiries
    }

    func register(
        _ registrar: inout Registrar, at now: Duration, sequenceNumber: UInt32 = 1, callID: String = "call-1",
        contacts: [String], expires: String? = nil, extraHeaders: [String] = []
    ) throws -> RegistrarOutcome {
        let request = try RegisterRequest.make(
            callID: callID, sequenceNumber: sequenceNumber, contacts: contacts, expires: expires,
            extraHeaders: extraHeaders)
        return registrar.process(request, from: RegisterRequest.source, authenticatedUser: nil, now: now)
    }

    @Test func registersOneContactWithTheDefaultInterval() throws {
        var registrar = Registrar()
        let outcome = try register(&registrar, at: epoch, sequenceNumber: 7, contacts: ["<sip:alice@192.0.2.4:5062>"])

        #expect(outcome.statusCode == 200)
        #expect(contactExpiries(outcome) == ["sip:alice@192.0.2.4:5062": "3600"])
        let binding = try #require(registrar.locationService.lookup(aor: alice, now: epoch).first)
        #expect(binding.expiry == epoch + .seconds(3600))
        #expect(binding.callID == "call-1")
        #expect(binding.sequenceNumber == 7)
        #expect(binding.qValue == 1)
        #expect(binding.source == BindingSourceAddress(host: "198.51.100.7", port: 40_123, transport: "UDP"))
        #expect(registrar.locationService.bindingCount == 1)
    }

    @Test func registersSeveralContactsWithTheirOwnIntervals() throws {
        var registrar = Registrar()
        let outcome = try register(
            &registrar, at: epoch,
            contacts: ["<sip:alice@192.0.2.4>;expires=120", "<sip:alice@203.0.113.9;transport=tcp>"], expires: "600")

        #expect(
            contactExpiries(outcome) == ["sip:alice@192.0.2.4": "120", "sip:alice@203.0.113.9;transport=tcp": "600"])
        #expect(registrar.locationService.lookup(aor: alice, now: epoch).count == 2)
        #expect(registrar.locationService.addressOfRecordCount == 1)
    }

    @Test func intervalsAboveTheMaximumAreShortened() throws {
        var registrar = Registrar(configuration: .init(maximumExpires: 1800))
        let outcome = try register(&registrar, at: epoch, contacts: ["<sip:alice@192.0.2.4>"], expires: "86400")
        #expect(contactExpiries(outcome) == ["sip:alice@192.0.2.4": "1800"])
    }

    @Test func reRegistrationRefreshesTheSameBinding() throws {
        var registrar = Registrar()
        _ = try register(&registrar, at: epoch, sequenceNumber: 1, contacts: ["<sip:alice@pc33.example.com>"], expires: "600")
        // Same contact by RFC 3261 §19.1.4 (host case differs), next CSeq, 500 s later.
        let later = epoch + .seconds(500)
        let outcome = try register(
            &registrar, at: later, sequenceNumber: 2, contacts: ["<sip:alice@PC33.example.com>"], expires: "600")

        #expect(contactExpiries(outcome) == ["sip:alice@PC33.example.com": "600"])
        let bindings = registrar.locationService.lookup(aor: alice, now: later)
        #expect(bindings.count == 1)
        #expect(bindings.first?.expiry == later + .seconds(600))
        #expect(bindings.first?.sequenceNumber == 2)
        #expect(bindings.first?.updatedAt == later)
    }

    @Test func aDifferentTransportParameterIsANewBinding() throws {
        var registrar = Registrar()
        _ = try register(&registrar, at: epoch, sequenceNumber: 1, contacts: ["<sip:alice@192.0.2.4>"])
        _ = try register(&registrar, at: epoch, sequenceNumber: 2, contacts: ["<sip:alice@192.0.2.4;transport=tcp>"])
        #expect(registrar.locationService.lookup(aor: alice, now: epoch).count == 2)
    }

    @Test func bindingsLapseOnceTheInjectedTimePasses() throws {
        var registrar = Registrar()
        _ = try register(&registrar, at: epoch, contacts: ["<sip:alice@192.0.2.4>"], expires: "60")

        let query = try RegisterRequest.make(callID: "query", sequenceNumber: 1)
        let halfway = registrar.process(query, from: RegisterRequest.source, authenticatedUser: nil, now: epoch + .seconds(45))
        #expect(contactExpiries(halfway) == ["sip:alice@192.0.2.4": "15"])

        #expect(registrar.locationService.lookup(aor: alice, now: epoch + .seconds(59)).count == 1)
        #expect(registrar.locationService.lookup(aor: alice, now: epoch + .seconds(60)).isEmpty)
        let after = registrar.process(query, from: RegisterRequest.source, authenticatedUser: nil, now: epoch + .seconds(61))
        #expect(after == .ok(addressOfRecord: alice, contacts: []))
        registrar.locationService.removeExpired(now: epoch + .seconds(61))
        #expect(registrar.locationService.bindingCount == 0)
    }

    @Test func expiresZeroRemovesOnlyThatBinding() throws {
        var registrar = Registrar()
        _ = try register(&registrar, at: epoch, sequenceNumber: 1, contacts: ["<sip:alice@192.0.2.4>", "<sip:alice@192.0.2.5>"])
        let outcome = try register(
            &registrar, at: epoch + .seconds(10), sequenceNumber: 2, contacts: ["<sip:alice@192.0.2.4>;expires=0"])

        #expect(contactExpiries(outcome) == ["sip:alice@192.0.2.5": "3590"])
        #expect(registrar.locationService.bindingCount == 1)
    }

    @Test func wildcardWithExpiresZeroRemovesEveryBinding() throws {
        var registrar = Registrar()
        _ = try register(&registrar, at: epoch, sequenceNumber: 1, contacts: ["<sip:alice@192.0.2.4>"])
        _ = try register(&registrar, at: epoch, sequenceNumber: 1, callID: "other-phone", contacts: ["<sip:alice@192.0.2.5>"])
        #expect(registrar.locationService.bindingCount == 2)

        let outcome = try register(&registrar, at: epoch, sequenceNumber: 2, contacts: ["*"], expires: "0")
        #expect(outcome == .ok(addressOfRecord: alice, contacts: []))
        #expect(registrar.locationService.bindingCount == 0)
        #expect(registrar.locationService.addressOfRecordCount == 0)
    }

    @Test func wildcardNeedsExpiresZeroAndNoOtherContact() throws {
        var registrar = Registrar()
        _ = try register(&registrar, at: epoch, sequenceNumber: 1, contacts: ["<sip:alice@192.0.2.4>"])

        let nonZero = try register(&registrar, at: epoch, sequenceNumber: 2, contacts: ["*"], expires: "3600")
        #expect(nonZero.statusCode == 400)
        let missing = try register(&registrar, at: epoch, sequenceNumber: 3, contacts: ["*"])
        #expect(missing.statusCode == 400)

        // The parser refuses `*` beside another Contact; a message assembled in code can still carry both.
        var mixed = try RegisterRequest.make(callID: "call-1", sequenceNumber: 4, contacts: ["*"], expires: "0")
        mixed.appendHeader(.contact, "<sip:alice@192.0.2.9>")
        let mixedOutcome = registrar.process(mixed, from: RegisterRequest.source, authenticatedUser: nil, now: epoch)
        #expect(mixedOutcome == .badRequest(reason: "Wildcard Contact Must Be Alone"))

        #expect(registrar.locationService.bindingCount == 1)
    }

    @Test func tooBriefIntervalsGet423WithMinExpires() throws {
        var registrar = Registrar(configuration: .init(minimumExpires: 120))
        let outcome = try register(&registrar, at: epoch, contacts: ["<sip:alice@192.0.2.4>"], expires: "30")
        #expect(outcome == .intervalTooBrief(minimumExpires: 120))

        let request = try RegisterRequest.make(contacts: ["<sip:alice@192.0.2.4>"], expires: "30")
        let response = outcome.response(to: request, toTag: "reg-tag")
        #expect(response.statusCode == 423)
        #expect(response.reasonPhrase == "Interval Too Brief")
        #expect(response.headers[.minExpires] == "120")
        #expect(registrar.locationService.bindingCount == 0)

        // Zero is a removal, never too brief; exactly the minimum is accepted.
        #expect(try register(&registrar, at: epoch, sequenceNumber: 2, contacts: ["<sip:alice@192.0.2.4>"], expires: "0").statusCode == 200)
        #expect(try register(&registrar, at: epoch, sequenceNumber: 3, contacts: ["<sip:alice@192.0.2.4>;expires=120"]).statusCode == 200)
    }

    @Test func staleCSeqUnderTheSameCallIDIsAborted() throws {
        var registrar = Registrar()
        _ = try register(&registrar, at: epoch, sequenceNumber: 5, contacts: ["<sip:alice@192.0.2.4>"], expires: "600")

        let replay = try register(&registrar, at: epoch + .seconds(1), sequenceNumber: 5, contacts: ["<sip:alice@192.0.2.4>"], expires: "0")
        #expect(replay == .outOfOrder)
        #expect(replay.statusCode == 500)
        let older = try register(&registrar, at: epoch + .seconds(1), sequenceNumber: 4, contacts: ["*"], expires: "0")
        #expect(older == .outOfOrder)
        #expect(registrar.locationService.lookup(aor: alice, now: epoch + .seconds(1)).first?.expiry == epoch + .seconds(600))

        // Another Call-ID (a rebooted phone) may use any CSeq.
        let rebooted = try register(
            &registrar, at: epoch + .seconds(2), sequenceNumber: 1, callID: "new-boot", contacts: ["<sip:alice@192.0.2.4>"],
            expires: "600")
        #expect(rebooted.statusCode == 200)
        #expect(registrar.locationService.lookup(aor: alice, now: epoch + .seconds(2)).first?.callID == "new-boot")
    }

    @Test func anAbortedRequestChangesNothing() throws {
        var registrar = Registrar()
        _ = try register(&registrar, at: epoch, sequenceNumber: 5, contacts: ["<sip:alice@192.0.2.4>"])
        // The first Contact would be new, the second is stale: neither may be committed (§10.3 step 7).
        let outcome = try register(
            &registrar, at: epoch, sequenceNumber: 3, contacts: ["<sip:alice@192.0.2.77>", "<sip:alice@192.0.2.4>"])
        #expect(outcome == .outOfOrder)
        #expect(registrar.locationService.lookup(aor: alice, now: epoch).map { $0.contact.uri.host } == ["192.0.2.4"])
    }

    @Test func registerWithoutContactIsAQuery() throws {
        var registrar = Registrar()
        _ = try register(&registrar, at: epoch, sequenceNumber: 1, contacts: ["<sip:alice@192.0.2.4>;q=0.5", "<sip:alice@192.0.2.5>"])
        let before = registrar.locationService

        let outcome = try register(&registrar, at: epoch + .seconds(100), sequenceNumber: 1, callID: "query-1", contacts: [])
        guard case .ok(let aor, let contacts) = outcome else {
            Issue.record("expected 200, got \(outcome)")
            return
        }
        #expect(aor == alice)
        #expect(contacts.map(\.description) == ["<sip:alice@192.0.2.5>;expires=3500", "<sip:alice@192.0.2.4>;q=0.5;expires=3500"])
        #expect(registrar.locationService == before)
    }

    @Test func lookupPutsHigherQFirstThenTheNewestRegistration() throws {
        var registrar = Registrar()
        _ = try register(&registrar, at: epoch, sequenceNumber: 1, contacts: ["<sip:alice@desk>;q=0.3", "<sip:alice@mobile>;q=0.9"])
        _ = try register(&registrar, at: epoch + .seconds(5), sequenceNumber: 2, contacts: ["<sip:alice@laptop>;q=0.3"])
        _ = try register(&registrar, at: epoch + .seconds(6), sequenceNumber: 3, contacts: ["<sip:alice@softphone>"])

        let order = registrar.locationService.lookup(aor: alice, now: epoch + .seconds(10)).map { $0.contact.uri.host }
        #expect(order == ["softphone", "mobile", "laptop", "desk"])
        #expect(registrar.locationService.lookup(aor: alice, now: epoch).map(\.qValue) == [1, 0.9, 0.3, 0.3])
    }

    @Test func malformedQIsABadRequest() throws {
        var registrar = Registrar()
        for q in ["1.5", "0.1234", "high", "1.001"] {
            let outcome = try register(&registrar, at: epoch, contacts: ["<sip:alice@192.0.2.4>;q=\(q)"])
            #expect(outcome == .badRequest(reason: "Invalid Contact q"), "q=\(q)")
        }
        #expect(try register(&registrar, at: epoch, contacts: ["<sip:alice@192.0.2.4>;q=1.000"]).statusCode == 200)
    }

    @Test func contactsBeyondTheMaximumGet503() throws {
        var registrar = Registrar(configuration: .init(maximumContactsPerAddressOfRecord: 2))
        _ = try register(&registrar, at: epoch, sequenceNumber: 1, contacts: ["<sip:alice@192.0.2.1>", "<sip:alice@192.0.2.2>"])

        let third = try register(&registrar, at: epoch, sequenceNumber: 2, contacts: ["<sip:alice@192.0.2.3>"])
        #expect(third == .tooManyContacts(maximum: 2))
        #expect(third.statusCode == 503)
        #expect(third.reasonPhrase == "Too Many Registered Contacts")
        #expect(registrar.locationService.bindingCount == 2)

        // Refreshing, or replacing one binding with another in the same request, stays within the limit.
        #expect(try register(&registrar, at: epoch, sequenceNumber: 3, contacts: ["<sip:alice@192.0.2.1>"]).statusCode == 200)
        let swap = try register(
            &registrar, at: epoch, sequenceNumber: 4, contacts: ["<sip:alice@192.0.2.2>;expires=0", "<sip:alice@192.0.2.3>"])
        #expect(swap.statusCode == 200)
        #expect(Set(registrar.locationService.lookup(aor: alice, now: epoch).map { $0.contact.uri.host }) == ["192.0.2.1", "192.0.2.3"])
    }

    @Test func unsupportedRequireGets420() throws {
        var registrar = Registrar(configuration: .init(supportedExtensions: ["path"]))
        let outcome = try register(
            &registrar, at: epoch, contacts: ["<sip:alice@192.0.2.4>"], extraHeaders: ["Require: path, gruu"])
        #expect(outcome == .badExtension(unsupported: ["gruu"]))
        let request = try RegisterRequest.make(contacts: ["<sip:alice@192.0.2.4>"])
        #expect(outcome.response(to: request, toTag: "t").headers[.unsupported] == "gruu")
        #expect(try register(&registrar, at: epoch, contacts: ["<sip:alice@192.0.2.4>"], extraHeaders: ["Require: path"]).statusCode == 200)
    }

    @Test func authorisationHookComparesTheAuthenticatedUserWithTheRecord() throws {
        var registrar = Registrar(configuration: .init(requireAuthenticatedUserToMatchAOR: true))
        let request = try RegisterRequest.make(contacts: ["<sip:alice@192.0.2.4>"])

        #expect(registrar.process(request, from: RegisterRequest.source, authenticatedUser: "mallory", now: epoch) == .forbidden)
        #expect(registrar.process(request, from: RegisterRequest.source, authenticatedUser: nil, now: epoch) == .forbidden)
        #expect(registrar.locationService.bindingCount == 0)
        #expect(registrar.process(request, from: RegisterRequest.source, authenticatedUser: "alice", now: epoch).statusCode == 200)
    }

    @Test func foreignDomainsGet404() throws {
        var registrar = Registrar(configuration: .init(domains: ["Example.com"]))
        let foreignRequestURI = try RegisterRequest.make(requestURI: "sip:example.org", contacts: ["<sip:alice@192.0.2.4>"])
        #expect(registrar.process(foreignRequestURI, from: RegisterRequest.source, authenticatedUser: nil, now: epoch) == .notFound)
        let foreignRecord = try RegisterRequest.make(to: "<sip:alice@example.org>", contacts: ["<sip:alice@192.0.2.4>"])
        #expect(registrar.process(foreignRecord, from: RegisterRequest.source, authenticatedUser: nil, now: epoch) == .notFound)
        let served = try RegisterRequest.make(requestURI: "sip:EXAMPLE.COM", contacts: ["<sip:alice@192.0.2.4>"])
        #expect(registrar.process(served, from: RegisterRequest.source, authenticatedUser: nil, now: epoch).statusCode == 200)
    }

    @Test func theResponseCopiesTheRequestAndListsTheBindings() throws {
        var registrar = Registrar()
        let request = try RegisterRequest.make(sequenceNumber: 9, contacts: ["\"Alice\" <sip:alice@192.0.2.4>;q=0.8"], expires: "300")
        let outcome = registrar.process(request, from: RegisterRequest.source, authenticatedUser: nil, now: epoch)
        let response = outcome.response(to: request, toTag: "reg-5fa1")
        let text = String(decoding: response.serialized(), as: UTF8.self)

        #expect(text.hasPrefix("SIP/2.0 200 OK\r\n"))
        #expect(text.contains("\r\nTo: <sip:alice@example.com>;tag=reg-5fa1\r\n"))
        #expect(text.contains("\r\nCSeq: 9 REGISTER\r\n"))
        #expect(text.contains("\r\nContact: \"Alice\" <sip:alice@192.0.2.4>;q=0.8;expires=300\r\n"))
        #expect(response.callID == request.callID)
    }
}
