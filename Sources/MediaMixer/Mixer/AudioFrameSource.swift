/// Something that produces 16-bit mono PCM frames at a fixed rate for the mixer to play: a prompt,
/// a queue of prompts, music on hold.
///
/// The mixer calls ``readFrame(into:)`` from its media thread once per tick; implementations never
/// block and never allocate there.
///
/// A ``MixMinusMixer`` zero-fills the frame before each read, mixes the samples written, and detaches
/// the source after a read that returns fewer than `frame.count` samples, queueing
/// ``MixerEvent/sourceFinished(source:target:)``; a finished source is never read again.
public protocol AudioFrameSource: AnyObject {
    /// The sample rate of the frames this source produces, in Hz.
    var sampleRate: Int { get }

    /// Fills `frame` with the next samples.
    /// - Returns: the number of samples written; fewer than `frame.count` (the rest left untouched)
    ///   only on the last frame, and `0` once the source has finished.
    func readFrame(into frame: UnsafeMutableBufferPointer<Int16>) -> Int
}
