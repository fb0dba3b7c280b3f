import Foundation
import SIPTesting

/// baresip, a real softphone, run headless as a peer of `parley-bridge`: it plays a tone (or
/// silence) from a WAV file, records what it hears, dials out at start or rings until it is told to
/// answer, and takes keystrokes (digits, answer, quit) over its UDP console.
///
/// Everything it needs lives in a temporary folder of its own: `config`, `accounts`, the WAV it
/// plays, its output and `sndfile`'s recordings. ``stop()`` ends the process and removes the folder.
/// Waits are `eventually`'s, so the phone never holds one of Swift's cooperative threads.
final class Baresip {
    /// The user part of its account, `sip:NAME@127.0.0.1`.
    let name: String
    /// The UDP port its SIP stack listens on.
    let sipPort: Int
    /// The UDP port of its `cons` console.
    let consolePort: Int
    private let folder: URL
    private let outputURL: URL
    private var process: PeerProcess?

    /// Starts baresip as `name` and returns once it is ready.
    ///
    /// - Parameters:
    ///   - name: The user of its account.
    ///   - toneFrequency: The tone it sends in every call, or `nil` for silence.
    ///   - uri: A SIP URI to dial as soon as it has started, or `nil` to wait for a call (which
    ///     rings until ``press(_:)`` sends `a`).
    ///   - lifetime: When baresip hangs up and quits by itself (`-t`), so that a test that fails
    ///     before ``stop()`` never leaves it behind for long.
    init(name: String, toneFrequency: Double?, dialing uri: String? = nil, lifetime: Duration = .seconds(30)) async throws {
        let executable = try ExternalPeer(
            named: "baresip", installHint: "run Scripts/test.sh, which installs baresip (apt-get install baresip)")
        self.name = name
        sipPort = try ParleyBridgeServer.peerPort()
        consolePort = try ParleyBridgeServer.peerPort()
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("baresip-\(name)-\(UUID().uuidString)")
        outputURL = folder.appendingPathComponent("output.txt")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        do {
            try writeConfiguration(toneFrequency: toneFrequency, lifetime: lifetime)
            // -4: IPv4 only; -f: this phone's folder instead of ~/.baresip; -t: quit after that long.
            process = try executable.start(
                ["-4", "-f", folder.path, "-t", "\(lifetime.components.seconds)"] + (uri.map { ["-e", "/dial \($0)"] } ?? []),
                logPath: outputURL.path)
            _ = try await waitForLine(containing: "baresip is ready")
        } catch {
            stop()
            throw error
        }
    }

    deinit { stop() }

    /// Writes `config` (modules, listeners, the tone as audio source, the recordings' folder) and
    /// `accounts`, and the WAV the phone plays.
    private func writeConfiguration(toneFrequency: Double?, lifetime: Duration) throws {
        // aufile hangs up the call when its file ends: the tone outlasts the phone's lifetime.
        let tone = folder.appendingPathComponent("tone.wav")
        try WAVFile.pcm16Tone(frequency: toneFrequency, seconds: Int(lifetime.components.seconds) + 5).write(to: tone)
        // net_interface keeps the SDP on 127.0.0.1; the null ALSA device plays what is heard
        // nowhere, while sndfile records it (dump-*-dec.wav) in snd_path; g711 alone makes the
        // call PCMU or PCMA; cons takes keys over UDP and menu acts on them.
        let configuration = """
            poll_method epoll
            sip_listen 127.0.0.1:\(sipPort)
            net_interface 127.0.0.1
            audio_player alsa,null
            audio_alert alsa,null
            audio_source aufile,\(tone.path)
            module_path /usr/lib/baresip/modules
            module g711.so
            module aufile.so
            module alsa.so
            module sndfile.so
            module cons.so
            module_app account.so
            module_app menu.so
            cons_listen 127.0.0.1:\(consolePort)
            snd_path \(folder.path)

            """
        try configuration.write(to: folder.appendingPathComponent("config"), atomically: true, encoding: .utf8)
        // regint=0: no registrar, the phone is reached at its listener directly.
        try "<sip:\(name)@127.0.0.1>;regint=0\n"
            .write(to: folder.appendingPathComponent("accounts"), atomically: true, encoding: .utf8)
    }

    /// Everything baresip printed so far (its status line redraws with carriage returns).
    var printed: String {
        (try? String(contentsOf: outputURL, encoding: .utf8)) ?? ""
    }

    /// Whether the process is still running.
    var isRunning: Bool { process?.isRunning ?? false }

    /// Waits until baresip printed a line containing `text`, and returns that line.
    func waitForLine(containing text: String, timeout: Duration = .seconds(10)) async throws -> String {
        guard let process else { throw TestSocketError("baresip \(name) was not started") }
        do {
            return try await process.waitForLine(containing: text, within: timeout)
        } catch is WaitTimeout {
            throw TestSocketError("baresip \(name) printed no line with '\(text)'; printed:\n\(readableOutput)")
        }
    }

    /// Presses `keys` on the phone one after another: in a call a digit goes out as an RFC 4733
    /// event (RFC 4733 §2.5: it lasts from the press to the release), `a` answers a ringing call,
    /// `b` hangs up and `q` quits.
    ///
    /// Each key is sent to the `cons` console followed by 0x04, which the console takes as the
    /// key's release, and held for `holding`.
    func press(_ keys: String, holding: Duration = .milliseconds(200)) async throws {
        let socket = try TestUDPSocket()
        for key in keys.utf8 {
            try socket.send([key], to: "127.0.0.1", port: consolePort)
            // The hold is what is sent: the event lasts from the press to the release.
            try await Task.sleep(for: holding)
            try socket.send([0x04], to: "127.0.0.1", port: consolePort)
            // A pause between keys, as a person leaves one: two events, not one long one.
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// Quits baresip (hanging up its call with BYE) and waits until the process has ended.
    func quit(timeout: Duration = .seconds(5)) async throws {
        try await press("q", holding: .milliseconds(20))
        try await waitForExit(timeout: timeout)
    }

    /// Waits until the process has ended, for instance after `q` was pressed.
    func waitForExit(timeout: Duration = .seconds(5)) async throws {
        do {
            try await process?.waitForExit(within: timeout)
        } catch is WaitTimeout {
            throw TestSocketError("baresip \(name) did not quit within \(timeout); printed:\n\(readableOutput)")
        }
    }

    /// What the phone heard in its call, from `sndfile`'s `dump-*-dec.wav`, at 8 kHz.
    func recording() throws -> [Int16] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        guard let file = names.filter({ $0.hasPrefix("dump-") && $0.hasSuffix("-dec.wav") }).sorted().last else {
            throw TestSocketError("baresip \(name) recorded nothing (files: \(names)); printed:\n\(readableOutput)")
        }
        return try WAVFile.pcm16Samples(in: Data(contentsOf: folder.appendingPathComponent(file)))
    }

    /// baresip's output without the status line it redraws every few hundred milliseconds.
    var readableOutput: String {
        printed.split(whereSeparator: { $0 == "\n" || $0 == "\r" })
            .filter { !$0.contains("bit/s") }
            .joined(separator: "\n")
    }

    /// Ends the process if it still runs (SIGTERM, then SIGKILL after 2 s) and removes the folder.
    func stop() {
        process?.stop(grace: .seconds(2))
        try? FileManager.default.removeItem(at: folder)
    }
}
