/// The fixed shape of one ``MixMinusMixer``: room rate, frame length, capacities and detector settings.
public struct MixMinusMixerConfiguration: Hashable, Sendable {
    /// The room's mixing rate in Hz: 8000, 16000 or 48000 (the PCM rates of G.711, G.722 and Opus).
    public var sampleRate: Int
    /// The frame length in milliseconds; one tick mixes one frame (RFC 3551 §4.2 default is 20 ms).
    public var ptime: Int
    /// Members the mixer makes room for up front, frame buffers included; adding more grows storage
    /// (on add, never in a tick).
    public var memberCapacity: Int
    /// Events the queue holds between drains; further events in the same interval are dropped and
    /// counted in ``MixMinusMixer/droppedEventCount``.
    public var eventCapacity: Int
    /// When a member starts and stops talking.
    public var talkerDetection: TalkerDetectionSettings
    /// Consecutive frames a talker must be louder than the floor holder before taking the floor from
    /// them; keeps the floor from flapping between two people talking at once.
    public var floorHoldFrames: Int

    /// Creates a configuration.
    ///
    /// - Parameters:
    ///   - sampleRate: 8000, 16000 or 48000 Hz.
    ///   - ptime: frame length in milliseconds, 10 to 60 in steps that give whole samples.
    ///   - memberCapacity: members to preallocate for.
    ///   - eventCapacity: events queued between drains.
    ///   - talkerDetection: talker thresholds.
    ///   - floorHoldFrames: frames a challenger must stay louder before the floor moves (25 frames is
    ///     half a second at 20 ms).
    public init(
        sampleRate: Int,
        ptime: Int = 20,
        memberCapacity: Int = 16,
        eventCapacity: Int = 1024,
        talkerDetection: TalkerDetectionSettings = TalkerDetectionSettings(),
        floorHoldFrames: Int = 25
    ) {
        self.sampleRate = sampleRate
        self.ptime = ptime
        self.memberCapacity = memberCapacity
        self.eventCapacity = eventCapacity
        self.talkerDetection = talkerDetection
        self.floorHoldFrames = floorHoldFrames
    }

    /// Samples in one frame at the room rate.
    public var samplesPerFrame: Int {
        sampleRate * ptime / 1000
    }
}
