import IMCCommands
import Testing

@Suite struct CoreCaseHashTests {
    /// The buckets seen on the wire with Kamailio 5.6's 16 buckets (spec §3.4, observed (04), (07)).
    @Test(arguments: [
        ("chat-manager", 7), ("chat-44", 7), ("chat-4", 7), ("chat-9", 3), ("chat-8", 4), ("chat-7", 6),
    ])
    func bucketsMatchKamailio(name: String, bucket: Int) {
        #expect(CoreCaseHash.bucket(name: name, domain: "imc.test", exponent: 4) == bucket)
    }

    /// Values of the spec's reference Python port, non-ASCII bytes (signed `char`) included.
    @Test func hashesMatchTheReferencePort() {
        #expect(CoreCaseHash.hash("chat-4", "imc.test") == 1_312_586_359)
        #expect(CoreCaseHash.hash("chat-manager", "imc.test") == 3_831_503_895)
        #expect(CoreCaseHash.hash("café-ü", "例え.test") == 3_154_200_076)
        #expect(CoreCaseHash.hash("x", "") == 119)
    }

    @Test func caseIsFolded() {
        #expect(CoreCaseHash.hash("CHAT-4", "IMC.Test") == CoreCaseHash.hash("chat-4", "imc.test"))
        #expect(CoreCaseHash.hash("chat-4", "imc.test") != CoreCaseHash.hash("chat-5", "imc.test"))
    }
}
