import ConferenceModel
import ControlAPI
import Foundation
import Logging

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
    var logger = Logger(label: "parley.xmlrpc.test")
    logger.logLevel = .warning
    try await withRunningService(logger: logger, { onListening in
        XMLRPCServer(configuration: settings, methods: interface.methods, logger: logger, onListening: onListening)
    }, body)
}
