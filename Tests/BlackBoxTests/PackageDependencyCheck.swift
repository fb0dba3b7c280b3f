/// Compares the dependencies a target declares in `Package.swift` with the modules its sources
/// import: every import must name a declared module or one of the toolchain's, and every declared
/// dependency must be imported somewhere in the target.
///
/// SwiftPM does not enforce the first on Linux: every module built for the package lands in one
/// folder, so a target compiles against a module it reaches only through another target's
/// dependencies, and breaks the day that edge goes away. The second keeps targets from linking
/// libraries (and their C dependencies) that they never use.
enum PackageDependencyCheck {
    /// A dependency a target declares and the modules it provides.
    struct Dependency: Equatable, Sendable {
        /// The name in `Package.swift`: a target's name, or a product's.
        let name: String
        /// The modules that name makes importable: a target provides its own module (a
        /// system-library target too), a library product each of its targets.
        let modules: Set<String>
    }

    /// A target as the check sees it: what it declares and what each of its source files imports.
    struct Target: Sendable {
        /// The target's name.
        let name: String
        /// Its declared dependencies.
        let dependencies: [Dependency]
        /// Each Swift source file (path relative to the package) and its imports.
        let imports: [String: [SwiftImportScanner.Import]]
    }

    /// One disagreement between `Package.swift` and the sources.
    enum Finding: Equatable, Comparable, Sendable, CustomStringConvertible {
        /// `file` imports `module`, which `target` does not declare.
        case undeclaredImport(target: String, file: String, line: Int, module: String)
        /// `target` declares `dependency` and none of its sources imports it.
        case unusedDependency(target: String, dependency: String)

        var description: String {
            switch self {
            case .undeclaredImport(let target, let file, let line, let module):
                "\(target): \(file):\(line) imports \(module), which the target does not declare"
            case .unusedDependency(let target, let dependency):
                "\(target): declares \(dependency), which none of its sources imports"
            }
        }

        static func < (lhs: Finding, rhs: Finding) -> Bool {
            lhs.description < rhs.description
        }
    }

    /// Modules of the Swift toolchain and the system: importable by any target without a declaration.
    static let toolchainModules: Set<String> = [
        "Swift", "_Concurrency", "_StringProcessing", "RegexBuilder", "Synchronization", "Observation",
        "Distributed", "_Differentiation", "Cxx", "CxxStdlib", "SwiftShims", "SwiftOnoneSupport",
        "Foundation", "FoundationEssentials", "FoundationInternationalization", "FoundationNetworking",
        "FoundationXML", "CoreFoundation", "Dispatch", "XCTest", "Testing",
        "Glibc", "Musl", "Android", "Bionic", "WASILibc", "Darwin", "os", "ObjectiveC", "WinSDK", "ucrt", "CRT",
    ]

    /// What `target` gets wrong, in a stable order.
    static func findings(for target: Target) -> [Finding] {
        let declared = target.dependencies.reduce(into: Set<String>()) { $0.formUnion($1.modules) }
        var imported: Set<String> = []
        var findings: [Finding] = []
        for (file, imports) in target.imports {
            for anImport in imports {
                imported.insert(anImport.module)
                if !declared.contains(anImport.module) && !toolchainModules.contains(anImport.module) {
                    findings.append(.undeclaredImport(target: target.name, file: file, line: anImport.line, module: anImport.module))
                }
            }
        }
        for dependency in target.dependencies where dependency.modules.isDisjoint(with: imported) {
            findings.append(.unusedDependency(target: target.name, dependency: dependency.name))
        }
        return findings.sorted()
    }

    /// The declared dependencies of a target: `targetDependencies` name targets of the package
    /// itself (each provides its own module), `productDependencies` library products of its
    /// dependencies, resolved through `productModules` (product name to the modules of its
    /// targets). A product missing there is kept with no module, so that it shows as unused
    /// rather than vanishing from the check.
    static func dependencies(
        targetDependencies: [String], productDependencies: [String], productModules: [String: Set<String>]
    ) -> [Dependency] {
        targetDependencies.map { Dependency(name: $0, modules: [$0]) }
            + productDependencies.map { Dependency(name: $0, modules: productModules[$0] ?? []) }
    }
}
