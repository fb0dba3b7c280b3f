import MediaMixer

/// Plays another source until it ends or its ``PlaybackSwitch`` is stopped: the ringback while a
/// dial-out rings, the join and drop beeps a newer one replaces.
final class SwitchedSource: AudioFrameSource {
    let sampleRate: Int
    private let source: any AudioFrameSource
    private let control: PlaybackSwitch

    init(_ source: any AudioFrameSource, control: PlaybackSwitch) {
        sampleRate = source.sampleRate
        self.source = source
        self.control = control
    }

    func readFrame(into frame: UnsafeMutableBufferPointer<Int16>) -> Int {
        control.isStopped ? 0 : source.readFrame(into: frame)
    }
}
