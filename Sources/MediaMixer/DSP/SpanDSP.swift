// The only file that imports CSpanDSP (house rule: one C library, one wrapper file). Every spandsp
// state used by Parley lives here, each in a final class that owns the C state and frees it in
// deinit: G.711, G.722, packet-loss concealment and the DTMF receiver. The public codec and DTMF
// types in Codecs/ and DTMF/ build on these and never see a C pointer.
import CSpanDSP

/// A failure reported by spandsp.
public struct SpanDSPError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of failure.
    public enum Code: Hashable, Sendable {
        /// spandsp could not create a state: it rejected a setting or could not allocate.
        case initializationFailed
    }

    /// The kind of failure.
    public let code: Code
    /// The spandsp state that failed, e.g. `g722_encode_init`.
    public let function: String

    /// A readable account of the failure.
    public var description: String {
        "spandsp: \(function) failed"
    }
}

/// A G.711 law, the companding curve of ITU-T G.711 (RFC 3551 §4.5.14).
enum G711Law: Sendable {
    /// µ-law, RTP payload type 0 (PCMU).
    case muLaw
    /// A-law, RTP payload type 8 (PCMA).
    case aLaw
}

/// spandsp's G.711 coder: one byte per 8 kHz sample, both directions in one state.
final class SpanG711Coder {
    private let state: OpaquePointer

    init(law: G711Law) throws(SpanDSPError) {
        let mode = Int32(law == .muLaw ? G711_ULAW : G711_ALAW)
        guard let created = g711_init(nil, mode) else {
            throw SpanDSPError(code: .initializationFailed, function: "g711_init")
        }
        state = created
    }

    deinit {
        g711_free(state)
    }

    /// Companding `pcm` into `bytes`; `bytes` holds at least `pcm.count` bytes.
    /// - Returns: bytes written.
    func encode(_ pcm: UnsafePointer<Int16>, count: Int, into bytes: UnsafeMutablePointer<UInt8>) -> Int {
        Int(g711_encode(state, bytes, pcm, Int32(count)))
    }

    /// Expands `count` bytes into `pcm`; `pcm` holds at least `count` samples.
    /// - Returns: samples written.
    func decode(_ bytes: UnsafePointer<UInt8>, count: Int, into pcm: UnsafeMutablePointer<Int16>) -> Int {
        Int(g711_decode(state, pcm, bytes, Int32(count)))
    }
}

/// spandsp's G.722 encoder at 64 kbit/s with 16 kHz input: two samples make one byte.
final class SpanG722Encoder {
    private let state: OpaquePointer

    init() throws(SpanDSPError) {
        // Options 0: 16 kHz linear audio, one code word per byte (RFC 3551 §4.5.2 octet packing).
        guard let created = g722_encode_init(nil, 64000, 0) else {
            throw SpanDSPError(code: .initializationFailed, function: "g722_encode_init")
        }
        state = created
    }

    deinit {
        g722_encode_free(state)
    }

    /// Encodes `count` samples into `bytes`, which holds at least `count / 2` bytes.
    /// - Returns: bytes written.
    func encode(_ pcm: UnsafePointer<Int16>, count: Int, into bytes: UnsafeMutablePointer<UInt8>) -> Int {
        Int(g722_encode(state, bytes, pcm, Int32(count)))
    }
}

/// spandsp's G.722 decoder at 64 kbit/s with 16 kHz output: one byte makes two samples.
final class SpanG722Decoder {
    private let state: OpaquePointer

    init() throws(SpanDSPError) {
        guard let created = g722_decode_init(nil, 64000, 0) else {
            throw SpanDSPError(code: .initializationFailed, function: "g722_decode_init")
        }
        state = created
    }

    deinit {
        g722_decode_free(state)
    }

    /// Decodes `count` bytes into `pcm`, which holds at least `2 × count` samples.
    /// - Returns: samples written.
    func decode(_ bytes: UnsafePointer<UInt8>, count: Int, into pcm: UnsafeMutablePointer<Int16>) -> Int {
        Int(g722_decode(state, pcm, bytes, Int32(count)))
    }
}

/// spandsp's packet-loss concealer (an AMDF pitch-repetition scheme close to G.711 Appendix I).
///
/// Every good frame passes through ``record(_:count:)``, which keeps the recent history and may
/// smooth the frame's start after a gap; each lost frame is synthesised by ``fillIn(_:count:)``,
/// repeating the last pitch period and fading it to silence over 50 ms of 8 kHz audio.
final class SpanPacketLossConcealer {
    private let state: UnsafeMutablePointer<plc_state_t>

    init() throws(SpanDSPError) {
        guard let created = plc_init(nil) else {
            throw SpanDSPError(code: .initializationFailed, function: "plc_init")
        }
        state = created
    }

    deinit {
        plc_free(state)
    }

    /// Records a correctly received frame (in place: the first samples after a gap are blended).
    func record(_ pcm: UnsafeMutablePointer<Int16>, count: Int) {
        plc_rx(state, pcm, Int32(count))
    }

    /// Writes `count` synthetic samples for a lost frame.
    func fillIn(_ pcm: UnsafeMutablePointer<Int16>, count: Int) {
        plc_fillin(state, pcm, Int32(count))
    }
}

/// spandsp's DTMF receiver for 8 kHz audio: a Goertzel bank with twist and duration checks that
/// queues each detected digit once, as its ASCII character.
final class SpanDTMFReceiver {
    private let state: OpaquePointer

    init() throws(SpanDSPError) {
        // No callback: digits queue inside the state and are collected with `dtmf_rx_get`.
        guard let created = dtmf_rx_init(nil, nil, nil) else {
            throw SpanDSPError(code: .initializationFailed, function: "dtmf_rx_init")
        }
        state = created
    }

    deinit {
        dtmf_rx_free(state)
    }

    /// Analyses `count` samples of 8 kHz audio.
    func analyse(_ pcm: UnsafePointer<Int16>, count: Int) {
        _ = dtmf_rx(state, pcm, Int32(count))
    }

    /// Moves queued digits into `characters` (ASCII); `capacity` counts the terminating NUL
    /// `dtmf_rx_get` always writes, so at most `capacity - 1` digits arrive.
    /// - Returns: digits written.
    func takeDigits(into characters: UnsafeMutablePointer<CChar>, capacity: Int) -> Int {
        Int(dtmf_rx_get(state, characters, Int32(capacity - 1)))
    }
}
