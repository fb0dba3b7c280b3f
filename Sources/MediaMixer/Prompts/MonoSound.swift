/// A whole sound held in memory as 16-bit mono PCM: a prompt, a digit, hold music.
public struct MonoSound: Hashable, Sendable {
    /// The samples.
    public var samples: [Int16]
    /// Their rate in Hz.
    public var sampleRate: Int

    /// Creates a sound from samples.
    public init(samples: [Int16], sampleRate: Int) {
        self.samples = samples
        self.sampleRate = sampleRate
    }

    /// Loads a sound file of any rate and channel count libsndfile reads, mixing channels to mono.
    /// - Throws: ``SoundFileError`` when the file cannot be opened or read.
    public init(contentsOf path: String) throws(SoundFileError) {
        let reader = try SoundFileReader(path: path)
        self.init(samples: try reader.readMono(), sampleRate: reader.sampleRate)
    }

    /// The sound's length.
    public var duration: Duration {
        .microseconds(Int64(samples.count) * 1_000_000 / Int64(sampleRate))
    }

    /// The same sound at `rate`, converted with speexdsp's resampler at its default quality.
    ///
    /// The resampler's start-up delay is trimmed and its tail flushed, so the result starts with
    /// the sound's first sample and lasts as long as the original.
    /// - Throws: ``SpeexDSPError`` when speexdsp rejects a rate.
    public func resampled(to rate: Int) throws(SpeexDSPError) -> MonoSound {
        guard rate != sampleRate, !samples.isEmpty else { return MonoSound(samples: samples, sampleRate: rate) }
        let resampler = try SpeexResampler(inputRate: sampleRate, outputRate: rate)
        let latency = resampler.outputLatency
        let length = samples.count * rate / sampleRate
        // Zeros after the sound push its last samples through the filter.
        let padding = (latency + 1) * sampleRate / rate + 1
        let input = samples + [Int16](repeating: 0, count: padding)
        var output = [Int16](repeating: 0, count: length + latency + rate / sampleRate + 2)
        let produced = try resampler.process(input, into: &output).produced
        let end = min(produced, latency + length)
        return MonoSound(samples: Array(output[min(latency, end)..<end]), sampleRate: rate)
    }
}
