import ArgumentParser

/// `parley-imc`: the IM conference manager (Kamailio imc drop-in).
@main
struct ParleyIMC: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parley-imc", abstract: "IM conferencing over SIP MESSAGE, compatible with Kamailio's imc.")

    func run() async throws {
        throw ValidationError("parley-imc is not yet wired up")
    }
}
