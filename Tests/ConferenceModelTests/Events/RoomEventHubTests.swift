import ConferenceModel
import Foundation
import SIPTesting
import Testing

/// Each room's voice and IM changes come out of the hub as one ordered stream.
@Suite struct RoomEventHubTests {
    let start = Date(timeIntervalSince1970: 1_700_000_000)
    let chat4242 = IMAddress(user: "chat-4242", domain: "imc.test")
    let alice = IMMember(address: IMAddress(user: "alice", domain: "imc.test"), role: .owner, isInvited: false)

    @Test func aRoomsStreamGetsOnlyThatRoomsEventsInOrder() async throws {
        let hub = RoomEventHub()
        let room4242 = await hub.events(ofRoom: "4242")
        let everyRoom = await hub.events()
        let published: [RoomEvent] = [
            .voice(.roomOpened(room: "4242")),
            .voice(.roomOpened(room: "7")),
            .voice(.participantMuted(room: "4242", callTag: "A")),
            .im(.roomCreated(chat4242, isPrivate: false), room: "4242"),
            .voice(.roomClosed(room: "7")),
        ]
        hub.publish(Array(published[..<2]))
        hub.publish(Array(published[2...]))

        #expect(try await next(3, of: room4242) == published.filter { $0.room == "4242" })
        #expect(try await next(5, of: everyRoom) == published)
    }

    @Test func voiceAndIMEventsOfARoomShareOneStreamInPublicationOrder() async throws {
        let hub = RoomEventHub()
        let registry = VoiceRoomRegistry(policy: VoiceRoomPolicy(), clock: { [start] in start }, eventHub: hub)
        let room4242 = await hub.events(ofRoom: "4242")

        _ = await registry.update { directory, now in
            directory.admitCaller(room: "4242", callTag: "A", number: "sip:a@x", participantID: "", at: now)
        }
        hub.publish([
            RoomEvent(imChange: .roomCreated(chat4242, isPrivate: false), roomNames: IMRoomNameMapping(domain: "imc.test")),
            RoomEvent(imChange: .memberAdded(room: chat4242, member: alice), roomNames: IMRoomNameMapping(domain: "imc.test")),
        ])
        await registry.publish([.participantStartedTalking(room: "4242", callTag: "A")])

        #expect(try await next(5, of: room4242) == [
            .voice(.roomOpened(room: "4242")),
            .voice(.participantJoined(room: "4242", participant: VoiceParticipant(
                callTag: "A", number: "sip:a@x", status: .connected, reason: "entered", participantID: "",
                lastStatusChange: start))),
            .im(.roomCreated(chat4242, isPrivate: false), room: "4242"),
            .im(.memberAdded(room: chat4242, member: alice), room: "4242"),
            .voice(.participantStartedTalking(room: "4242", callTag: "A")),
        ])
    }

    @Test func anIMRoomOutsideTheMappingIsNamedByItsURI() {
        let team = IMAddress(user: "team", domain: "imc.test")
        let event = RoomEvent(imChange: .roomDestroyed(team), roomNames: IMRoomNameMapping(domain: "imc.test"))
        #expect(event == .im(.roomDestroyed(team), room: "sip:team@imc.test"))
        #expect(RoomEvent(imChange: .roomDestroyed(chat4242), roomNames: nil).room == "sip:chat-4242@imc.test")
    }

    @Test func aDroppedOrCancelledSubscriberIsRemoved() async throws {
        let hub = RoomEventHub()
        let read = await hub.events()
        _ = await hub.events(ofRoom: "4242")
        try await eventually("the dropped stream to be let go") { await hub.subscriberCount == 1 }

        let reader = Task { for await _ in read {} }
        reader.cancel()
        try await eventually("the cancelled reader's stream to be let go") { await hub.subscriberCount == 0 }
    }

    /// The next `count` events of `stream`, each awaited with a bounded wait.
    private func next(_ count: Int, of stream: AsyncStream<RoomEvent>) async throws -> [RoomEvent] {
        var events: [RoomEvent] = []
        for index in 1...count {
            events.append(try await eventually("event \(index) of \(count), after \(events)", firstOf: stream, where: { _ in true }))
        }
        return events
    }
}
