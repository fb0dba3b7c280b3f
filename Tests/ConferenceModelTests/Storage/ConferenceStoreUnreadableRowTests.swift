import ConferenceModel
import Foundation
import Testing

/// What every ``ConferenceStore`` does with a row it did not write (an operator's hand edit): it
/// refuses the load by the room's name rather than guess.
@Suite(.sharedPostgresTestServer)
struct ConferenceStoreUnreadableRowTests {
    @Test("a recording state the stores do not write is refused by name", arguments: ConferenceStoreBackend.allCases)
    func unknownRecordingState(backend: ConferenceStoreBackend) async throws {
        let harness = try backend.makeHarness()
        defer { harness.remove() }
        try await harness.apply([.roomSaved(StoredRoom(name: "4711", adminPIN: "8642"))])

        // Past the schema's CHECK, as a hand edit on a looser schema would be.
        switch backend {
        case .sqlite:
            _ = try harness.query("PRAGMA ignore_check_constraints = ON; UPDATE parley_rooms SET recording = 'loud'")
        case .postgres:
            _ = try harness.query("""
                ALTER TABLE parley_rooms DROP CONSTRAINT parley_rooms_recording_check;
                UPDATE parley_rooms SET recording = 'loud'
                """)
        }

        await #expect(throws: ConferenceStoreError(.unreadableRoom, room: "4711")) {
            try await harness.loadRooms()
        }
    }

    @Test("an SQLite expiry time that is not a date is refused by name")
    func expiryTimeThatIsNotADate() async throws {
        let harness = try ConferenceStoreSQLiteHarness()
        defer { harness.remove() }
        try await harness.apply([
            .roomSaved(StoredRoom(name: "4711", adminPIN: "8642")),
            .roomSaved(StoredRoom(name: "4712", adminPIN: "", expiryTime: Date(timeIntervalSince1970: 1_750_000_000))),
        ])

        _ = try harness.query("UPDATE parley_rooms SET expiry_time = 'tomorrow' WHERE name = '4711'")

        await #expect(throws: ConferenceStoreError(.unreadableRoom, room: "4711")) {
            try await harness.loadRooms()
        }
    }
}
