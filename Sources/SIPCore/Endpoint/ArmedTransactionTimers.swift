/// Which timers of one transaction are armed, each with the generation it was armed with.
///
/// Disarming only forgets the generation: the wheel's entry stays and, when it expires, finds
/// another generation (or none) and is ignored. Kept inside the transaction's entry, so one
/// table lookup serves the transaction and its timers, and removing the transaction disarms them all.
struct ArmedTransactionTimers {
    /// 0 means not armed; generations start at 1.
    private var generations = InlineArray<13, UInt64>(repeating: 0)

    /// Arms `timer` with `generation`, replacing any earlier arming.
    mutating func arm(_ timer: TransactionTimer, generation: UInt64) {
        generations[Self.index(timer)] = generation
    }

    /// Disarms `timer`; disarming a timer that is not armed does nothing.
    mutating func disarm(_ timer: TransactionTimer) {
        generations[Self.index(timer)] = 0
    }

    /// Disarms `timer` and returns whether it was armed with `generation` (so that it is due now).
    mutating func expire(_ timer: TransactionTimer, generation: UInt64) -> Bool {
        let index = Self.index(timer)
        guard generations[index] == generation else { return false }
        generations[index] = 0
        return true
    }

    private static func index(_ timer: TransactionTimer) -> Int {
        switch timer {
        case .a: 0
        case .b: 1
        case .d: 2
        case .e: 3
        case .f: 4
        case .g: 5
        case .h: 6
        case .i: 7
        case .j: 8
        case .k: 9
        case .l: 10
        case .m: 11
        case .trying: 12
        }
    }
}
