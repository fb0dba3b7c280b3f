import Foundation
import MediaMixer
import SIPTesting
import Synchronization

/// A phone simulated over real UDP on 127.0.0.1, for tests of the media engine.
///
/// It sends a tone (or silence) in a chosen codec every 20 ms (or another packet time) on its own thread, with optional
/// random loss and jitter, and can send RFC 4733 digits in place of audio. It decodes every audio
/// packet it receives on the same socket (the one it sends from, so symmetric RTP can latch onto it)
/// and keeps the PCM for Goertzel checks.
public final class RTPTestPeer: @unchecked Sendable {
    // @unchecked Sendable: the codec objects, socket, generator and packet counters are used only by
    // the peer's own thread once `start` has launched it; everything the test thread reads or writes
    // afterwards lives in `shared`, behind a mutex.
    private struct SharedState {
        var remotePort: Int?
        var sendingAudio = true
        var pendingDigits: [DTMFDigit] = []
        var pendingInBandDigits: [DTMFDigit] = []
        var changeSSRC = false
        var received: [Int16] = []
        var receivedPackets = 0
        var receivedMarkers = 0
        var stopping = false
    }

    /// The codec the peer sends and expects.
    public let codec: AudioCodecKind
    /// The payload type of its audio.
    public let payloadType: Int
    /// The payload type of its RFC 4733 telephone events.
    public let telephoneEventPayloadType: Int
    /// The audio each packet carries, in milliseconds (SDP `a=ptime`).
    public let ptime: Int
    /// The local UDP port it sends from and receives on.
    public var localPort: Int { socket.port }

    private let socket: TestUDPSocket
    private let encoder: any AudioEncoder
    private let decoder: any AudioDecoder
    private var tone: ToneGenerator?
    private let impairment: NetworkImpairment
    private let shared = Mutex(SharedState())
    private let finished = DispatchSemaphore(value: 0)
    private var started = false

    /// Creates a peer bound to a free loopback port; nothing is sent before ``start(sendingTo:)``.
    ///
    /// - Parameters:
    ///   - codec: The codec of its audio, both ways.
    ///   - payloadType: Its audio payload type; the codec's static one by default, 111 for Opus.
    ///   - toneFrequency: The tone it sends, or `nil` to send encoded silence.
    ///   - impairment: Loss and jitter applied to what it sends.
    ///   - telephoneEventPayloadType: The payload type of its RFC 4733 digits.
    ///   - ptime: The audio per packet in milliseconds (a phone at 30 or 40 ms; Opus needs 20, 40 or 60).
    public init(
        codec: AudioCodecKind,
        payloadType: Int? = nil,
        toneFrequency: Double?,
        impairment: NetworkImpairment = .none,
        telephoneEventPayloadType: Int = 101,
        ptime: Int = 20
    ) throws {
        self.ptime = ptime
        self.codec = codec
        self.payloadType = payloadType ?? codec.staticPayloadType ?? 111
        self.telephoneEventPayloadType = telephoneEventPayloadType
        self.impairment = impairment
        socket = try TestUDPSocket()
        encoder = try AudioCodecFactory.makeEncoder(codec)
        decoder = try AudioCodecFactory.makeDecoder(codec)
        tone = toneFrequency.map { ToneGenerator(frequency: $0, sampleRate: Double(codec.sampleRate)) }
    }

    deinit {
        stop()
    }

    /// Starts sending to 127.0.0.1:`port` and receiving, on the peer's own thread.
    public func start(sendingTo port: Int) {
        shared.withLock { $0.remotePort = port }
        guard !started else { return }
        started = true
        let thread = Thread { [self] in
            self.run()
            self.finished.signal()
        }
        thread.name = "rtp-test-peer-\(socket.port)"
        thread.start()
    }

    /// Stops the peer's thread and waits for it; what was received stays readable.
    public func stop() {
        let wasRunning = shared.withLock { state -> Bool in
            defer { state.stopping = true }
            return !state.stopping && started
        }
        // The thread looks at `stopping` at least every 2 ms; the bound only keeps a wedged thread
        // from hanging the test run.
        if wasRunning { _ = finished.wait(timeout: .now() + .seconds(5)) }
    }

