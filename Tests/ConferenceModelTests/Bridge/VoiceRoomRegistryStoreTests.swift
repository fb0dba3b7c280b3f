import ConferenceModel
import Foundation
import Testing

/// ``VoiceRoomRegistry`` writing room changes through to a real SQLite ``ConferenceStore``.
@Suite struct VoiceRoomRegistryStoreTests {
    static func temporaryFile() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("registry-\(UUID().uuidString).sqlite").path
    }

    @Test func aCreatedRoomIsInTheFileWhenTheUpdateReturns() async throws {
        let path = Self.temporaryFile()
        let registry = VoiceRoomRegistry(policy: VoiceRoomPolicy(), store: try SQLiteConferenceStore(path: path))
        let created = await registry.update { directory, now in directory.createRoom("4711", timeout: nil, newPIN: "123456", at: now) }
        #expect(created == .created(adminPIN: "123456"))
        // Another connection, as a restarted bridge would open the file.
        let reopened = try await SQLiteConferenceStore(path: path).loadRooms()
        #expect(reopened == [StoredRoom(name: "4711", adminPIN: "123456")])
    }

    @Test func concurrentChangesAllLandAndTheLastOfEachRoomWins() async throws {
        let path = Self.temporaryFile()
        let registry = VoiceRoomRegistry(policy: VoiceRoomPolicy(), store: try SQLiteConferenceStore(path: path))
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<50 {
                group.addTask {
                    _ = await registry.update { directory, now in
                        directory.createRoom("room-\(index % 10)", timeout: nil, newPIN: "", at: now)
                    }
                    _ = await registry.update { directory, now in
                        directory.invite(room: "room-\(index % 10)", participantID: "p\(index)", number: "sip:\(index)@x", at: now)
                    }
                }
            }
        }
        let stored = try await SQLiteConferenceStore(path: path).loadRooms()
        let memory = await registry.update { directory, _ in directory.rooms.values.map(StoredRoom.init) }
        #expect(stored.count == 10)
        #expect(Set(stored) == Set(memory), "the file holds what memory holds")
        #expect(stored.reduce(0) { $0 + $1.invitations.count } == 50)
    }

    @Test func aRestartedRegistryComesBackWithTheRooms() async throws {
        let path = Self.temporaryFile()
        let first = VoiceRoomRegistry(policy: VoiceRoomPolicy(), store: try SQLiteConferenceStore(path: path))
        _ = await first.update { directory, now in directory.createRoom("4711", timeout: nil, newPIN: "123456", at: now) }
        let store = try SQLiteConferenceStore(path: path)
        let second = VoiceRoomRegistry(policy: VoiceRoomPolicy(privateRooms: true), restoring: try await store.loadRooms(), store: store)
        let rows = await second.update { directory, now in directory.participants(ofRoom: "4711", adminPIN: "123456", at: now) }
        #expect(rows == [], "the room is open with its PIN")
        let wrong = await second.update { directory, now in directory.participants(ofRoom: "4711", adminPIN: "000000", at: now) }
        #expect(wrong == nil)
    }
}
