import ConferenceModel
import Foundation
import Testing

/// The SEMS webconference room rules of spec §4 and §9, driven with a fixed clock.
@Suite struct VoiceRoomDirectoryTests {
    let start = Date(timeIntervalSince1970: 1_700_000_000)

    func later(_ seconds: Double) -> Date { start.addingTimeInterval(seconds) }

    @Test func openRoomsModeOpensAnUnknownRoomWithTheGivenPIN() {
        var directory = VoiceRoomDirectory(policy: VoiceRoomPolicy(), at: start)
        #expect(directory.participants(ofRoom: "4711", adminPIN: "1234", at: start) == [])
        #expect(directory.rooms["4711"]?.adminPIN == "1234")
        #expect(directory.participants(ofRoom: "4711", adminPIN: "9999", at: start) == nil)
        #expect(directory.participants(ofRoom: "4711", adminPIN: "1234", at: start) == [])
    }

    @Test func privateRoomsModeRefusesUnknownRooms() {
        var directory = VoiceRoomDirectory(policy: VoiceRoomPolicy(privateRooms: true), at: start)
        #expect(directory.participants(ofRoom: "4711", adminPIN: "1234", at: start) == nil)
        #expect(directory.rooms.isEmpty)
        #expect(directory.invite(room: "4711", participantID: "p1", number: "sip:a@x", at: start) == false)
        #expect(directory.createRoom("4711", timeout: nil, newPIN: "555555", at: start) == .created(adminPIN: "555555"))
        #expect(directory.participants(ofRoom: "4711", adminPIN: "555555", at: start) == [])
    }

    @Test func firstCallerClaimsARoomWithoutPIN() {
        var directory = VoiceRoomDirectory(policy: VoiceRoomPolicy(), at: start)
        #expect(directory.invite(room: "r", participantID: "p1", number: "sip:a@x", at: start) == true)
        #expect(directory.rooms["r"]?.adminPIN == "")
        #expect(directory.changeAdminPIN(room: "r", adminPIN: "claimed", to: "claimed", at: start) == true)
        #expect(directory.participants(ofRoom: "r", adminPIN: "other", at: start) == nil)
        #expect(directory.changeAdminPIN(room: "r", adminPIN: "claimed", to: "", at: start) == true)
        #expect(directory.participants(ofRoom: "r", adminPIN: "second", at: start)?.count == 1)
        #expect(directory.rooms["r"]?.adminPIN == "second")
    }

    @Test func ignorePINAcceptsAnyPINButKeepsTheStoredOne() {
        var directory = VoiceRoomDirectory(policy: VoiceRoomPolicy(ignorePIN: true), at: start)
        _ = directory.createRoom("r", timeout: nil, newPIN: "111111", at: start)
        #expect(directory.participants(ofRoom: "r", adminPIN: "wrong", at: start) == [])
        #expect(directory.deleteRoom("r", adminPIN: "wrong") == .deleted(callTags: []))
    }

    @Test func roomCreateReportsAnOpenRoomAndHandsAPINToAPINlessOne() {
        var directory = VoiceRoomDirectory(policy: VoiceRoomPolicy(supportRoomsTimeout: true), at: start)
        #expect(directory.createRoom("r", timeout: nil, newPIN: "123456", at: start) == .created(adminPIN: "123456"))
        #expect(directory.createRoom("r", timeout: nil, newPIN: "654321", at: start) == .alreadyOpened)
        #expect(directory.admitCaller(room: "dialled", callTag: "t1", number: "<sip:a@x>", participantID: "", at: start) == .admitted)
        // B12 fixed: the timeout applies when a PIN-less room gets its PIN.
        #expect(directory.createRoom("dialled", timeout: 60, newPIN: "222222", at: start) == .created(adminPIN: "222222"))
        #expect(directory.rooms["dialled"]?.expiryTime == later(60))
    }

