import ConferenceModel
import IMCCommands
import Testing

/// Rooms loaded from a store, and the RPC answers over them (spec §11, §14, §15).
@Suite struct IMCRoomManagerLoadingTests {
    private let loaded = [
        IMRoom(address: address("chat-8"), isPrivate: false, membersInJoinOrder: [
            member("alice", .owner), member("bob", .admin), member("carol"),
        ]),
        IMRoom(address: address("chat-empty"), isPrivate: true, members: []),
        IMRoom(address: address("chat-full2"), isPrivate: true, membersInJoinOrder: [
            member("carol", invited: true), member("dave", .owner),
        ]),
    ]

    /// Observed (08): list order after a load; (09): an empty room no longer stops the load (B6).
    @Test func loadedRoomsKeepOrderAndAnEmptyRoomStopsNothing() throws {
        var chat = IMCChat(rooms: loaded)
        #expect(chat.manager.activeRoomCount == 3)
        let members = try chat.send("bob", to: "chat-8", "#members")
        #expect(members.outgoing.first?.bodyText == "Members:\n*[alice]\n[carol]\n~[bob]")
        #expect(chat.room("chat-full2")?.isPrivate == true)
        #expect(try chat.send("dave", to: "chat-full2", "#invite erin").returnCode == .success)
        #expect(try chat.send("carol", to: "chat-full2", "#accept").returnCode == .success)
    }

    /// B14 kept: "owner" is the head of the list, whoever it is, or "" for an empty room.
    @Test func roomListing() {
        let manager = IMCRoomManager(rooms: loaded)
        let byRoom = Dictionary(uniqueKeysWithValues: manager.roomListing.map { ($0.room, $0) })
        #expect(byRoom["sip:chat-8@imc.test"] == IMCRoomListing(room: "sip:chat-8@imc.test", members: 3, owner: "sip:alice@imc.test"))
        #expect(byRoom["sip:chat-empty@imc.test"] == IMCRoomListing(room: "sip:chat-empty@imc.test", members: 0, owner: ""))
        #expect(byRoom["sip:chat-full2@imc.test"]?.owner == "sip:carol@imc.test")
        #expect(manager.roomListing.count == 3)
    }

    @Test func memberListing() throws {
        let manager = IMCRoomManager(rooms: loaded)
        let listing = try manager.memberListing(roomURI: "sip:CHAT-8@imc.test:5060")
        #expect(listing == IMCMemberListing(
            room: "sip:chat-8@imc.test",
            members: ["sip:alice@imc.test", "sip:carol@imc.test", "sip:bob@imc.test"], count: 3
        ))
        #expect(try manager.memberListing(roomURI: "sip:chat-full2@imc.test").members == ["sip:carol@imc.test", "sip:dave@imc.test"])
        let failures: [(String?, String)] = [
            (nil, "No room name"), ("", "Empty room name"), (".chat", "Empty room name"),
            ("chat-4", "Invalid room name"), ("sip:chat-4@imc.test", "Room not found"),
        ]
        for (parameter, message) in failures {
            let error = #expect(throws: IMCMemberListingError.self) { try manager.memberListing(roomURI: parameter) }
            #expect(error?.message == message)
            #expect(error?.faultCode == 500)
        }
    }

    @Test func aRoomLoadedTwiceIsKeptOnce() {
        let twice = loaded + [IMRoom(address: IMAddress(user: "CHAT-8", domain: "imc.test"), isPrivate: true, members: [])]
        let manager = IMCRoomManager(rooms: twice)
        #expect(manager.activeRoomCount == 3)
        #expect(manager.room(address("chat-8"))?.members.count == 3)
    }

    @Test func loadOrderDecidesTheOrderWithinABucket() {
        let rooms = ["chat-4", "chat-44", "chat-manager"].map {
            IMRoom(address: address($0), isPrivate: false, members: [member("alice", .owner)])
        }
        #expect(IMCRoomManager(rooms: rooms).roomsInListOrder.map(\.address.user) == ["chat-manager", "chat-44", "chat-4"])
    }

    /// Kamailio's statistic is always 0 (B15); Parley counts.
    @Test func activeRoomCountFollowsCreateAndDestroy() throws {
        var chat = IMCChat()
        #expect(chat.manager.activeRoomCount == 0)
        _ = try chat.send("alice", to: "chat-1", "#create")
        _ = try chat.send("alice", to: "chat-2", "#join")
        #expect(chat.manager.activeRoomCount == 2)
        _ = try chat.send("alice", to: "chat-1", "#destroy")
        #expect(chat.manager.activeRoomCount == 1)
    }
}
