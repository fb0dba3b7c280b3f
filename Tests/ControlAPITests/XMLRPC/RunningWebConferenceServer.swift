import ConferenceModel
import ControlAPI
import Foundation
import Logging
import ServiceLifecycle
import Testing

/// A webconference XML-RPC server on 127.0.0.1 with a system-chosen port, run in a
/// `ServiceGroup` for the duration of `body`, with a recording call control.
func withRunningWebConferenceServer(
    policy: VoiceRoomPolicy = VoiceRoomPolicy(),
    callControl: RecordingCallControl = RecordingCallControl(),
    feedbackDirectory: String? = nil,
    configuration: XMLRPCServerConfiguration = XMLRPCServerConfiguration(port: 0),
    _ body: @Sendable (Int) async throws -> Void
) async throws {
    let registry = VoiceRoomRegistry(policy: policy)
    let feedback = WebConferenceFeedbackLog(
        path: feedbackDirectory.map { $0 + "/feedback.log" },
        resetDirectory: feedbackDirectory.flatMap(FeedbackDirectory.init(path:)))
    let interface = WebConferenceInterface(
        registry: registry, callControl: callControl, feedback: feedback, signature: "Parley (test)")
    var settings = configuration
    settings.host = "127.0.0.1"
    settings.port = 0
    let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
    var logger = Logger(label: "parley.xmlrpc.test")
    logger.logLevel = .warning
    let server = XMLRPCServer(configuration: settings, methods: interface.methods, logger: logger) { port in
        portContinuation.yield(port)
        portContinuation.finish()
    }
    let serviceGroup = ServiceGroup(configuration: .init(services: [server], logger: logger))
    try await withThrowingTaskGroup(of: Void.self) { tasks in
        tasks.addTask {
            defer { portContinuation.finish() }
            try await serviceGroup.run()
        }
        var iterator = ports.makeAsyncIterator()
        let port = try #require(await iterator.next())
        try await body(port)
        await serviceGroup.triggerGracefulShutdown()
        try await tasks.waitForAll()
    }
}
