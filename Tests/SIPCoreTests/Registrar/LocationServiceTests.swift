import SIPCore
import Testing

@Suite struct LocationServiceTests {
    let epoch = Duration.seconds(1_700_000_000)
    let aor = AddressOfRecord(SIPURI(user: "alice", host: "example.com"))!

    func binding(_ user: String, q: Double, updatedAt: Duration, lifetime: Duration = .seconds(3600))
        -> LocationService.Binding
    {
        LocationService.Binding(
            contact: SIPNameAddress(uri: SIPURI(user: user, host: "192.0.2.4")), expiry: updatedAt + lifetime,
            qValue: q, callID: "call-\(user)", sequenceNumber: 1, source: RegisterRequest.source,
            updatedAt: updatedAt)
    }

    @Test func lookupOrdersByQThenMostRecent() {
        var service = LocationService()
        service.replaceBindings(
            of: aor,
            with: [
                binding("low", q: 0.1, updatedAt: epoch + .seconds(30)),
                binding("old", q: 0.7, updatedAt: epoch),
                binding("top", q: 1.0, updatedAt: epoch),
                binding("new", q: 0.7, updatedAt: epoch + .seconds(10)),
            ])
        let order = service.lookup(aor: aor, now: epoch + .seconds(40)).map { $0.contact.uri.user }
        #expect(order == ["top", "new", "old", "low"])
    }

    @Test func expiredBindingsAreNeverReturnedAndRemovedOnRequest() {
        var service = LocationService()
        service.replaceBindings(
            of: aor,
            with: [
                binding("short", q: 1, updatedAt: epoch, lifetime: .seconds(60)),
                binding("long", q: 1, updatedAt: epoch, lifetime: .seconds(600)),
            ])
        let other = AddressOfRecord(SIPURI(user: "bob", host: "example.com"))!
        service.replaceBindings(of: other, with: [binding("bob", q: 1, updatedAt: epoch, lifetime: .seconds(60))])

        #expect(service.lookup(aor: aor, now: epoch + .seconds(59)).count == 2)
        #expect(service.lookup(aor: aor, now: epoch + .seconds(60)).map { $0.contact.uri.user } == ["long"])
        #expect(service.bindingCount == 3)
        #expect(service.addressOfRecordCount == 2)

        service.removeExpired(now: epoch + .seconds(60))
        #expect(service.bindingCount == 1)
        #expect(service.addressOfRecordCount == 1)
        #expect(service.lookup(aor: other, now: epoch).isEmpty)
    }

    @Test func remainingSecondsRoundUpWhileLive() {
        let live = binding("a", q: 1, updatedAt: epoch, lifetime: .seconds(60))
        #expect(live.remainingSeconds(at: epoch) == 60)
        #expect(live.remainingSeconds(at: epoch + .milliseconds(59_500)) == 1)
        #expect(live.remainingSeconds(at: epoch + .seconds(60)) == 0)
        #expect(live.contactForResponse(at: epoch + .seconds(15)).parameters.value(named: "expires") == .some("45"))
    }

    @Test func addressOfRecordLowerCasesTheHostButKeepsUserAndScheme() throws {
        let mixed = try #require(AddressOfRecord(SIPURI(parsing: "sip:Alice@EXAMPLE.com:5070;transport=tcp")))
        #expect(mixed.description == "sip:Alice@example.com")
        #expect(mixed == AddressOfRecord(SIPURI(user: "Alice", host: "example.com")))
        #expect(mixed != AddressOfRecord(SIPURI(user: "alice", host: "example.com")))
        #expect(mixed != AddressOfRecord(SIPURI(scheme: "sips", user: "Alice", host: "example.com")))
        #expect(AddressOfRecord(SIPURI(scheme: "tel", opaquePart: "+15551234")) == nil)
    }
}
