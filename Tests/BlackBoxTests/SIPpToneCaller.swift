import Foundation
import MediaMixer
import MediaTesting
import SIPTesting

/// One SIPp call into `parley-bridge` that streams a G.711 µ-law tone (scenario
/// `bridge-uac-tone`), stays for a while and hangs up.
///
/// The scenario, the µ-law file it streams, SIPp's output and error file live in a temporary folder of
/// the call's own, removed by ``stop()``; the process runs on while the test goes on, and
/// ``waitForExit(timeout:)`` waits with `eventually` instead of holding a cooperative thread.
final class SIPpToneCaller {
    /// The tone streamed, in Hz.
    let toneFrequency: Double
    private let folder: URL
    private let outputURL: URL
    private let errorURL: URL
    private var process: PeerProcess?

    /// Calls `service`@127.0.0.1:`port` and streams a tone of `toneFrequency` Hz for `talking`.
    init(toneFrequency: Double, service: String, port: Int, talking: Duration) throws {
        let sipp = try ExternalPeer(named: "sipp", installHint: "run Scripts/test.sh, which installs sip-tester (apt-get install sip-tester)")
        self.toneFrequency = toneFrequency
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("sipp-tone-\(Int(toneFrequency))-\(UUID().uuidString)")
        outputURL = folder.appendingPathComponent("output.txt")
        errorURL = folder.appendingPathComponent("errors.log")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        do {
            // Headerless: SIPp 3.6.1 streams the file's bytes as they are, so a WAV header would be
            // sent as audio (a full-scale click) at the start of every loop.
            let media = folder.appendingPathComponent("tone.ulaw")
            try Data(try Self.muLawTone(frequency: toneFrequency)).write(to: media)
            let template = try String(contentsOf: SIPp.scenarioDirectory.appendingPathComponent("bridge-uac-tone.xml"), encoding: .utf8)
            let talkingMilliseconds = talking.components.seconds * 1000 + talking.components.attoseconds / 1_000_000_000_000_000
            let scenario = folder.appendingPathComponent("bridge-uac-tone.xml")
            try template
                .replacingOccurrences(of: "TONE_FILE", with: media.path)
                .replacingOccurrences(of: "TALK_MILLISECONDS", with: "\(talkingMilliseconds)")
                .write(to: scenario, atomically: true, encoding: .utf8)
            process = try sipp.start([
                "127.0.0.1:\(port)", "-sf", scenario.path, "-s", service, "-i", "127.0.0.1",
                "-p", "\(try ParleyBridgeServer.peerPort())", "-mi", "127.0.0.1", "-mp", "\(try Self.mediaPort())",
                "-m", "1", "-nostdin", "-timeout", "20", "-timeout_error", "-trace_err", "-error_file", errorURL.path,
            ], workingDirectory: folder.path, logPath: outputURL.path)
        } catch {
            stop()
            throw error
        }
    }

    deinit { stop() }

    /// One second of the tone at 20 % of full scale, µ-law encoded; a whole number of cycles of
    /// every tone used, so that SIPp's looping of the file joins without a click.
    private static func muLawTone(frequency: Double) throws -> [UInt8] {
        var tone = ToneGenerator(frequency: frequency, sampleRate: Double(WAVFile.sampleRate), amplitude: 0.2 * Double(Int16.max))
        let encoder = try AudioCodecFactory.makeEncoder(.pcmu)
        var encoded: [UInt8] = []
        for _ in 0..<(WAVFile.sampleRate / 160) {
            let pcm = tone.next(160)
            var payload = [UInt8](repeating: 0, count: 160)
            let count = try pcm.withUnsafeBufferPointer { samples in
                try payload.withUnsafeMutableBufferPointer { try encoder.encode(samples, into: $0) }
            }
            encoded += payload[..<count]
        }
        return encoded
    }

    /// A media port for SIPp's `-mp`: SIPp binds it and the port two above (its audio and its
    /// `rtp_stream` socket), so both are checked free.
    private static func mediaPort() throws -> Int {
        for _ in 0..<50 {
            let port = try ParleyBridgeServer.peerPort()
            if (try? TestUDPSocket(host: "127.0.0.1", port: port + 2)) != nil { return port }
        }
        throw TestSocketError("no two free media ports for SIPp")
    }

    /// Waits until SIPp has ended, and returns its exit status (0: the call succeeded).
    func waitForExit(timeout: Duration = .seconds(15)) async throws -> Int32 {
        guard let process else { throw TestSocketError("sipp (\(toneFrequency) Hz) was not started") }
        do {
            return try await process.waitForExit(within: timeout)
        } catch is WaitTimeout {
            throw TestSocketError("sipp (\(toneFrequency) Hz) still runs after \(timeout); output:\n\(report)")
        }
    }

    /// SIPp's error file and the tail of its output, to see why a call failed.
    var report: String {
        let errors = (try? String(contentsOf: errorURL, encoding: .utf8)) ?? "(no error file)"
        let output = (try? String(contentsOf: outputURL, encoding: .utf8)) ?? ""
        return "--- errors ---\n\(errors)\n--- output (tail) ---\n\(output.split(separator: "\n").suffix(30).joined(separator: "\n"))"
    }

    /// Ends SIPp if it still runs (SIGTERM, then SIGKILL after 2 s) and removes the folder.
    func stop() {
        process?.stop(grace: .seconds(2))
        try? FileManager.default.removeItem(at: folder)
    }
}
