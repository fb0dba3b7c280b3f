import Foundation
import SIPTesting

/// What `swift package describe --type json` says about a package: its targets with their
/// declared dependencies and sources, its products, and the packages it depends on.
struct SwiftPackageDescription: Decodable, Sendable {
    /// A package this one depends on.
    struct Dependency: Decodable, Sendable {
        let identity: String
        /// `sourceControl`, `fileSystem` or `registry`.
        let type: String
        let url: String?
        let path: String?
    }

    /// A product of the package.
    struct Product: Decodable, Sendable {
        /// The product's kind, a JSON object with one key (`library`, `executable`, …).
        struct Kind: Decodable, Sendable {
            private struct Key: CodingKey {
                let stringValue: String
                var intValue: Int? { nil }
                init(stringValue: String) { self.stringValue = stringValue }
                init?(intValue: Int) { nil }
            }

            let isLibrary: Bool

            init(from decoder: any Decoder) throws {
                isLibrary = try decoder.container(keyedBy: Key.self).allKeys.contains { $0.stringValue == "library" }
            }
        }

        let name: String
        let targets: [String]
        let type: Kind
    }

    /// A target of the package.
    struct Target: Decodable, Sendable {
        let name: String
        /// `library`, `executable`, `test`, `system-target`, …
        let type: String
        /// The target's folder, relative to the package.
        let path: String?
        /// Its source files, relative to ``path``.
        let sources: [String]?
        let targetDependencies: [String]?
        let productDependencies: [String]?
    }

    /// Why a description could not be had.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let name: String
    let path: String
    let dependencies: [Dependency]
    let products: [Product]
    let targets: [Target]

    /// Describes the package at `packagePath` by running `swift package describe`.
    ///
    /// The scratch path is a fresh folder under the temporary directory, never the package's
    /// `.build`: `swift test` holds SwiftPM's lock on that folder while the tests run, and a
    /// nested `swift package` waiting for it would wait for its own parent.
    static func describe(packageAt packagePath: String) throws -> SwiftPackageDescription {
        let swift = try ExternalPeer(named: "swift", installHint: "put the Swift toolchain's bin folder on PATH")
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("parley-describe-\(UUID().uuidString)")
        let errors = scratch.path + ".stderr"
        defer {
            try? FileManager.default.removeItem(at: scratch)
            try? FileManager.default.removeItem(atPath: errors)
        }
        // Through the shell only to keep standard error (SwiftPM's warnings) out of the JSON.
        let outcome = try BlockingCommand.run(
            "/bin/sh",
            ["-c", #"exec "$0" package --package-path "$1" --scratch-path "$2" describe --type json 2>"$3""#,
             swift.executableURL.path, packagePath, scratch.path, errors])
        guard outcome.status == 0 else {
            let printed = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
            throw Failure(description: "swift package describe of \(packagePath) exited with \(outcome.status):\n\(printed)\(outcome.output)")
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            return try decoder.decode(SwiftPackageDescription.self, from: Data(outcome.output.utf8))
        } catch {
            throw Failure(description: "swift package describe of \(packagePath) printed what is not a description (\(error)):\n\(outcome.output)")
        }
    }

    /// The modules each library product of this package's dependencies provides, by product name,
    /// read from their checkouts under the package's `.build/checkouts` (or `Packages/` when the
    /// package is being edited).
    func dependencyProductModules() throws -> [String: Set<String>] {
        var modules: [String: Set<String>] = [:]
        for dependency in dependencies {
            let description = try Self.describe(packageAt: try checkoutPath(of: dependency))
            for product in description.products where product.type.isLibrary {
                modules[product.name, default: []].formUnion(product.targets)
            }
        }
        return modules
    }

    private func checkoutPath(of dependency: Dependency) throws -> String {
        if dependency.type == "fileSystem", let local = dependency.path { return local }
        guard let url = dependency.url, let last = url.split(separator: "/").last else {
            throw Failure(description: "\(dependency.identity): a \(dependency.type) dependency; only source control and local ones are read")
        }
        let folder = last.hasSuffix(".git") ? String(last.dropLast(4)) : String(last)
        let root = URL(fileURLWithPath: path)
        let candidates = [
            root.appendingPathComponent("Packages").appendingPathComponent(folder),
            root.appendingPathComponent(".build/checkouts").appendingPathComponent(folder),
        ]
        guard let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0.appendingPathComponent("Package.swift").path) })
        else {
            throw Failure(description: "\(dependency.identity) is not checked out at \(candidates.map(\.path)): run `swift package resolve` first")
        }
        return found.path
    }
}
