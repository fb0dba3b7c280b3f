import Foundation

/// The hand-off between a ``MixRecorder``'s media thread and its writer thread: a preallocated
/// ring of samples under one lock, and the file the writer thread drains it into.
///
/// `@unchecked Sendable` is sound because every mutable field except `file` and `drainBuffer` is
/// read and written only while `condition` is locked, and `file` and `drainBuffer` are touched
/// only by the writer thread (``runWriter()``), which the recorder joins before it returns.
final class RecordingPipeline: @unchecked Sendable {
    enum State {
        case idle
        case recording
        case paused
        case stopping
        case stopped
    }

    private let condition = NSCondition()
    private let ring: UnsafeMutableBufferPointer<Int16>
    private var readIndex = 0
    private var storedCount = 0
    private var state = State.idle
    private var writerFinished = false
    private var droppedSampleCount = 0
    private var writeError: SoundFileError?

    private let file: SoundFileWriter
    private let drainBuffer: UnsafeMutableBufferPointer<Int16>

    init(file: SoundFileWriter, capacity: Int) {
        self.file = file
        ring = .allocate(capacity: capacity)
        ring.initialize(repeating: 0)
        drainBuffer = .allocate(capacity: capacity)
        drainBuffer.initialize(repeating: 0)
    }

    deinit {
        ring.deallocate()
        drainBuffer.deallocate()
    }

    /// Moves to `newState` when the current state is one of `allowed`.
    func transition(to newState: State, from allowed: Set<State>) {
        condition.lock()
        if allowed.contains(state) { state = newState }
        condition.unlock()
    }

    /// Samples dropped because the writer fell a whole ring behind.
    var droppedSamples: Int {
        condition.lock()
        defer { condition.unlock() }
        return droppedSampleCount
    }

    /// The first write failure, if any.
    var failure: SoundFileError? {
        condition.lock()
        defer { condition.unlock() }
        return writeError
    }

    /// Called by the media thread: copies the frame, or as many zeros while paused, into the ring.
    /// Never waits for I/O; the lock is only ever held for copies.
    func append(_ frame: UnsafeBufferPointer<Int16>) {
        condition.lock()
        defer { condition.unlock() }
        guard state == .recording || state == .paused else { return }
        let free = ring.count - storedCount
        let count = min(frame.count, free)
        droppedSampleCount += frame.count - count
        var writeIndex = (readIndex + storedCount) % ring.count
        for offset in 0..<count {
            ring[writeIndex] = state == .paused ? 0 : frame[offset]
            writeIndex = writeIndex + 1 == ring.count ? 0 : writeIndex + 1
        }
        storedCount += count
        if count > 0 { condition.signal() }
    }

    /// The writer thread's loop: wait for samples, copy them out under the lock, write them
    /// without it; on stop, write what is left and close the file.
    func runWriter() {
        while true {
            condition.lock()
            while storedCount == 0 && state != .stopping {
                condition.wait()
            }
            let count = storedCount
            let finishing = state == .stopping && count == 0
            for offset in 0..<count {
                drainBuffer[offset] = ring[(readIndex + offset) % ring.count]
            }
            readIndex = (readIndex + count) % ring.count
            storedCount = 0
            condition.unlock()
            if finishing { break }
            do {
                try file.write(UnsafeBufferPointer(rebasing: drainBuffer[..<count]))
            } catch {
                condition.lock()
                if writeError == nil { writeError = error }
                condition.unlock()
            }
        }
        file.close()
        condition.lock()
        state = .stopped
        writerFinished = true
        condition.broadcast()
        condition.unlock()
    }

    /// Asks the writer thread to drain and close, and waits until it has.
    func stopAndWait() {
        condition.lock()
        if state != .stopped { state = .stopping }
        condition.broadcast()
        while !writerFinished {
            condition.wait()
        }
        condition.unlock()
    }
}
