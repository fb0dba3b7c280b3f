import ConferenceModel
import Foundation
import Testing

/// What the directory hands a ``ConferenceStore``, withdrawn admissions, and rooms restored.
@Suite struct VoiceRoomDirectoryStoreTests {
    let start = Date(timeIntervalSince1970: 1_700_000_000)

    @Test func createdRoomsPINChangesAndInvitationsAreHandedToTheStoreInOrder() {
        var directory = VoiceRoomDirectory(policy: VoiceRoomPolicy(), at: start)
        #expect(directory.takeStoreChanges() == [])
        _ = directory.createRoom("4711", timeout: 60, newPIN: "123456", at: start)
        _ = directory.invite(room: "4711", participantID: "p1", number: "sip:carol@x", at: start)
        _ = directory.createRoom("4712", timeout: nil, newPIN: "654321", at: start)
        let changes = directory.takeStoreChanges()
        #expect(
            changes == [
                .roomSaved(
                    StoredRoom(
                        name: "4711", adminPIN: "123456", expiryTime: start.addingTimeInterval(60),
                        invitations: [StoredInvitation(participantID: "p1", number: "sip:carol@x")])),
                .roomSaved(StoredRoom(name: "4712", adminPIN: "654321")),
            ])
        #expect(directory.takeStoreChanges() == [], "handed over once")
        _ = directory.changeAdminPIN(room: "4712", adminPIN: "654321", to: "111111", at: start)
        _ = directory.deleteRoom("4711", adminPIN: "123456")
        #expect(directory.takeStoreChanges() == [.roomSaved(StoredRoom(name: "4712", adminPIN: "111111")), .roomDeleted(name: "4711")])
    }

    @Test func callsChangeNothingTheStoreKeeps() {
        var directory = VoiceRoomDirectory(policy: VoiceRoomPolicy(), at: start)
        _ = directory.createRoom("4711", timeout: nil, newPIN: "123456", at: start)
        _ = directory.takeStoreChanges()
        _ = directory.admitCaller(room: "4711", callTag: "t1", number: "sip:a@x", participantID: "", at: start)
        directory.updateStatus(room: "4711", callTag: "t1", status: .finished, reason: "", at: start)
        #expect(directory.takeStoreChanges() == [])
    }

    @Test func aRoomOpenedAndClosedBetweenTwoHandOversIsNeverDeletedFromTheStore() {
        var directory = VoiceRoomDirectory(policy: VoiceRoomPolicy(), at: start)
        _ = directory.createRoom("brief", timeout: nil, newPIN: "1", at: start)
        _ = directory.deleteRoom("brief", adminPIN: "1")
        #expect(directory.takeStoreChanges() == [], "the store never had it")
    }

    @Test func aWithdrawnAdmissionLeavesNoRowAndNoLiveCount() {
        var directory = VoiceRoomDirectory(policy: VoiceRoomPolicy(maximumParticipants: 1), at: start)
        #expect(directory.admitCaller(room: "r", callTag: "ghost", number: "sip:a@x", participantID: "", at: start) == .admitted)
        #expect(directory.isFull(room: "r"))
        _ = directory.takeEvents()
        directory.withdrawCaller(room: "r", callTag: "ghost", at: start)
        #expect(directory.rooms["r"]?.participants == [])
        #expect(!directory.isFull(room: "r"))
        #expect(directory.takeEvents() == [.participantRemoved(room: "r", callTag: "ghost")])
        #expect(directory.admitCaller(room: "r", callTag: "real", number: "sip:b@x", participantID: "", at: start) == .admitted)
    }

    @Test func aWithdrawnAdmissionGivesTheInvitationItFilledBack() {
        var directory = VoiceRoomDirectory(policy: VoiceRoomPolicy(), at: start)
        _ = directory.invite(room: "r", participantID: "p7", number: "sip:carol@x", at: start)
        _ = directory.admitCaller(room: "r", callTag: "t1", number: "sip:carol@phone", participantID: "p7", at: start)
        #expect(directory.rooms["r"]?.participants.first?.status == .connected)
        directory.withdrawCaller(room: "r", callTag: "t1", at: start)
        let row = directory.rooms["r"]?.participants.first
        #expect(row?.callTag == "")
        #expect(row?.number == "sip:carol@x")
        #expect(row?.status == .disconnected)
        #expect(row?.participantID == "p7")
    }

    @Test func restoredRoomsComeBackWithTheirInvitationsAndPredefinedPINsWin() {
        let stored = [
            StoredRoom(name: "4711", adminPIN: "123456", invitations: [StoredInvitation(participantID: "p1", number: "sip:carol@x")]),
            StoredRoom(name: "lobby", adminPIN: "old"),
        ]
        var directory = VoiceRoomDirectory(
            policy: VoiceRoomPolicy(privateRooms: true, predefinedRooms: [PredefinedVoiceRoom(name: "lobby", adminPIN: "new")]),
            restoring: stored, at: start)
        #expect(directory.rooms["4711"]?.adminPIN == "123456")
        #expect(directory.participants(ofRoom: "4711", adminPIN: "123456", at: start)?.map(\.participantID) == ["p1"])
        #expect(directory.rooms["lobby"]?.adminPIN == "new")
        #expect(directory.takeStoreChanges() == [.roomSaved(StoredRoom(name: "lobby", adminPIN: "new"))])
    }
}
