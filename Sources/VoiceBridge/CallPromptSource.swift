import MediaMixer

/// What one caller hears on top of the room: a queue of prompts or a looping one, handed to the
/// media engine, which tells the bridge by ``onFinish`` when it has played out.
///
/// The engine's own `promptFinished` event does not say which source finished, and a source that
/// replaces another finishes the first without an event; the token says exactly which batch of
/// prompts ended, so a late end of a replaced batch is never taken for the current one.
final class CallPromptSource: AudioFrameSource {
    let sampleRate: Int
    private let source: (any AudioFrameSource)?
    private let token: UInt64
    private let onFinish: @Sendable (UInt64) -> Void
    private var finished = false

    /// A source playing `source` (nothing, to silence a caller's prompts) and then reporting `token`.
    init(_ source: (any AudioFrameSource)?, sampleRate: Int, token: UInt64, onFinish: @escaping @Sendable (UInt64) -> Void) {
        self.source = source
        self.sampleRate = sampleRate
        self.token = token
        self.onFinish = onFinish
    }

    func readFrame(into frame: UnsafeMutableBufferPointer<Int16>) -> Int {
        let written = source?.readFrame(into: frame) ?? 0
        if written < frame.count, !finished {
            finished = true
            onFinish(token)
        }
        return written
    }
}
