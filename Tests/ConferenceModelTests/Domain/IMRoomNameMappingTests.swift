import ConferenceModel
import Testing

/// An IM room URI and a room name stand for the same room only when the URI follows the pattern.
@Suite struct IMRoomNameMappingTests {
    let mapping = IMRoomNameMapping(domain: "imc.test")

    @Test func aRoomNameBecomesItsChatRoomAndBack() throws {
        let address = try #require(mapping.imRoom(forRoom: "4242"))
        #expect(address.uri == "sip:chat-4242@imc.test")
        #expect(mapping.roomName(for: address) == "4242")
    }

    @Test func userAndDomainCompareIgnoringCaseAndTheNameKeepsItsCase() {
        #expect(mapping.roomName(for: IMAddress(user: "CHAT-Team", domain: "IMC.Test")) == "Team")
    }

    @Test("an address off the pattern names no room", arguments: [
        IMAddress(user: "chat-4242", domain: "other.test"),
        IMAddress(user: "4242", domain: "imc.test"),
        IMAddress(user: "chat-", domain: "imc.test"),
        IMAddress(user: "cha", domain: "imc.test"),
        IMAddress(user: "room-chat-4242", domain: "imc.test"),
    ])
    func offThePattern(address: IMAddress) {
        #expect(mapping.roomName(for: address) == nil)
    }

    @Test func anEmptyNameHasNoChatRoom() {
        #expect(mapping.imRoom(forRoom: "") == nil)
    }

    @Test func thePrefixIsConfigurable() throws {
        let rooms = IMRoomNameMapping(prefix: "conf.", domain: "example.org")
        #expect(try #require(rooms.imRoom(forRoom: "sales")).uri == "sip:conf.sales@example.org")
        #expect(rooms.roomName(for: IMAddress(user: "conf.sales", domain: "example.org")) == "sales")
        #expect(rooms.roomName(for: IMAddress(user: "chat-sales", domain: "example.org")) == nil)

        let bare = IMRoomNameMapping(prefix: "", domain: "example.org")
        #expect(bare.roomName(for: IMAddress(user: "sales", domain: "example.org")) == "sales")
        #expect(try #require(bare.imRoom(forRoom: "sales")).uri == "sip:sales@example.org")
    }
}
