/// The inputs of one call waiting their turn, so that a call's machine sees them strictly one at
/// a time and in the order they arrived, even though handling one may wait (for the room
/// directory) while others arrive.
///
/// Whoever puts an input into an idle inbox becomes its drainer: it takes inputs with ``next()``
/// until that returns `nil`, handling each completely before taking the next. Inputs put in
/// meanwhile (by the drainer itself or by anyone else) wait in order and are taken by the same
/// drainer.
public struct CallInbox<Input: Sendable>: Sendable {
    private var waiting: [Input] = []
    private var head = 0
    private var isDraining = false

    /// Creates an empty, idle inbox.
    public init() {}

    /// Puts `input` in. Returns `true` when the caller must now drain the inbox (it was idle).
    public mutating func put(_ input: Input) -> Bool {
        waiting.append(input)
        guard !isDraining else { return false }
        isDraining = true
        return true
    }

    /// The next input in arrival order, or `nil` when none is waiting; `nil` also ends the drain,
    /// so the next ``put(_:)`` starts a new one.
    public mutating func next() -> Input? {
        guard head < waiting.count else {
            waiting.removeAll(keepingCapacity: true)
            head = 0
            isDraining = false
            return nil
        }
        defer { head += 1 }
        return waiting[head]
    }

    /// Whether a drain is under way.
    public var isBusy: Bool { isDraining }
}
