#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Readings of the monotonic clock in nanoseconds, and sleeping until one of them.
///
/// The media clock keeps absolute deadlines on this clock (never "sleep 20 ms", which drifts by
/// whatever each tick took), so it reads it and sleeps against it directly.
enum MonotonicTime {
    /// Nanoseconds since an arbitrary fixed point.
    static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) &* 1_000_000_000 &+ UInt64(time.tv_nsec)
    }

    /// Sleeps until the monotonic clock reads `deadline`, resuming after signals.
    static func sleep(until deadline: UInt64) {
        #if canImport(Glibc)
        var target = timespec(tv_sec: Int(deadline / 1_000_000_000), tv_nsec: Int(deadline % 1_000_000_000))
        while clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &target, nil) == EINTR {}
        #else
        let current = now()
        if deadline > current { usleep(useconds_t((deadline - current) / 1_000)) }
        #endif
    }
}