    @Test func softExpiredRoomIsErasedOnAccessAndHiddenFromTheList() {
        let policy = VoiceRoomPolicy(masterPassword: "m", roomsExpireDelay: 100)
        var directory = VoiceRoomDirectory(policy: policy, at: start)
        _ = directory.createRoom("idle", timeout: nil, newPIN: "1", at: start)
        _ = directory.createRoom("busy", timeout: nil, newPIN: "2", at: start)
        #expect(directory.invite(room: "busy", participantID: "p", number: "n", at: start) == true)
        #expect(directory.roomNames(masterPassword: "m", at: later(100)) == ["busy", "idle"])
        #expect(directory.roomNames(masterPassword: "m", at: later(101)) == ["busy"])
        // B11: polling a soft-expired room fails once and deletes it.
        #expect(directory.participants(ofRoom: "idle", adminPIN: "1", at: later(101)) == nil)
        #expect(directory.rooms["idle"] == nil)
        // Open mode: the next call opens it again.
        #expect(directory.participants(ofRoom: "idle", adminPIN: "1", at: later(102)) == [])
    }

    @Test func roomsExpireOffKeepsEmptyRooms() {
        var directory = VoiceRoomDirectory(policy: VoiceRoomPolicy(roomsExpire: false, roomsExpireDelay: 1), at: start)
        _ = directory.createRoom("r", timeout: nil, newPIN: "1", at: start)
        #expect(directory.participants(ofRoom: "r", adminPIN: "1", at: later(10_000)) == [])
    }

    @Test func maximumParticipantsCountsLiveCallsOfBothKinds() {
        var directory = VoiceRoomDirectory(policy: VoiceRoomPolicy(maximumParticipants: 2), at: start)
        func admit(_ tag: String, room: String = "r") -> RoomAdmission {
            directory.admitCaller(room: room, callTag: tag, number: "sip:\(tag)@x", participantID: "", at: start)
        }
        func dialOut(_ tag: String, pin: String = "1") -> RoomAdmission {
            directory.beginDialOut(room: "r", adminPIN: pin, callTag: tag, number: "sip:\(tag)@x", participantID: "", at: start)
        }
        #expect(admit("A") == .admitted)
        // The first dial-out with a PIN claims the room's empty one.
        let first = dialOut("B")
        #expect(first == .admitted)
        #expect(directory.isFull(room: "r"))
        #expect(admit("C") == .roomFull)
        let full = dialOut("D")
        #expect(full == .roomFull)
        let wrongPIN = dialOut("D", pin: "wrong")
        #expect(wrongPIN == .refused, "the PIN is checked before the room's size is told")
        // A finished call frees its place; another room is not affected.
        directory.updateStatus(room: "r", callTag: "B", status: .finished, reason: "BYE", at: start)
        #expect(!directory.isFull(room: "r"))
        #expect(admit("C") == .admitted)
        #expect(admit("E", room: "other") == .admitted)
    }

    @Test func dialOutIsListedAsConnectingBeforeTheINVITEAndFollowsStatusReports() throws {
        var directory = VoiceRoomDirectory(policy: VoiceRoomPolicy(), at: start)
        #expect(directory.beginDialOut(room: "r", adminPIN: "1", callTag: "T1", number: "sip:bob@x", participantID: "", at: start) == .admitted)
        var row = try #require(directory.participants(ofRoom: "r", adminPIN: "1", at: start)?.first)
        #expect((row.callTag, row.number, row.status, row.reason) == ("T1", "sip:bob@x", .connecting, "INVITE"))
        directory.updateStatus(room: "r", callTag: "T1", status: .ringing, reason: "180 Ringing", at: later(1))
        directory.updateStatus(room: "r", callTag: "T1", status: .connected, reason: "200 OK", at: later(2))
        row = try #require(directory.participants(ofRoom: "r", adminPIN: "1", at: later(2))?.first)
        #expect((row.status, row.reason) == (.connected, "200 OK"))
    }

    @Test func finishedParticipantsExpireAfterTheDelayStrictly() {
        var directory = VoiceRoomDirectory(policy: VoiceRoomPolicy(), at: start)
        _ = directory.beginDialOut(room: "r", adminPIN: "1", callTag: "T1", number: "n", participantID: "", at: start)
        directory.updateStatus(room: "r", callTag: "T1", status: .finished, reason: "486 Busy Here", at: later(5))
        #expect(directory.participants(ofRoom: "r", adminPIN: "1", at: later(15))?.map(\.reason) == ["486 Busy Here"])
        #expect(directory.participants(ofRoom: "r", adminPIN: "1", at: later(15.5)) == [])
    }

