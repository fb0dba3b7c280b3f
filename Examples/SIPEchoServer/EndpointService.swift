import Foundation
import Logging
import SIPCore
import ServiceLifecycle

/// Runs a ``SIPEndpoint`` as a ServiceLifecycle service: bind, announce, wait for shutdown, close.
struct EndpointService: Service {
    let endpoint: SIPEndpoint
    let logger: Logger

    func run() async throws {
        let bound = try await endpoint.start()
        for address in bound {
            // Tests and scripts wait for this line to know the server is ready and on which port.
            FileHandle.standardOutput.write(Data("sip-echo-server listening on \(address)\n".utf8))
        }
        try? await gracefulShutdown()
        logger.info("shutting down")
        await endpoint.shutdown()
    }
}
