// The only file that imports CSndFile (house rule: one C library, one wrapper file). It holds the
// reader, the writer and their shared error, because all three speak to the same C module.
import CSndFile

/// A failure reported by libsndfile, with its own message kept alongside.
public struct SoundFileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of failure.
    public enum Code: Hashable, Sendable {
        /// The file could not be opened: missing, unreadable, or not a format libsndfile knows.
        case openFailed
        /// Reading the samples failed part way.
        case readFailed
        /// Writing the samples failed (disk full, file closed).
        case writeFailed
    }

    /// The kind of failure.
    public let code: Code
    /// libsndfile's wording (`sf_strerror`).
    public let message: String

    /// A readable account of the failure.
    public var description: String {
        "libsndfile: \(code): \(message)"
    }

    init(_ code: Code, file: OpaquePointer?) {
        self.code = code
        message = String(cString: sf_strerror(file))
    }
}

/// Reads a sound file (WAV, AIFF, FLAC and whatever else libsndfile knows) as 16-bit PCM.
public final class SoundFileReader {
    /// The file's sample rate in Hz.
    public let sampleRate: Int
    /// Interleaved channels per frame.
    public let channels: Int
    /// Frames (samples per channel) in the file.
    public let frameCount: Int

    private let file: OpaquePointer

    /// Opens `path` for reading.
    /// - Throws: ``SoundFileError`` with ``SoundFileError/Code/openFailed``.
    public init(path: String) throws(SoundFileError) {
        var info = SF_INFO()
        guard let opened = sf_open(path, Int32(SFM_READ), &info) else { throw SoundFileError(.openFailed, file: nil) }
        file = opened
        sampleRate = Int(info.samplerate)
        channels = Int(info.channels)
        frameCount = Int(info.frames)
    }

    deinit {
        sf_close(file)
    }

    /// Reads the whole file, averaging the channels of each frame into one mono sample.
    /// - Throws: ``SoundFileError`` with ``SoundFileError/Code/readFailed`` when the file is shorter
    ///   than its header says.
    public func readMono() throws(SoundFileError) -> [Int16] {
        var interleaved = [Int16](repeating: 0, count: frameCount * channels)
        let read = interleaved.withUnsafeMutableBufferPointer { buffer in
            Int(sf_readf_short(file, buffer.baseAddress, sf_count_t(frameCount)))
        }
        guard read == frameCount else { throw SoundFileError(.readFailed, file: file) }
        guard channels > 1 else { return interleaved }
        return (0..<frameCount).map { frame in
            let start = frame * channels
            let sum = interleaved[start..<start + channels].reduce(0) { $0 + Int($1) }
            return Int16(sum / channels)
        }
    }
}

/// Writes a mono 16-bit WAV file.
///
/// libsndfile rewrites the RIFF and data chunk sizes when the file is closed, so a file is only
/// complete after ``close()`` (or deinit). Not thread-safe: one thread owns each writer.
public final class SoundFileWriter {
    /// The sample rate written to the header, in Hz.
    public let sampleRate: Int
    /// Frames written so far.
    public private(set) var framesWritten = 0

    private var file: OpaquePointer?

    /// Creates (or truncates) `path` as a mono 16-bit PCM WAV file.
    /// - Throws: ``SoundFileError`` with ``SoundFileError/Code/openFailed``.
    public init(path: String, sampleRate: Int) throws(SoundFileError) {
        var info = SF_INFO()
        info.samplerate = Int32(sampleRate)
        info.channels = 1
        info.format = Int32(SF_FORMAT_WAV) | Int32(SF_FORMAT_PCM_16)
        guard let opened = sf_open(path, Int32(SFM_WRITE), &info) else { throw SoundFileError(.openFailed, file: nil) }
        file = opened
        self.sampleRate = sampleRate
    }

    deinit {
        close()
    }

    /// Appends samples.
    /// - Throws: ``SoundFileError`` with ``SoundFileError/Code/writeFailed`` when not all were
    ///   written or the file is closed.
    public func write(_ samples: UnsafeBufferPointer<Int16>) throws(SoundFileError) {
        guard let file else { throw SoundFileError(.writeFailed, file: nil) }
        guard let start = samples.baseAddress else { return }
        let written = Int(sf_writef_short(file, start, sf_count_t(samples.count)))
        framesWritten += written
        guard written == samples.count else { throw SoundFileError(.writeFailed, file: file) }
    }

    /// Appends samples.
    public func write(_ samples: [Int16]) throws(SoundFileError) {
        try samples.withUnsafeBufferPointer { (buffer) throws(SoundFileError) in try write(buffer) }
    }

    /// Finishes the header and closes the file; later calls do nothing.
    public func close() {
        guard let file else { return }
        sf_close(file)
        self.file = nil
    }
}
