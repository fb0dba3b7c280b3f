import Foundation

extension PeerProcess {
    /// The folder holding the built products (the test bundle sits beside them).
    public static var productsDirectory: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    }

    /// Starts one of this package's executables (e.g. `sip-echo-server`) with `arguments`, for a
    /// black-box test; it is stopped when the returned object goes away.
    public static func product(_ product: String, arguments: [String]) throws -> PeerProcess {
        try PeerProcess(productsDirectory.appendingPathComponent(product).path, arguments)
    }
}
