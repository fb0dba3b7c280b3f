import Foundation

/// The µ-law files SIPp streams (`rtp_stream`, payload type 0), made once per run with sox: a
/// tone as long as one short call's talk, a one-second tone and one second of digital silence for
/// the big room's looping members.
///
/// The files are headerless (`.ul`): SIPp 3.6.1 skips a WAV header by a fixed size that does not
/// fit sox's µ-law WAV (which has an 18-byte `fmt` chunk and a `fact` chunk), and would stream the
/// rest of the header as audio, a loud click at every loop of every member.
struct CallStreams {
    /// The short calls' stream.
    let talk: URL
    /// The big room's talkers' stream (looped).
    let tone: URL
    /// The big room's other members' stream (looped).
    let silence: URL

    /// Makes the three files in `directory`; the tones are at `toneFrequency` Hz, 12 dB below full scale.
    init(sox: String, directory: URL, talk duration: Duration, toneFrequency: Double) throws {
        talk = directory.appendingPathComponent("talk.ul")
        tone = directory.appendingPathComponent("tone.ul")
        silence = directory.appendingPathComponent("silence.ul")
        let seconds = BenchmarkReport.format(duration / .seconds(1), fractionDigits: 3)
        let frequency = BenchmarkReport.format(toneFrequency, fractionDigits: 0)
        try Self.make(sox: sox, talk, directory: directory, effects: ["synth", seconds, "sine", frequency, "gain", "-12"])
        try Self.make(sox: sox, tone, directory: directory, effects: ["synth", "1", "sine", frequency, "gain", "-12"])
        try Self.make(sox: sox, silence, directory: directory, effects: ["trim", "0", "1"])
    }

    /// `sox -D -n -r 8000 -c 1 -t ul FILE EFFECTS…` (no dither, so the silence is exact): raw 8 kHz
    /// mono µ-law, what PCMU carries (RFC 3551 §4.5.14).
    private static func make(sox: String, _ file: URL, directory: URL, effects: [String]) throws {
        let log = directory.appendingPathComponent("sox.txt").path
        let status = try ChildProcess(sox, ["-D", "-n", "-r", "8000", "-c", "1", "-t", "ul", file.path] + effects, outputPath: log)
            .waitForExit()
        guard status == 0, FileManager.default.fileExists(atPath: file.path) else {
            let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            throw ChildProcess.SpawnError(description: "sox could not make \(file.lastPathComponent) (exit \(status)):\n\(output)")
        }
    }
}
