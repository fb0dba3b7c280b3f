import MediaMixer

/// A recorder for tests: keeps every frame the mixer writes.
final class CollectingSink: AudioFrameSink {
    let sampleRate: Int
    private(set) var frames: [[Int16]] = []

    init(sampleRate: Int) {
        self.sampleRate = sampleRate
    }

    func writeFrame(_ frame: UnsafeBufferPointer<Int16>) {
        frames.append(Array(frame))
    }
}