    /// Pauses or resumes sending audio (the peer keeps receiving).
    public func setSendingAudio(_ sending: Bool) {
        shared.withLock { $0.sendingAudio = sending }
    }

    /// Queues digits (`0`–`9`, `*`, `#`, `A`–`D`) to be sent as RFC 4733 events, 100 ms each with
    /// 60 ms of audio between them.
    public func sendDigits(_ digits: String) {
        let events = digits.compactMap { DTMFDigit($0) }
        shared.withLock { $0.pendingDigits += events }
    }

    /// Queues digits to be dialled as tones in the audio (in-band, ITU-T Q.23), for a phone that
    /// sends no RFC 4733 events: 100 ms each with 60 ms of silence between them.
    public func sendInBandDigits(_ digits: String) {
        let keys = digits.compactMap { DTMFDigit($0) }
        shared.withLock { $0.pendingInBandDigits += keys }
    }

    /// Switches to a new random SSRC with a new sequence and timestamp base, as a phone does after a
    /// re-INVITE or a transfer (RFC 3550 §8.2).
    public func changeSSRC() {
        shared.withLock { $0.changeSSRC = true }
    }

    /// The PCM decoded from every audio packet received so far, at the codec's sample rate.
    public var receivedAudio: [Int16] {
        shared.withLock { $0.received }
    }

    /// Audio packets received so far.
    public var receivedPackets: Int {
        shared.withLock { $0.receivedPackets }
    }

    /// Audio packets received so far with the marker bit set (the first of each talkspurt, RFC 3551 §4.1).
    public var receivedMarkers: Int {
        shared.withLock { $0.receivedMarkers }
    }

    /// The last `duration` of received audio (all of it when less has arrived).
    public func receivedAudio(last duration: Duration) -> [Int16] {
        let samples = Int(duration.components.seconds) * codec.sampleRate
            + Int(duration.components.attoseconds / 1_000_000_000_000_000) * codec.sampleRate / 1000
        let audio = receivedAudio
        return Array(audio.suffix(samples))
    }

    // MARK: - The peer's thread

    private struct DelayedPacket {
        var due: UInt64
        var bytes: [UInt8]
    }

    private struct DigitInProgress {
        var packets: [TelephoneEventSender.Packet]
        var framesSent = 0
    }

