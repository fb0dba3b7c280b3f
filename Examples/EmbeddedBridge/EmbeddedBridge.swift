import ArgumentParser
import ConferenceModel
import Foundation
import Hummingbird
import Logging
import SIPCore
import VoiceBridge

/// `embedded-bridge`: the voice bridge inside a Hummingbird application of its own, which adds
/// one route, `GET /rooms`, listing the rooms and their participants as JSON from the same room
/// directory the calls join. The way to put Parley's bridge into another Swift server.
///
/// Callers reach a room with `P-App-Param: room=<name>` or by typing its number after the PIN
/// prompt, as with `parley-bridge`.
@main
struct EmbeddedBridge: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "embedded-bridge", abstract: "The Parley voice bridge inside a Hummingbird app with GET /rooms.")

    @Option(help: "SIP listener, udp:host:port.")
    var sip = "udp:127.0.0.1:5060"

    @Option(help: "HTTP listener, host:port.")
    var http = "127.0.0.1:8080"

    @Option(help: "RTP port range, first-last.")
    var rtpPorts = "20000-20999"

    @Option(help: "Folder of the prompt set (pin_prompt.wav, beep.wav, 0.wav…).")
    var prompts: String

    func run() async throws {
        let logger = Logger(label: "embedded-bridge")
        let listener = try SIPTransportAddress(.udp, hostPort: String(sip.dropFirst("udp:".count)))
        let ports = rtpPorts.split(separator: "-").compactMap { Int($0) }
        guard ports.count == 2, let colon = http.lastIndex(of: ":"), let httpPort = Int(http[http.index(after: colon)...]) else {
            throw ValidationError("--rtp-ports needs first-last and --http host:port")
        }
        let registry = VoiceRoomRegistry(policy: VoiceRoomPolicy())
        let bridge = VoiceBridgeService(
            configuration: VoiceBridgeConfiguration(
                listenAddresses: [listener], mediaHost: listener.host, rtpAddress: listener.host, rtpPorts: ports[0]...ports[1],
                roomSelection: try RoomSelectionSettings(), promptsDirectory: prompts),
            registry: registry, logger: logger,
            onListening: { addresses in
                for address in addresses { announce("embedded-bridge sip on \(address.host):\(address.port)") }
            })

        let router = Router()
        router.get("rooms") { _, _ in
            await registry.update { directory, _ in RoomList(directory) }
        }
        let application = Application(
            router: router,
            configuration: .init(address: .hostname(String(http[..<colon]), port: httpPort)),
            services: [bridge],
            onServerRunning: { channel in announce("embedded-bridge http on port \(channel.localAddress?.port ?? 0)") },
            logger: logger)
        try await application.runService()
    }
}

/// A line written at once (standard output is block-buffered when it is not a terminal).
private func announce(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
