/// What an RTP payload type number stands for: the value of an `a=rtpmap` attribute
/// (RFC 4566 §6), or an entry of the static table of RFC 3551 §6.
public struct RTPMap: Sendable, Hashable {
    /// The RTP payload type number, 0–127 (RFC 3550 §5.1).
    public var payloadType: UInt8
    /// The encoding name as written, e.g. `PCMU` or `opus`; compared case-insensitively
    /// (RFC 4855 §3: media subtype names are case-insensitive).
    public var encodingName: String
    /// The RTP timestamp clock rate in Hz. For G.722 it is 8000 although the audio is sampled
    /// at 16 kHz (RFC 3551 §4.5.2).
    public var clockRate: Int
    /// The encoding parameters, the channel count for audio; `nil` when absent, which means one
    /// channel (RFC 4566 §6).
    public var channels: Int?

    /// Creates a mapping.
    public init(payloadType: UInt8, encodingName: String, clockRate: Int, channels: Int? = nil) {
        self.payloadType = payloadType
        self.encodingName = encodingName
        self.clockRate = clockRate
        self.channels = channels
    }

    /// Parses the value of an `a=rtpmap` attribute:
    /// `<payload type> <encoding name>/<clock rate>[/<encoding parameters>]`.
    /// Returns `nil` if it does not follow that grammar.
    public init?(attributeValue: String) {
        let parts = attributeValue.splitting(onByte: UInt8(ascii: " "), maxSplits: 1)
        guard parts.count == 2,
              let payloadType = UInt8(parts[0]), payloadType <= 127
        else { return nil }
        let encoding = parts[1].splitting(onByte: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        guard encoding.count == 2 || encoding.count == 3,
              !encoding[0].isEmpty,
              let clockRate = Int(encoding[1]), clockRate > 0
        else { return nil }
        var channels: Int?
        if encoding.count == 3 {
            guard let count = Int(encoding[2]), count > 0 else { return nil }
            channels = count
        }
        self.init(
            payloadType: payloadType,
            encodingName: String(encoding[0]),
            clockRate: clockRate,
            channels: channels
        )
    }

    /// The value to write after `a=rtpmap:`.
    public var attributeValue: String {
        let base = "\(payloadType) \(encodingName)/\(clockRate)"
        return channels.map { "\(base)/\($0)" } ?? base
    }

    /// Whether this maps the encoding `name` at `clockRate`, ignoring case in the name.
    public func matches(encodingName name: String, clockRate: Int) -> Bool {
        self.clockRate == clockRate && encodingName.lowercased() == name.lowercased()
    }

    /// The channel count, with the RFC 4566 §6 default of one when the parameter is absent.
    public var channelCount: Int { channels ?? 1 }

    /// The static audio payload type `payloadType` as assigned by RFC 3551 §6 Table 4, or
    /// `nil` if it is dynamic or unassigned. Lets an offer that lists `0 8` without `a=rtpmap`
    /// lines be understood.
    public static func staticAudio(payloadType: UInt8) -> RTPMap? {
        let entry: (String, Int, Int?)
        switch payloadType {
        case 0: entry = ("PCMU", 8000, nil)
        case 3: entry = ("GSM", 8000, nil)
        case 4: entry = ("G723", 8000, nil)
        case 5: entry = ("DVI4", 8000, nil)
        case 6: entry = ("DVI4", 16000, nil)
        case 7: entry = ("LPC", 8000, nil)
        case 8: entry = ("PCMA", 8000, nil)
        case 9: entry = ("G722", 8000, nil)
        case 10: entry = ("L16", 44100, 2)
        case 11: entry = ("L16", 44100, nil)
        case 12: entry = ("QCELP", 8000, nil)
        case 13: entry = ("CN", 8000, nil)
        case 14: entry = ("MPA", 90000, nil)
        case 15: entry = ("G728", 8000, nil)
        case 16: entry = ("DVI4", 11025, nil)
        case 17: entry = ("DVI4", 22050, nil)
        case 18: entry = ("G729", 8000, nil)
        default: return nil
        }
        return RTPMap(payloadType: payloadType, encodingName: entry.0, clockRate: entry.1, channels: entry.2)
    }
}
