import ConferenceModel
import ControlAPI
import Foundation
import Logging
import ServiceLifecycle

/// The rooms' SIP service and its JSON-RPC listener, made once the store can be read.
///
/// ``IMCService`` loads the rooms while it is made; a `PostgresIMCStore` answers only while its
/// client runs (before that, postgres-nio queues the query and waits for `run()`), so the client
/// runs as the service before this one in the `ServiceGroup` and this one makes ``IMCService``
/// inside ``run()``. The group shuts services down in reverse order, so the client closes only
/// after the last room change is written.
struct IMCApplication: Service, CustomStringConvertible {
    let settings: IMCSettings
    let store: any IMCStore
    let logger: Logger

    /// How ServiceLifecycle names the service in its logs: the settings stay out, since a
    /// `postgres://` URL may carry a password.
    var description: String { "parley-imc" }

    func run() async throws {
        let service = try await IMCService(settings: settings, store: store, logger: logger)
        let rpcMethods = service.rpcMethods
        // Child tasks inherit this service's graceful shutdown; the first failure ends both.
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask { try await service.run() }
            if let rpcConfiguration = settings.rpc {
                let server = JSONRPCServer(
                    configuration: rpcConfiguration, methods: rpcMethods, logger: logger,
                    onListening: { port in
                        let url = "http://\(rpcConfiguration.host):\(port)\(rpcConfiguration.path)"
                        FileHandle.standardOutput.write(Data("parley-imc rpc on \(url)\n".utf8))
                    })
                group.addTask { try await server.run() }
            }
        }
    }
}
