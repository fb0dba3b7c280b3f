/// In-band key detection for a leg of any sample rate: spandsp's detector works on 8 kHz audio,
/// so a wideband leg's audio (G.722 at 16 kHz, Opus at 48 kHz) is brought down to 8 kHz first.
///
/// Everything it needs is allocated when it is made; ``analyse(_:report:)`` allocates nothing.
final class KeyToneListener {
    /// 8 kHz samples of the longest decoded packet it takes at once: 120 ms, Opus's longest frame.
    private static let longestPacketSamples = 8_000 * 120 / 1_000

    private let detector: InBandDTMFDetector
    private let resampler: SpeexResampler?
    private let narrowband: UnsafeMutableBufferPointer<Int16>

    /// A listener for audio at `sampleRate`.
    init(sampleRate: Int) throws {
        detector = try InBandDTMFDetector()
        resampler = sampleRate == 8_000 ? nil : try SpeexResampler(inputRate: sampleRate, outputRate: 8_000, quality: 3)
        narrowband = .allocate(capacity: Self.longestPacketSamples + 16)
        narrowband.initialize(repeating: 0)
    }

    deinit {
        narrowband.deallocate()
    }

    /// Analyses the next stretch of the leg's decoded audio and calls `report` for every key
    /// recognised in it.
    func analyse(_ samples: UnsafeBufferPointer<Int16>, report: (DTMFEvent) -> Void) {
        guard let resampler else {
            detector.analyse(samples, report: report)
            return
        }
        guard let produced = try? resampler.process(samples, into: narrowband).produced else { return }
        detector.analyse(UnsafeBufferPointer(rebasing: narrowband[0..<produced]), report: report)
    }
}
