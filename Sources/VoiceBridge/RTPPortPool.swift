import Synchronization

/// The RTP ports of `--rtp-ports` that no call of this bridge holds. Ports are handed out
/// round-robin (even ports only, the RTCP port beside each stays free, RFC 3550 §11), so that a
/// port a call just gave back is not reused at once while stray packets may still arrive.
final class RTPPortPool: Sendable {
    private struct State {
        var next: Int
        var held: Set<Int> = []
    }

    private let range: ClosedRange<Int>
    private let state: Mutex<State>

    init(range: ClosedRange<Int>) {
        let first = range.lowerBound + range.lowerBound % 2
        self.range = first...max(first, range.upperBound)
        state = Mutex(State(next: first))
    }

    /// Takes the next free port, or `nil` when every port is held.
    func take() -> Int? {
        state.withLock { state in
            let count = (range.upperBound - range.lowerBound) / 2 + 1
            for _ in 0..<count {
                let port = state.next
                state.next = port + 2 > range.upperBound ? range.lowerBound : port + 2
                if state.held.insert(port).inserted { return port }
            }
            return nil
        }
    }

    /// Gives a port back.
    func release(_ port: Int) {
        _ = state.withLock { $0.held.remove(port) }
    }
}