    @Test func participantsExpireOffKeepsFinishedRows() {
        var directory = VoiceRoomDirectory(policy: VoiceRoomPolicy(participantsExpire: false), at: start)
        _ = directory.beginDialOut(room: "r", adminPIN: "1", callTag: "T1", number: "n", participantID: "", at: start)
        directory.updateStatus(room: "r", callTag: "T1", status: .finished, reason: "", at: start)
        #expect(directory.participants(ofRoom: "r", adminPIN: "1", at: later(1000))?.count == 1)
    }

    @Test func invitedCallerFillsTheInvitationRow() throws {
        var directory = VoiceRoomDirectory(policy: VoiceRoomPolicy(privateRooms: true), at: start)
        _ = directory.createRoom("r", timeout: nil, newPIN: "1", at: start)
        #expect(directory.invite(room: "r", participantID: "77", number: "sip:carol@x", at: start) == true)
        #expect(directory.admitCaller(room: "r", callTag: "T9", number: "<sip:eve@x>", participantID: "66", requireInvitation: true, at: start) == .refused)
        #expect(directory.admitCaller(room: "r", callTag: "T2", number: "Carol <sip:carol@x>", participantID: "77", requireInvitation: true, at: start) == .admitted)
        let rows = directory.participants(ofRoom: "r", adminPIN: "1", at: start) ?? []
        try #require(rows.count == 1)
        #expect((rows[0].callTag, rows[0].number, rows[0].status, rows[0].reason) == ("T2", "Carol <sip:carol@x>", .connected, "entered"))
        #expect(directory.rooms(withParticipantID: "77", at: start) == ["r"])
    }

    @Test func everyDialOutGetsARowEvenWithoutInvitation() {
        // B3: SEMS placed the call but listed nothing in private + room_pin_split mode.
        var directory = VoiceRoomDirectory(policy: VoiceRoomPolicy(privateRooms: true), at: start)
        _ = directory.createRoom("r", timeout: nil, newPIN: "1", at: start)
        #expect(directory.beginDialOut(room: "r", adminPIN: "1", callTag: "T1", number: "n", participantID: "not-invited", at: start) == .admitted)
        #expect(directory.apply(.mute, room: "r", adminPIN: "1", callTag: "T1", at: start) == .accepted)
        #expect(directory.rooms["r"]?.participants.first?.muted == true)
    }

    @Test func commandsNeedTheRoomAndTheCall() {
        var directory = VoiceRoomDirectory(policy: VoiceRoomPolicy(), at: start)
        _ = directory.beginDialOut(room: "r", adminPIN: "1", callTag: "T1", number: "n", participantID: "", at: start)
        #expect(directory.apply(.kick, room: "r", adminPIN: "2", callTag: "T1", at: start) == .roomRefused)
        #expect(directory.apply(.kick, room: "r", adminPIN: "1", callTag: "T2", at: start) == .noSuchCall)
        #expect(directory.apply(.kick, room: "r", adminPIN: "1", callTag: "T1", at: start) == .accepted)
        let row = directory.rooms["r"]?.participants.first
        #expect(row?.status == .disconnecting)
        #expect(row?.reason == "disconnect")
    }

    @Test func roomDeleteAnswersAndNamesTheLiveCalls() {
        var directory = VoiceRoomDirectory(policy: VoiceRoomPolicy(), at: start)
        #expect(directory.deleteRoom("r", adminPIN: "1") == .noSuchRoom)
        _ = directory.beginDialOut(room: "r", adminPIN: "1", callTag: "T1", number: "n", participantID: "", at: start)
        _ = directory.invite(room: "r", participantID: "p", number: "n", at: start)
        #expect(directory.deleteRoom("r", adminPIN: "x") == .wrongAdminPIN)
        #expect(directory.deleteRoom("r", adminPIN: "1") == .deleted(callTags: ["T1"]))
        #expect(directory.rooms["r"] == nil)
    }

