import Foundation
import MediaMixer

/// The ringback a room hears while a dial-out rings: 440 + 480 Hz, 2 s on, 4 s off, as SEMS's
/// `AmRingTone(0, 2000, 4000, 440, 480)` (spec §8.3); endless, the bridge plays it in a
/// ``SwitchedSource``.
final class RingbackTone: AudioFrameSource {
    let sampleRate: Int
    private var position = 0
    private let period: Int
    private let onLength: Int

    init(sampleRate: Int) {
        self.sampleRate = sampleRate
        period = sampleRate * 6
        onLength = sampleRate * 2
    }

    func readFrame(into frame: UnsafeMutableBufferPointer<Int16>) -> Int {
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
