import Dispatch
import Foundation
import Synchronization

/// The imc outbound proxy of the fan-out benchmark: a UDP socket on 127.0.0.1, read on its own
/// thread, that answers every request with `200 OK` at once and counts MESSAGEs by Call-ID.
///
/// Answering at once means a retransmission it sees was caused by the server (its answer handling
/// fell behind Timer E, RFC 3261 §17.1.2.2), not by the sink.
final class FanoutSink: Sendable {
    private let socket: LoopbackUDPSocket
    private let tally = Mutex(FanoutSinkTally())
    private let running = Atomic<Bool>(true)
    private let finished = DispatchSemaphore(value: 0)

    /// The port imc's `outbound_proxy` and parley-imc's `--outbound-proxy` point to.
    var port: Int { socket.port }

    /// Binds a free port with a large receive buffer and starts answering.
    init() throws {
        // 32 MB: bursts of 99 fan-out MESSAGEs must not be dropped by the sink itself.
        socket = try LoopbackUDPSocket(receiveBufferBytes: 32 << 20)
        let thread = Thread { [self] in serve() }
        thread.name = "fanout-sink"
        thread.start()
    }

    /// The counts so far.
    var counts: SinkCounts {
        tally.withLock { $0.counts }
    }

    /// Forgets every Call-ID, so the next server starts from zero.
    func reset() {
        tally.withLock { $0.reset() }
    }

    /// Waits until nothing has arrived for `quiet` (retransmissions of an earlier run have died
    /// down), for at most `limit`; returns whether it got quiet.
    func waitUntilQuiet(for quiet: Duration, limit: Duration) -> Bool {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            let last = counts.lastArrival
            if last.map({ ContinuousClock.now - $0 >= quiet }) ?? true { return true }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return false
    }

    /// Stops the reading thread and waits for it.
    func stop() {
        running.store(false, ordering: .relaxed)
        finished.wait()
    }

    private func serve() {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 65_536, alignment: 8)
        defer {
            buffer.deallocate()
            finished.signal()
        }
        while running.load(ordering: .relaxed) {
            guard let (count, source) = socket.receive(into: buffer) else { continue }
            let reply = SinkReply(request: UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
            if let reply { socket.send(reply.response, to: source) }
            let now = ContinuousClock.now
            tally.withLock { $0.record(callIDHash: reply?.isMessage == true ? reply?.callIDHash : nil, at: now) }
        }
    }
}
