import Foundation
import Testing

/// Every target of the package, executables, tests and examples included, declares each module
/// its sources import and imports each dependency it declares (``PackageDependencyCheck``), read
/// from `swift package describe` and the sources themselves.
@Suite struct PackageDependencyTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func everyTargetDeclaresWhatItImportsAndImportsWhatItDeclares() throws {
        let package = try SwiftPackageDescription.describe(packageAt: Self.packageRoot.path)
        let productModules = try package.dependencyProductModules()
        #expect(package.targets.count > 10, "the description lists the package's targets")
        #expect(productModules["NIOCore"] == ["NIOCore"], "the dependencies' products map to their modules")
        var findings: [PackageDependencyCheck.Finding] = []
        for target in package.targets {
            // A target without a folder has no sources to compare; every Parley target has one.
            guard let folder = target.path else { continue }
            var imports: [String: [SwiftImportScanner.Import]] = [:]
            for source in target.sources ?? [] where source.hasSuffix(".swift") {
                let file = folder + "/" + source
                let text = try String(contentsOf: Self.packageRoot.appendingPathComponent(file), encoding: .utf8)
                imports[file] = SwiftImportScanner.imports(in: text)
            }
            let dependencies = PackageDependencyCheck.dependencies(
                targetDependencies: target.targetDependencies ?? [], productDependencies: target.productDependencies ?? [],
                productModules: productModules)
            findings += PackageDependencyCheck.findings(
                for: PackageDependencyCheck.Target(name: target.name, dependencies: dependencies, imports: imports))
        }
        for finding in findings {
            Issue.record("\(finding)")
        }
    }
}
