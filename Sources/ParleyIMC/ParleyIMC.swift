import ArgumentParser
import ConferenceModel
import ControlAPI
import Foundation
import IMCCommands
import Logging
import NIOPosix
import SIPCore
import ServiceLifecycle

/// `parley-imc`: IM conferencing over SIP MESSAGE, a drop-in for Kamailio's imc module.
@main
struct ParleyIMC: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parley-imc", abstract: "IM conferencing over SIP MESSAGE, compatible with Kamailio's imc.")

    @Option(name: .long, help: "SIP listener, transport:host:port (udp:127.0.0.1:5070, tcp:[::1]:5070). Repeat for several.")
    var listen: [String] = ["udp:127.0.0.1:5070"]

    @Option(name: .long, help: "The SIP domain of rooms and users (the registrar accepts only this domain when set).")
    var domain: String?

    @Option(name: .long, help: "Room and member database: a SQLite file path.")
    var db = "./imc.sqlite"

    @Option(name: .long, help: "Next hop for every MESSAGE the manager sends, sip:host:port.")
    var outboundProxy: String?

    @Option(name: .long, help: "Command start string; its first character marks a command.")
    var cmdChar = "#"

    @Option(name: .long, help: "1: #join creates a missing room (Kamailio create_on_join).")
    var createOnJoin = 1

    @Option(name: .long, help: "1: #create of an existing room answers 'Room already exists' (Kamailio check_on_create).")
    var checkOnCreate = 0

    @Option(name: .long, help: "Extra header lines added to every MESSAGE sent, each ending in \\r\\n.")
    var extraHeaders = ""

    @Option(name: .long, help: "User part of the manager URI.")
    var managerUser = "chat-manager"

    @Option(name: .long, help: "Pattern of room user parts; '*' matches any text.")
    var roomPattern = "chat-*"

    @Option(name: .long, help: "JSON-RPC listener (POST /RPC), host:port; 'off' for none.")
    var rpc = "127.0.0.1:5071"

    @Option(name: .long, help: "Log level (trace, debug, info, notice, warning, error).")
    var logLevel: Logger.Level = .info

    func run() async throws {
        var logger = Logger(label: "parley-imc")
        logger.logLevel = logLevel
        let settings = try IMCSettings(
            listenAddresses: listen.map(IMCSettings.parseListenAddress), domain: domain,
            outboundProxy: outboundProxy.map(IMCSettings.parseOutboundProxy), commandStart: cmdChar,
            createOnJoin: createOnJoin != 0, checkOnCreate: checkOnCreate != 0,
            extraHeaders: IMCSettings.parseExtraHeaders(extraHeaders), managerUser: managerUser, roomPattern: roomPattern)
        let store = try SQLiteIMCStore(path: db)
        let service = try await IMCService(settings: settings, store: store, logger: logger)
        var services: [any Service] = [service]
        if rpc != "off" {
            let rpcConfiguration = try IMCSettings.parseRPCAddress(rpc)
            services.append(JSONRPCServer(
                configuration: rpcConfiguration, methods: service.rpcMethods, logger: logger,
                onListening: { port in
                    let url = "http://\(rpcConfiguration.host):\(port)\(rpcConfiguration.path)"
                    FileHandle.standardOutput.write(Data("parley-imc rpc on \(url)\n".utf8))
                }))
        }
        let group = ServiceGroup(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        try await group.run()
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
