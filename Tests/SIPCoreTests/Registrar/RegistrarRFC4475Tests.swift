import SIPCore
import SIPTesting
import Testing

/// The RFC 4475 torture messages that are REGISTERs, run through the registrar.
@Suite struct RegistrarRFC4475Tests {
    static let fixtures = try! RFC4475Fixtures()
    let now = Duration.seconds(1_700_000_000)
    let source = BindingSourceAddress(host: "192.0.2.21", port: 5060, transport: "UDP")

    func process(_ tag: String, into registrar: inout Registrar) throws -> (SIPMessage, RegistrarOutcome) {
        let request = try SIPMessage(parsing: #require(Self.fixtures[tag]).bytes)
        return (request, registrar.process(request, from: source, authenticatedUser: nil, now: now))
    }

    func storedBindings(_ registrar: Registrar, user: String) -> [LocationService.Binding] {
        registrar.locationService.lookup(aor: AddressOfRecord(SIPURI(user: user, host: "example.com"))!, now: now)
    }

    /// §3.4.1: a parameter after an unbracketed URI belongs to the Contact header, not to the URI.
    @Test func cparam01KeepsTheUnknownParameterOutOfTheBoundURI() throws {
        var registrar = Registrar()
        let (_, outcome) = try process("cparam01", into: &registrar)
        #expect(outcome.statusCode == 200)
        let binding = try #require(storedBindings(registrar, user: "watson").first)
        #expect(binding.contact.uri.description == "sip:+19725552222@gw1.example.net")
        #expect(binding.contact.parameters.contains(named: "unknownparam"))
    }

    /// §3.4.2: inside angle brackets the parameter is part of the URI that is bound.
    @Test func cparam02KeepsTheUnknownParameterInsideTheBoundURI() throws {
        var registrar = Registrar()
        let (_, outcome) = try process("cparam02", into: &registrar)
        #expect(outcome.statusCode == 200)
        let binding = try #require(storedBindings(registrar, user: "watson").first)
        #expect(binding.contact.uri.description == "sip:+19725552222@gw1.example.net;unknownparam")
        #expect(!binding.contact.parameters.contains(named: "unknownparam"))
    }

    /// The two are different bindings of the same record: the URI parameter is one only one side has,
    /// which §19.1.4 ignores — so cparam02 refreshes the binding cparam01 created.
    @Test func cparam01AndCparam02NameTheSameContact() throws {
        var registrar = Registrar()
        _ = try process("cparam01", into: &registrar)
        let (_, outcome) = try process("cparam02", into: &registrar)
        #expect(outcome.statusCode == 200)
        #expect(storedBindings(registrar, user: "watson").count == 1)
    }

    /// §3.4.3: the escaped `?Route=` is a header of the Contact URI and is stored with it.
    @Test func regescrtStoresTheEscapedRouteInsideTheContactURI() throws {
        var registrar = Registrar()
        let (request, outcome) = try process("regescrt", into: &registrar)
        let binding = try #require(storedBindings(registrar, user: "user").first)
        #expect(binding.contact.uri.headers == [SIPParameter(name: "Route", value: "<sip:sip.example.com>")])
        #expect(binding.contact.uri.parameters.isEmpty)
        #expect(binding.sequenceNumber == 14_398_234)
        let response = outcome.response(to: request, toTag: "r1")
        #expect(response.headers[.contact] == "<sip:user@example.com?Route=%3Csip:sip.example.com%3E>;expires=3600")
    }

    /// §3.1.1.4: `%00` and `%00%00` are two different users, so two bindings.
    @Test func escnullRegistersTwoDistinctBindings() throws {
        var registrar = Registrar()
        let (_, outcome) = try process("escnull", into: &registrar)
        #expect(outcome.statusCode == 200)
        let bindings = storedBindings(registrar, user: "null-%00-null")
        #expect(Set(bindings.map { $0.contact.uri.user }) == ["%00", "%00%00"])
        #expect(registrar.locationService.bindingCount == 2)
    }

    /// §3.3.4: the To URI is `isbn:`, not a SIP or SIPS address-of-record: 400, nothing stored.
    @Test func unksm2IsRejectedWith400() throws {
        var registrar = Registrar()
        let (request, outcome) = try process("unksm2", into: &registrar)
        #expect(outcome.statusCode == 400)
        #expect(outcome.response(to: request, toTag: "x").statusCode == 400)
        #expect(registrar.locationService.bindingCount == 0)
    }
}