    private func run() {
        var random = SeededRandomNumberGenerator(seed: impairment.seed)
        var ssrc = UInt32.random(in: 1...UInt32.max, using: &random)
        var sequence = UInt16.random(in: 0...UInt16.max, using: &random)
        var timestamp = UInt32.random(in: 0...UInt32.max, using: &random)
        let frameSamples = codec.samplesPerFrame(ptime: ptime)
        let increment = codec.timestampIncrement(ptime: ptime)
        var pcm = [Int16](repeating: 0, count: frameSamples)
        var payload = [UInt8](repeating: 0, count: 1500)
        var datagram = [UInt8](repeating: 0, count: 2048)
        var decoded = [Int16](repeating: 0, count: codec.sampleRate * 120 / 1000)
        var delayed: [DelayedPacket] = []
        var digit: DigitInProgress?
        let sender = TelephoneEventSender(clockRate: codec.rtpClockRate)
        var gapFrames = 0
        var inBandKeys = DTMFToneSequence(sampleRate: Double(codec.sampleRate))
        var markNext = true
        let period = UInt64(ptime) * 1_000_000
        let (jitterSeconds, jitterAttoseconds) = impairment.jitter.components
        let jitterNanoseconds = UInt64(jitterSeconds) * 1_000_000_000 + UInt64(jitterAttoseconds / 1_000_000_000)
        var nextFrame = Self.now()

        while true {
            let (remotePort, sendingAudio, stopping, newSSRC) = shared.withLock { state in
                defer { state.changeSSRC = false }
                return (state.remotePort, state.sendingAudio, state.stopping, state.changeSSRC)
            }
            if stopping { return }
            if newSSRC {
                ssrc = UInt32.random(in: 1...UInt32.max, using: &random)
                sequence = UInt16.random(in: 0...UInt16.max, using: &random)
                timestamp = UInt32.random(in: 0...UInt32.max, using: &random)
                markNext = true
            }
            let now = Self.now()
            if now >= nextFrame, remotePort != nil {
                nextFrame += period
                var packet: RTPTestPacket?
                var eventPackets: [RTPTestPacket] = []
                if digit == nil, gapFrames == 0, let event = shared.withLock({ state -> DTMFDigit? in
                    state.pendingDigits.isEmpty ? nil : state.pendingDigits.removeFirst()
                }) {
                    digit = DigitInProgress(packets: sender.packets(for: event, duration: .milliseconds(100), startingAt: timestamp))
                }
                if var current = digit {
                    // The event's packets replace audio, each sent once its offset has passed.
                    current.framesSent += 1
                    let elapsed = Duration.milliseconds(ptime * current.framesSent)
                    while let next = current.packets.first, next.sendOffset <= elapsed {
                        current.packets.removeFirst()
                        eventPackets.append(RTPTestPacket(
                            payloadType: telephoneEventPayloadType, marker: next.marker, sequenceNumber: 0,
                            timestamp: next.timestamp, ssrc: ssrc, payload: next.payload.bytes
                        ))
                    }
                    digit = current.packets.isEmpty ? nil : current
                    if digit == nil { gapFrames = 3 }
                } else if sendingAudio {
                    if gapFrames > 0 { gapFrames -= 1 }
                    inBandKeys.dial(shared.withLock { state in
                        defer { state.pendingInBandDigits.removeAll() }
                        return state.pendingInBandDigits
                    })
                    // The keys' tones replace the peer's own audio while they sound.
                    let dialling = inBandKeys.fill(&pcm)
                    if !dialling, tone != nil {
                        tone!.fill(&pcm)
                    } else if !dialling {
                        pcm.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
                    }
                    let count = (try? pcm.withUnsafeBufferPointer { samples in
                        try payload.withUnsafeMutableBufferPointer { try encoder.encode(samples, into: $0) }
                    }) ?? 0
                    packet = RTPTestPacket(
                        payloadType: payloadType, marker: markNext, sequenceNumber: sequence,
                        timestamp: timestamp, ssrc: ssrc, payload: Array(payload[..<count])
                    )
                    markNext = false
                }
                timestamp &+= increment
                if let packet { eventPackets.append(packet) }
                for var outgoing in eventPackets {
                    outgoing.sequenceNumber = sequence
                    sequence &+= 1
                    if Double.random(in: 0..<1, using: &random) >= impairment.lossRate {
                        let delay = jitterNanoseconds == 0 ? 0 : UInt64.random(in: 0...jitterNanoseconds, using: &random)
                        delayed.append(DelayedPacket(due: now + delay, bytes: outgoing.bytes))
                    }
                }
                eventPackets.removeAll()
            }
            if let remotePort {
                let current = Self.now()
                delayed.sort { $0.due < $1.due }
                while let first = delayed.first, first.due <= current {
                    // A refused or full send is dropped, as UDP may.
                    try? socket.send(first.bytes, port: remotePort)
                    delayed.removeFirst()
                }
            }
            while let (count, _) = socket.receiveNow(into: &datagram) {
                guard let packet = RTPTestPacket(datagram: datagram[..<count]), packet.payloadType == payloadType else { continue }
                let samples = (try? packet.payload.withUnsafeBufferPointer { bytes in
                    try decoded.withUnsafeMutableBufferPointer { try decoder.decode(bytes, into: $0) }
                }) ?? 0
                shared.withLock {
                    $0.received += decoded[..<samples]
                    $0.receivedPackets += 1
                    if packet.marker { $0.receivedMarkers += 1 }
                }
            }
            let wake = min(nextFrame, delayed.map(\.due).min() ?? nextFrame, Self.now() + 2_000_000)
            // Pacing, not synchronisation: the peer sends one packet per ptime like a phone, and
            // looks for received packets and a stop request at least every 2 ms.
            Self.sleep(until: wake)
        }
    }

    private static func now() -> UInt64 {
        DispatchTime.now().uptimeNanoseconds
    }

    private static func sleep(until deadline: UInt64) {
        let current = now()
        if deadline > current { usleep(UInt32((deadline - current) / 1_000)) }
    }
}
