/// Something that consumes 16-bit mono PCM frames at a fixed rate: a recorder of the room mix.
///
/// The mixer calls ``writeFrame(_:)`` from its media thread once per tick; implementations never
/// block on I/O there (a recorder hands frames to its own writer thread).
///
/// A ``MixMinusMixer`` recorder receives the room's full mix after the limiter (every contributor and
/// every room prompt, no private prompts) once per tick, silent ticks included, so the recording keeps
/// the room's timing. The buffer is valid only during the call.
public protocol AudioFrameSink: AnyObject {
    /// The sample rate of the frames this sink expects, in Hz.
    var sampleRate: Int { get }

    /// Takes one frame of samples.
    func writeFrame(_ frame: UnsafeBufferPointer<Int16>)
}