    @Test func hardTimeoutClosesRoomsOnlyWhenSupported() {
        var off = VoiceRoomDirectory(policy: VoiceRoomPolicy(), at: start)
        _ = off.createRoom("r", timeout: 10, newPIN: "1", at: start)
        #expect(off.closeTimedOutRooms(at: later(11)) == [])
        var on = VoiceRoomDirectory(policy: VoiceRoomPolicy(supportRoomsTimeout: true, roomsExpireDelay: 5), at: start)
        _ = on.createRoom("r", timeout: 10, newPIN: "1", at: start)
        _ = on.createRoom("s", timeout: 100, newPIN: "1", at: start)
        #expect(on.closeTimedOutRooms(at: later(10)) == [])
        // B2: the room is soft-expired as well; it is closed, nothing aborts.
        #expect(on.closeTimedOutRooms(at: later(11)) == [ClosedVoiceRoom(name: "r", callTags: [])])
        #expect(on.rooms.keys.sorted() == ["s"])
    }

    @Test func masterPasswordGatesPasswordsAndListing() {
        var unset = VoiceRoomDirectory(policy: VoiceRoomPolicy(), at: start)
        _ = unset.createRoom("r", timeout: nil, newPIN: "1", at: start)
        #expect(unset.roomPassword(masterPassword: "", room: "r") == .wrongMasterPassword)
        #expect(unset.roomNames(masterPassword: "", at: start) == nil)
        var set = VoiceRoomDirectory(policy: VoiceRoomPolicy(masterPassword: "m"), at: start)
        _ = set.createRoom("r", timeout: nil, newPIN: "424242", at: start)
        #expect(set.roomPassword(masterPassword: "x", room: "r") == .wrongMasterPassword)
        #expect(set.roomPassword(masterPassword: "m", room: "q") == .noSuchRoom)
        #expect(set.roomPassword(masterPassword: "m", room: "r") == .adminPIN("424242"))
    }

    @Test func listingIsInByteOrder() {
        var directory = VoiceRoomDirectory(policy: VoiceRoomPolicy(masterPassword: "m"), at: start)
        for name in ["b", "B", "a", "é", "10", "9"] {
            _ = directory.createRoom(name, timeout: nil, newPIN: "1", at: start)
        }
        #expect(directory.roomNames(masterPassword: "m", at: start) == ["10", "9", "B", "a", "b", "é"])
    }

    @Test func predefinedRoomsAreOpenAtStart() {
        let rooms = PredefinedVoiceRoom.parseList("100:1234;;200:")
        #expect(rooms == [PredefinedVoiceRoom(name: "100", adminPIN: "1234"), PredefinedVoiceRoom(name: "200", adminPIN: "")])
        #expect(PredefinedVoiceRoom.parseList("100:1:2") == nil)
        var directory = VoiceRoomDirectory(policy: VoiceRoomPolicy(privateRooms: true, predefinedRooms: rooms ?? []), at: start)
        #expect(directory.participants(ofRoom: "100", adminPIN: "1234", at: start) == [])
        #expect(directory.participants(ofRoom: "100", adminPIN: "0000", at: start) == nil)
    }

    @Test func statusReportRecreatesADeletedRoomInOpenModeOnly() {
        var open = VoiceRoomDirectory(policy: VoiceRoomPolicy(), at: start)
        open.updateStatus(room: "gone", callTag: "T", status: .finished, reason: "", at: start)
        #expect(open.rooms["gone"]?.adminPIN == "")
        var closed = VoiceRoomDirectory(policy: VoiceRoomPolicy(privateRooms: true), at: start)
        closed.updateStatus(room: "gone", callTag: "T", status: .finished, reason: "", at: start)
        #expect(closed.rooms["gone"] == nil)
    }

    @Test func sweepRunsOnEveryNthCreateOrDialOut() {
        var directory = VoiceRoomDirectory(policy: VoiceRoomPolicy(roomsExpireDelay: 1, roomSweepInterval: 2), at: start)
        _ = directory.createRoom("old", timeout: nil, newPIN: "1", at: start)
        _ = directory.createRoom("new", timeout: nil, newPIN: "1", at: later(5))
        #expect(directory.rooms["old"] == nil)
        #expect(directory.rooms["new"] != nil)
    }
}
