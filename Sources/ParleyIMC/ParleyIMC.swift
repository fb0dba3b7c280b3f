import ArgumentParser
import ConferenceModel
import Logging
import ServiceLifecycle

/// `parley-imc`: IM conferencing over SIP MESSAGE, a drop-in for Kamailio's imc module.
///
/// Every option may also be set in a JSON config file (`--config`); an option given on the
/// command line overrides the file's value. Defaults are shown in brackets (Docs/IMC.md).
@main
struct ParleyIMC: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parley-imc", abstract: "IM conferencing over SIP MESSAGE, compatible with Kamailio's imc.")

    @Option(name: .long, help: "JSON config file whose keys are the long option names; options given here override it.")
    var config: String?

    @Option(name: .long, help: "SIP listener, transport:host:port (udp:127.0.0.1:5070, tcp:[::1]:5070). Repeat for several. [udp:127.0.0.1:5070]")
    var listen: [String] = []

    @Option(name: .long, help: "The SIP domain of rooms and users (the registrar accepts only this domain when set).")
    var domain: String?

    @Option(name: .long, help: "Room and member database: a SQLite file path or postgres://user[:password]@host[:port]/database. [./imc.sqlite]")
    var db: String?

    @Option(name: .long, help: "Next hop for every MESSAGE the manager sends, sip:host:port (;transport=tcp for TCP).")
    var outboundProxy: String?

    @Option(name: .long, help: "Command start string; its first character marks a command. [#]")
    var cmdChar: String?

    @Option(name: .long, help: "1: #join creates a missing room (Kamailio create_on_join). [1]")
    var createOnJoin: Int?

    @Option(name: .long, help: "1: #create of an existing room answers 'Room already exists' (Kamailio check_on_create). [0]")
    var checkOnCreate: Int?

    @Option(name: .long, help: "Extra header lines added to every MESSAGE sent, each ending in \\r\\n.")
    var extraHeaders: String?

    @Option(name: .long, help: "User part of the manager URI. [chat-manager]")
    var managerUser: String?

    @Option(name: .long, help: "Pattern of room user parts; '*' matches any text. [chat-*]")
    var roomPattern: String?

    @Option(name: .long, help: "JSON-RPC listener (POST /RPC), host:port; 'off' for none. [127.0.0.1:5071]")
    var rpc: String?

    @Option(name: .long, help: "Log level (trace, debug, info, notice, warning, error, critical). [info]")
    var logLevel: String?

    func run() async throws {
        let commandLine = IMCOptionValues(
            listen: listen.isEmpty ? nil : listen, domain: domain, db: db, outboundProxy: outboundProxy, cmdChar: cmdChar,
            createOnJoin: createOnJoin, checkOnCreate: checkOnCreate, extraHeaders: extraHeaders,
            managerUser: managerUser, roomPattern: roomPattern, rpc: rpc, logLevel: logLevel)
        let file = if let config { try await IMCConfigFile.read(path: config) } else { IMCOptionValues() }
        let settings = try IMCSettings(commandLine.overriding(file))
        var logger = Logger(label: "parley-imc")
        logger.logLevel = settings.logLevel

        var services: [any Service] = []
        let store: any IMCStore
        switch settings.store {
        case let .sqlite(path):
            store = try SQLiteIMCStore(path: path)
        case let .postgres(url):
            let postgres = try PostgresIMCStore(url: url, logger: logger)
            // First in the group: it must run before the rooms are loaded, and stop after the last write.
            services.append(postgres.client)
            store = postgres
        }
        services.append(IMCApplication(settings: settings, store: store, logger: logger))
        let group = ServiceGroup(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        try await group.run()
    }
}
