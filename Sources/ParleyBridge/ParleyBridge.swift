import ArgumentParser
import ConferenceModel
import Logging
import ServiceLifecycle

/// `parley-bridge`: the SIP voice conference bridge (dial-in by DTMF, direct rooms, dial-out,
/// XML-RPC control compatible with SEMS webconference).
///
/// Settings come, lowest first, from a SEMS `webconference.conf` (`--webconference-conf`), the
/// config file (`--config`, YAML or JSON) and the command line (Docs/Bridge.md).
@main
struct ParleyBridge: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parley-bridge",
        abstract: "SIP voice conference bridge with a SEMS webconference compatible XML-RPC API."
    )

    @Option(name: .long, help: "Config file, YAML (.yaml/.yml) or JSON (.json); options given here override it.")
    var config: String?

    @Option(name: .long, help: "SIP listener, transport:host:port (udp:0.0.0.0:5060, tcp:127.0.0.1:5060). Repeat for several. [udp:127.0.0.1:5060]")
    var sip: [String] = []

    @Option(name: .long, help: "RTP port range, first-last. [20000-30000]")
    var rtpPorts: String?

    @Option(name: .long, help: "SQLite file for the rooms, admin PINs, invitations and call statistics. [./parley.sqlite]")
    var db: String?

    @Option(name: .long, help: "PostgreSQL URL (postgres://user@host/db) to keep the rooms in instead of --db (loaded at start).")
    var roomsDb: String?

    @Option(name: .long, help: "Folder of the default prompt set (pin_prompt.wav, beep.wav, 0.wav…). [the repository's Prompts/<rate>]")
    var prompts: String?

    @Option(name: .long, help: "XML-RPC listener, host:port, or off. [127.0.0.1:8090]")
    var xmlrpc: String?

    @Option(name: .long, help: "A SEMS webconference.conf to take the room, PIN and prompt settings from.")
    var webconferenceConf: String?

    @Option(name: .long, help: "Log level (trace, debug, info, notice, warning, error, critical). [info]")
    var logLevel: String?

    func run() async throws {
        let commandLine = BridgeOptionValues(
            sipListen: sip.isEmpty ? nil : sip, rtpPorts: rtpPorts, database: db, promptsDirectory: prompts,
            xmlrpcListen: xmlrpc, logLevel: logLevel, roomsDatabase: roomsDb)
        let file = if let config { try await BridgeConfigFile.read(path: config) } else { BridgeConfigFile() }
        let imported = try webconferenceConf.map { try WebConferenceConfImport.read(path: $0) } ?? WebConferenceConfImport()
        let settings = try BridgeSettings(
            commandLine.overriding(file.values), webConference: imported.settings.merging(file.webConference) { $1 })
        var logger = Logger(label: "parley-bridge")
        logger.logLevel = settings.logLevel
        for warning in imported.warnings { logger.warning("\(warning)") }

        var services: [any Service] = []
        let roomStore: any ConferenceStore
        if let url = settings.roomsDatabaseURL {
            let postgres = try PostgresConferenceStore(url: url, logger: logger)
            // First in the group: it must run before the rooms are loaded, and stop after the last write.
            services.append(postgres.client)
            roomStore = postgres
        } else {
            roomStore = try SQLiteConferenceStore(path: settings.databasePath)
        }
        services.append(BridgeApplication(settings: settings, roomStore: roomStore, logger: logger))
        let group = ServiceGroup(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        try await group.run()
    }
}
