/// Thresholds of the per-member talker detector, with hysteresis in level and in time.
///
/// Levels are the RMS of one frame relative to a full-scale square wave (32768), in dBFS, so a
/// full-scale sine reads −3 dBFS and digital silence reads −∞. A member starts talking after
/// ``framesToStart`` frames in a row at or above ``onThresholdDBFS`` and stops after
/// ``framesToStop`` frames in a row below ``offThresholdDBFS``; a level between the two thresholds
/// keeps whatever state the member is in. A one-frame click therefore never starts talking, and a
/// pause between words never stops it.
public struct TalkerDetectionSettings: Hashable, Sendable {
    /// The level at or above which a frame counts as speech, in dBFS.
    public var onThresholdDBFS: Double
    /// The level below which a frame counts as silence, in dBFS; at most ``onThresholdDBFS``.
    public var offThresholdDBFS: Double
    /// Consecutive speech frames before a member starts talking (at least 1).
    public var framesToStart: Int
    /// Consecutive silent frames before a talking member stops (at least 1).
    public var framesToStop: Int

    /// Creates settings.
    ///
    /// The defaults (−40 dBFS on, −50 dBFS off, 3 frames to start, 15 to stop) suit 20 ms frames:
    /// 60 ms of speech starts talking and 300 ms of quiet ends it, which bridges the gaps between words.
    public init(onThresholdDBFS: Double = -40, offThresholdDBFS: Double = -50, framesToStart: Int = 3, framesToStop: Int = 15) {
        precondition(offThresholdDBFS <= onThresholdDBFS, "the off-threshold must not exceed the on-threshold")
        precondition(framesToStart >= 1 && framesToStop >= 1, "talker detection needs at least one frame each way")
        self.onThresholdDBFS = onThresholdDBFS
        self.offThresholdDBFS = offThresholdDBFS
        self.framesToStart = framesToStart
        self.framesToStop = framesToStop
    }
}
