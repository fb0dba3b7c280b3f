import Testing

/// The pure part of the package dependency check on small inputs: the import scanner and the
/// comparison of declared with imported modules.
@Suite struct PackageDependencyCheckTests {
    static func modules(_ source: String) -> [String] {
        SwiftImportScanner.imports(in: source).map(\.module)
    }

    // MARK: - Scanner

    @Test func everyFormOfImportDeclarationIsFound() {
        let source = """
            import Foundation
            @testable import SIPCore
            public import NIOCore
            internal import Logging
            @preconcurrency import Dispatch
            @_spi(Testing) @testable import MediaMixer
            import struct GRDB.DatabaseQueue
            #if canImport(Glibc)
                import Glibc
            #endif
            import A; import B
            """
        #expect(Self.modules(source) == [
            "Foundation", "SIPCore", "NIOCore", "Logging", "Dispatch", "MediaMixer", "GRDB", "Glibc", "A", "B",
        ])
        #expect(SwiftImportScanner.imports(in: source).map(\.line) == [1, 2, 3, 4, 5, 6, 7, 9, 11, 11])
    }

    @Test func importsInCommentsAndStringsAreNotImports() {
        let source = ##"""
            // import Commented
            /* import Block /* import Nested */ import StillBlock */
            let script = """
                import sys, xmlrpc.client
                print("\(value("import Interpolated"))")
                """
            let raw = #"import Raw "quoted" \(notInterpolated)"#
            let rawBlock = #"""
                import RawBlock
                """#
            let slash = "/* not a comment"
            import Real
            """##
        #expect(Self.modules(source) == ["Real"])
        #expect(SwiftImportScanner.imports(in: source).map(\.line) == [12])
    }

    @Test func wordsThatStartLikeImportAreNotImports() {
        let source = """
            importantThing()
            let imported = 1
            import
            x.import = 2
            """
        #expect(Self.modules(source).isEmpty)
    }

    @Test func codeOnlyKeepsLinesAndCode() {
        let source = "let a = \"x\" // y\nlet b = 2"
        let code = SwiftImportScanner.codeOnly(source)
        #expect(code.split(separator: "\n", omittingEmptySubsequences: false).count == 2)
        #expect(code.hasPrefix("let a = "))
        #expect(code.hasSuffix("\nlet b = 2"))
        #expect(!code.contains("x") && !code.contains("y"))
    }

    // MARK: - Comparison

    static func target(
        _ dependencies: [PackageDependencyCheck.Dependency], imports: [String: [String]]
    ) -> PackageDependencyCheck.Target {
        PackageDependencyCheck.Target(
            name: "Demo", dependencies: dependencies,
            imports: imports.mapValues { modules in
                modules.enumerated().map { SwiftImportScanner.Import(module: $0.element, line: $0.offset + 1) }
            })
    }

    @Test func anUndeclaredImportIsReportedWithTargetFileLineAndModule() {
        let target = Self.target(
            [.init(name: "SIPCore", modules: ["SIPCore"])],
            imports: ["Sources/Demo/A.swift": ["Foundation", "SIPCore", "Yams"], "Sources/Demo/B.swift": ["Glibc", "Testing"]])
        #expect(PackageDependencyCheck.findings(for: target) == [
            .undeclaredImport(target: "Demo", file: "Sources/Demo/A.swift", line: 3, module: "Yams")
        ])
        #expect(
            "\(PackageDependencyCheck.findings(for: target)[0])"
                == "Demo: Sources/Demo/A.swift:3 imports Yams, which the target does not declare")
    }

    @Test func aDeclaredDependencyNoSourceImportsIsReported() {
        let target = Self.target(
            [.init(name: "SIPCore", modules: ["SIPCore"]), .init(name: "MediaMixer", modules: ["MediaMixer"])],
            imports: ["Sources/Demo/A.swift": ["SIPCore"]])
        #expect(PackageDependencyCheck.findings(for: target) == [.unusedDependency(target: "Demo", dependency: "MediaMixer")])
    }

    @Test func aProductOfSeveralModulesIsUsedWhenAnyOfThemIsImported() {
        let target = Self.target(
            [.init(name: "_NIOFileSystem", modules: ["_NIOFileSystem", "NIOFileSystem"]), .init(name: "COpus", modules: ["COpus"])],
            imports: ["Sources/Demo/Opus.swift": ["COpus"], "Sources/Demo/Files.swift": ["NIOFileSystem"]])
        #expect(PackageDependencyCheck.findings(for: target).isEmpty)
    }

    @Test func dependenciesMapProductsToTheirModulesAndTargetsToThemselves() {
        let dependencies = PackageDependencyCheck.dependencies(
            targetDependencies: ["SIPCore", "COSIP2"], productDependencies: ["NIOCore", "Unknown"],
            productModules: ["NIOCore": ["NIOCore"], "Crypto": ["Crypto"]])
        #expect(dependencies == [
            .init(name: "SIPCore", modules: ["SIPCore"]), .init(name: "COSIP2", modules: ["COSIP2"]),
            .init(name: "NIOCore", modules: ["NIOCore"]), .init(name: "Unknown", modules: []),
        ])
        let target = Self.target(dependencies, imports: ["Sources/Demo/A.swift": ["SIPCore", "COSIP2", "NIOCore"]])
        #expect(PackageDependencyCheck.findings(for: target) == [.unusedDependency(target: "Demo", dependency: "Unknown")])
    }
}
