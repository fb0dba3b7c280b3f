import Foundation
import SIPCore
import SIPTesting
import Testing

/// `Examples/EmbeddedBridge`: the voice bridge as a service inside a Hummingbird app of its own,
/// whose extra route reads the same room directory the calls join.
@Suite("embedded-bridge example")
struct EmbeddedBridgeTests {
    @Test("A caller joins a room of the embedded bridge and GET /rooms lists them, read with curl")
    func roomsRouteShowsTheCaller() async throws {
        let firstRTPPort = 20000 + Int.random(in: 0..<600) * 20
        let process = try PeerProcess.product(
            "embedded-bridge",
            arguments: [
                "--sip", "udp:127.0.0.1:0", "--http", "127.0.0.1:0", "--rtp-ports", "\(firstRTPPort)-\(firstRTPPort + 19)",
                "--prompts", try ParleyBridgeTestPrompts.directory(),
            ])
        defer { process.stop() }
        let sipLine = try await process.waitForLine(containing: "embedded-bridge sip on ")
        let httpLine = try await process.waitForLine(containing: "embedded-bridge http on port ")
        let sipPort = try #require(sipLine.split(separator: ":").last.flatMap { Int($0) })
        let httpPort = try #require(httpLine.split(separator: " ").last.flatMap { Int($0) })

        let caller = try await ParleyBridgeCaller(name: "erin", toneFrequency: nil)
        try await caller.dial(user: "conference", port: sipPort, headers: [SIPHeaderField(name: "P-App-Param", value: "room=lobby")])
        let curl = try ExternalPeer(named: "curl", installHint: "apt-get install curl")
        struct Rooms: Decodable {
            struct Room: Decodable {
                struct Participant: Decodable {
                    let number: String
                    let status: String
                }
                let name: String
                let participants: [Participant]
            }
            let rooms: [Room]
        }
        let listed = try await eventuallyValue("GET /rooms to list erin in room lobby", detail: { process.output }) {
            let outcome = try await curl.run(["-sS", "--fail", "http://127.0.0.1:\(httpPort)/rooms"], within: .seconds(5))
            let rooms = try? JSONDecoder().decode(Rooms.self, from: Data(outcome.output.utf8))
            return rooms?.rooms.first { room in
                room.name == "lobby" && room.participants.contains { $0.number == "sip:erin@127.0.0.1" && $0.status == "connected" }
            }
        }
        #expect(listed.participants.count == 1)
        caller.hangUp()
        await caller.shutdown()
    }
}
