import ArgumentParser

/// `parley-bridge`: the SIP voice conference bridge (dial-in by DTMF, direct rooms, dial-out,
/// XML-RPC control compatible with SEMS webconference).
@main
struct ParleyBridge: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parley-bridge",
        abstract: "SIP voice conference bridge with a SEMS webconference compatible XML-RPC API."
    )

    func run() async throws {
        throw ValidationError("parley-bridge is being assembled; its services are not wired yet")
    }
}
