import ConferenceModel
import Foundation
import Testing

/// Every change to a voice room comes out as an event, in order, to every subscriber.
@Suite struct VoiceRoomEventTests {
    let start = Date(timeIntervalSince1970: 1_700_000_000)

    @Test func aDialOutsLifeComesOutAsEventsInOrder() throws {
        var directory = VoiceRoomDirectory(policy: VoiceRoomPolicy(roomsExpireDelay: 60), at: start)
        _ = directory.createRoom("4711", timeout: nil, newPIN: "1", at: start)
        _ = directory.beginDialOut(room: "4711", adminPIN: "1", callTag: "T1", number: "sip:bob@x", participantID: "p", at: start)
        directory.updateStatus(room: "4711", callTag: "T1", status: .ringing, reason: "180 Ringing", at: start)
        directory.updateStatus(room: "4711", callTag: "T1", status: .connected, reason: "200 OK", at: start)
        _ = directory.apply(.mute, room: "4711", adminPIN: "1", callTag: "T1", at: start)
        _ = directory.apply(.unmute, room: "4711", adminPIN: "1", callTag: "T1", at: start)
        _ = directory.apply(.kick, room: "4711", adminPIN: "1", callTag: "T1", at: start)
        _ = directory.apply(.mute, room: "4711", adminPIN: "wrong", callTag: "T1", at: start)
        let row = try #require(directory.rooms["4711"]?.participants.first)
        #expect(row.status == .disconnecting)
        #expect(directory.takeEvents() == [
            .roomOpened(room: "4711"),
            .participantJoined(room: "4711", participant: VoiceParticipant(
                callTag: "T1", number: "sip:bob@x", status: .connecting, reason: "INVITE", participantID: "p",
                lastStatusChange: start)),
            .participantStatusChanged(room: "4711", callTag: "T1", status: .ringing, reason: "180 Ringing"),
            .participantStatusChanged(room: "4711", callTag: "T1", status: .connected, reason: "200 OK"),
            .participantMuted(room: "4711", callTag: "T1"),
            .participantUnmuted(room: "4711", callTag: "T1"),
            .participantKicked(room: "4711", callTag: "T1"),
            .participantStatusChanged(room: "4711", callTag: "T1", status: .disconnecting, reason: "disconnect"),
        ], "a refused command changes nothing and says nothing")
        #expect(directory.takeEvents() == [], "events are handed over once")

        _ = directory.deleteRoom("4711", adminPIN: "1")
        directory.updateStatus(room: "gone", callTag: "T9", status: .finished, reason: "", at: start)
        #expect(directory.takeEvents() == [.roomClosed(room: "4711"), .roomOpened(room: "gone")])
        directory.sweepSoftExpiredRooms(at: start.addingTimeInterval(61))
        #expect(directory.takeEvents() == [.roomClosed(room: "gone")])
    }

    @Test func subscribersGetEveryChangeAndPublishedMediaEvents() async throws {
        let registry = VoiceRoomRegistry(policy: VoiceRoomPolicy(), clock: { [start] in start })
        let first = await registry.events()
        let second = await registry.events()
        _ = await registry.update { directory, now in
            directory.admitCaller(room: "42", callTag: "A", number: "sip:a@x", participantID: "", at: now)
        }
        await registry.publish([.participantStartedTalking(room: "42", callTag: "A"), .floorChanged(room: "42", callTag: "A")])
        let expected: [VoiceRoomEvent] = [
            .roomOpened(room: "42"),
            .participantJoined(room: "42", participant: VoiceParticipant(
                callTag: "A", number: "sip:a@x", status: .connected, reason: "entered", participantID: "",
                lastStatusChange: start)),
            .participantStartedTalking(room: "42", callTag: "A"),
            .floorChanged(room: "42", callTag: "A"),
        ]
        for stream in [first, second] {
            var received: [VoiceRoomEvent] = []
            for await event in stream {
                received.append(event)
                if received.count == expected.count { break }
            }
            #expect(received == expected)
        }
        #expect(expected[3].description == "room 42: floor to A")
    }
}
