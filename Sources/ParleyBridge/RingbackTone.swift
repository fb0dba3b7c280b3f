import Foundation
import MediaMixer
import Synchronization

/// The ringback a room hears while a dial-out rings: 440 + 480 Hz, 2 s on, 4 s off, as SEMS's
/// `AmRingTone(0, 2000, 4000, 440, 480)` (spec §8.3), played to the whole room until
/// ``RingbackTone/Switch/stop()``.
final class RingbackTone: AudioFrameSource {
    /// Stops a tone that the media engine owns; shared between the bridge and the tone.
    final class Switch: Sendable {
        private let stopped = Atomic<Bool>(false)
        /// Ends the tone at its next frame.
        func stop() { stopped.store(true, ordering: .relaxed) }
        var isStopped: Bool { stopped.load(ordering: .relaxed) }
    }

    let sampleRate: Int
    private let control: Switch
    private var position = 0
    private let period: Int
    private let onLength: Int

    init(sampleRate: Int, control: Switch) {
        self.sampleRate = sampleRate
        self.control = control
        period = sampleRate * 6
        onLength = sampleRate * 2
    }

    func readFrame(into frame: UnsafeMutableBufferPointer<Int16>) -> Int {
        guard !control.isStopped else { return 0 }
        let rate = Double(sampleRate)
        for index in frame.indices {
            let time = position % period
            if time < onLength {
                let seconds = Double(time) / rate
                let value = 4000 * (sin(2 * .pi * 440 * seconds) + sin(2 * .pi * 480 * seconds))
                frame[index] = Int16(value)
            } else {
                frame[index] = 0
            }
            position += 1
        }
        return frame.count
    }
}
