import MallocInterposerSwift

/// Counts heap allocations with ordo-one's malloc-interposer, whose `malloc`/`free` replace libc's
/// in this process (see ``isInterposing``).
enum AllocationCounter {
    /// Whether the interposer's `malloc` is the one the process calls: one allocation made while
    /// counting must be counted. False when the dynamic loader bound `malloc` to libc's.
    static var isInterposing: Bool {
        let (counted, _) = allocations {
            let probe = UnsafeMutableRawPointer.allocate(byteCount: 64, alignment: 16)
            probe.deallocate()
        }
        return counted > 0
    }

    /// Heap allocations per run of `operation`, counted over `runs` runs after one uncounted run
    /// that performs any one-time initialisation (lazy globals, libosip2's `parser_init`).
    static func allocationsPerRun(
        runs: Int, _ operation: () throws -> Int
    ) rethrows -> (perRun: Double, checksum: Int) {
        let firstResult = try operation()
        let (counted, checksum) = try allocations { () throws -> Int in
            var checksum = firstResult
            for _ in 0..<runs { checksum &+= try operation() }
            return checksum
        }
        return (Double(counted) / Double(runs), checksum)
    }

    /// The allocations `body` makes, and its result; counting is switched on only around it.
    private static func allocations<Result>(_ body: () throws -> Result) rethrows -> (count: Int, result: Result) {
        MallocInterposerSwift.reset()
        MallocInterposerSwift.hook()
        defer { MallocInterposerSwift.unhook() }
        let result = try body()
        MallocInterposerSwift.unhook()
        return (MallocInterposerSwift.getStatistics().mallocCount, result)
    }
}
