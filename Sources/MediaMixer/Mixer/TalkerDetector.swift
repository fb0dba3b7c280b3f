/// The talking / not-talking state of one member, with hysteresis in level and in time.
///
/// Fed one level per tick; returns the transition the level caused, if any. The thresholds and
/// frame counts are described by ``TalkerDetectionSettings``.
struct TalkerDetector {
    /// A change of state caused by one frame.
    enum Transition {
        case none
        case started
        case stopped
    }

    /// Whether the member is talking.
    private(set) var isTalking = false
    /// Consecutive frames at or above the on-threshold while not talking.
    private var framesAbove = 0
    /// Consecutive frames below the off-threshold while talking.
    private var framesBelow = 0

    /// Takes the level of this tick's frame (−∞ when no frame arrived).
    mutating func observe(levelDBFS: Double, settings: TalkerDetectionSettings) -> Transition {
        if isTalking {
            // Between the thresholds the run of quiet frames breaks: only M frames in a row end talking.
            framesBelow = levelDBFS < settings.offThresholdDBFS ? framesBelow + 1 : 0
            guard framesBelow >= settings.framesToStop else { return .none }
            isTalking = false
            framesBelow = 0
            return .stopped
        } else {
            framesAbove = levelDBFS >= settings.onThresholdDBFS ? framesAbove + 1 : 0
            guard framesAbove >= settings.framesToStart else { return .none }
            isTalking = true
            framesAbove = 0
            return .started
        }
    }
}
