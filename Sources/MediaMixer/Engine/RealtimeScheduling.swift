#if canImport(Glibc)
import Glibc
#endif

/// Asks the kernel to run the calling thread under the real-time FIFO policy.
///
/// A media thread sleeps most of every 20 ms tick and must run the moment it is woken; under the
/// default policy a busy machine makes it wait for a time slice at every phase hand-off (five per
/// tick). Media servers commonly run their audio threads this way; it needs CAP_SYS_NICE (or
/// root), and without it the thread keeps the default policy.
enum RealtimeScheduling {
    /// The FIFO priority given to media threads: above ordinary threads, below the kernel's own.
    static let priority: Int32 = 10

    /// Switches the calling thread to SCHED_FIFO; returns whether the kernel allowed it.
    @discardableResult
    static func promoteCurrentThread() -> Bool {
        #if canImport(Glibc)
        var parameters = sched_param()
        parameters.sched_priority = priority
        return pthread_setschedparam(pthread_self(), Int32(SCHED_FIFO), &parameters) == 0
        #else
        return false
        #endif
    }
}
