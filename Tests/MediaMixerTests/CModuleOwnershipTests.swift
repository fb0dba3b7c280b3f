import Foundation
import Testing

/// House rule: each C library is imported by exactly one Swift wrapper file, so that its pointers,
/// error codes and global state are handled in one place.
@Suite("C module ownership")
struct CModuleOwnershipTests {
    static let cModules: Set<String> = ["COSIP2", "CORTP", "COpus", "CSpeexDSP", "CSpanDSP", "CSndFile"]

    /// The package root, three levels above this file (`Tests/MediaMixerTests/<file>`).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The Swift files under `Sources/` that import each C module.
    static func importers() throws -> [String: [String]] {
        let sources = packageRoot.appendingPathComponent("Sources")
        guard let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil) else {
            throw CocoaError(.fileReadNoSuchFile)
        }
        // `import X`, `@preconcurrency import X`, `import struct X.Y` and the like, capturing `X`.
        let importLine = /^\s*(?:@\w+\s+)*import\s+(?:(?:typealias|struct|class|enum|protocol|let|var|func)\s+)?(\w+)/
        var importers: [String: [String]] = [:]
        for case let file as URL in files where file.pathExtension == "swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            for line in text.split(separator: "\n") {
                if let match = line.prefixMatch(of: importLine), cModules.contains(String(match.1)) {
                    importers[String(match.1), default: []].append(String(file.path.dropFirst(sources.path.count + 1)))
                }
            }
        }
        return importers
    }

    @Test("No C module is imported by more than one Swift file under Sources/")
    func eachCModuleHasOneWrapper() throws {
        for (module, files) in try Self.importers() {
            #expect(files.count == 1, "\(module) is imported by \(files.sorted())")
        }
    }

    @Test("MediaMixer's C modules are imported by their wrapper files")
    func mediaWrappersOwnTheirModules() throws {
        let importers = try Self.importers()
        #expect(importers["COpus"] == ["MediaMixer/Codecs/Opus.swift"])
        #expect(importers["CSpeexDSP"] == ["MediaMixer/DSP/SpeexDSP.swift"])
        #expect(importers["CORTP"] == ["MediaMixer/RTP/ORTP.swift"])
        #expect(importers["CSpanDSP"] == ["MediaMixer/DSP/SpanDSP.swift"])
    }
}
