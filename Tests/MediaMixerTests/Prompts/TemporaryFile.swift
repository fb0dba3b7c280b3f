import Foundation

/// A unique path in the temporary directory, removed when the test is done with it.
struct TemporaryFile: ~Copyable {
    let path: String

    init(extension pathExtension: String) {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("parley-\(UUID().uuidString).\(pathExtension)").path
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}
