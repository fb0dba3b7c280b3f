import Foundation

/// Records a room's mix to a mono 16-bit WAV file.
///
/// The mixer's media thread calls ``writeFrame(_:)`` every tick; the frame is copied into a
/// preallocated ring under a lock held only for the copy, and a writer thread of the recorder's
/// own drains the ring into the file, so the media thread never waits for the disk. If the disk
/// falls a whole ring (by default 5 s) behind, new samples are dropped and counted in
/// ``droppedSamples`` rather than blocking the mix.
///
/// While paused, every frame is recorded as silence of the same length: the file's timeline stays
/// the call's timeline, so a minute into the file is a minute into the recording, and minutes of
/// a meeting can be cited by time even when a confidential part was left out.
///
/// The lifecycle is ``start()``, then any number of ``pause()`` and ``resume()``, then ``stop()``;
/// frames outside start and stop are ignored. ``stop()`` (or deinit) drains the ring and closes the
/// file, which writes the final WAV header sizes.
public final class MixRecorder: AudioFrameSink {
    /// The rate of the frames recorded and of the file, in Hz.
    public let sampleRate: Int

    private let pipeline: RecordingPipeline
    private var writerStarted = false

    /// Creates the file and the writer's ring; nothing is recorded before ``start()``.
    ///
    /// - Parameters:
    ///   - path: The WAV file to create (an existing file is replaced).
    ///   - sampleRate: The mix's rate in Hz.
    ///   - bufferedDuration: How far the disk may fall behind before samples are dropped.
    /// - Throws: ``SoundFileError`` when the file cannot be created.
    public init(path: String, sampleRate: Int, bufferedDuration: Duration = .seconds(5)) throws(SoundFileError) {
        self.sampleRate = sampleRate
        let writer = try SoundFileWriter(path: path, sampleRate: sampleRate)
        let capacity = max(1, Int(bufferedDuration / .milliseconds(1)) * sampleRate / 1000)
        pipeline = RecordingPipeline(file: writer, capacity: capacity)
    }

    deinit {
        stop()
    }

    /// Starts recording the frames that follow.
    public func start() {
        guard !writerStarted else { return }
        writerStarted = true
        pipeline.transition(to: .recording, from: [.idle])
        let pipeline = pipeline
        let thread = Thread { pipeline.runWriter() }
        thread.name = "MixRecorder writer"
        thread.start()
    }

    /// Records silence in place of the frames that follow, until ``resume()``.
    public func pause() {
        pipeline.transition(to: .paused, from: [.recording])
    }

    /// Records the frames that follow again.
    public func resume() {
        pipeline.transition(to: .recording, from: [.paused])
    }

    /// Writes everything buffered, closes the file and waits until it is closed.
    public func stop() {
        guard writerStarted else {
            pipeline.transition(to: .stopped, from: [.idle])
            return
        }
        pipeline.stopAndWait()
    }

    /// Samples dropped because the disk fell behind by more than the buffered duration.
    public var droppedSamples: Int {
        pipeline.droppedSamples
    }

    /// The first failure writing the file, if any; recording goes on so a transient error loses
    /// only the frames it hit.
    public var writeFailure: SoundFileError? {
        pipeline.failure
    }

    /// Takes one frame of the mix (silence while paused); never blocks on I/O.
    public func writeFrame(_ frame: UnsafeBufferPointer<Int16>) {
        pipeline.append(frame)
    }
}
