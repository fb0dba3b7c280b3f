import Foundation
import MediaMixer
import MediaTesting

#if canImport(Glibc)
import Glibc
#endif

/// The bench's own member of the big room: a minimal SIP user agent over one UDP socket (INVITE
/// with a PCMU offer, ACK, BYE; RFC 3261 §13, §15) and an RTP socket on which it times and
/// decodes what the bridge sends it. It sends no audio itself, as a muted phone with voice
/// activity detection would not.
final class RoomListener {
    /// Why the listener's call did not come up.
    struct CallError: Error, CustomStringConvertible {
        /// What went wrong.
        let description: String
    }

    private let signalling: LoopbackUDPSocket
    private let media: LoopbackUDPSocket
    private let bridgePort: Int
    private let user: String
    private let callID: String
    private let localTag = "listener"
    private var dialog: (to: String, target: String)?

    /// A listener that will call the room `room` on the bridge at 127.0.0.1:`bridgePort`.
    init(bridgePort: Int, room: String) throws {
        signalling = try LoopbackUDPSocket(receiveTimeout: .milliseconds(100))
        media = try LoopbackUDPSocket(receiveTimeout: .milliseconds(100), receiveBufferBytes: 1 << 20)
        self.bridgePort = bridgePort
        user = BridgeUnderTest.directRoomPrefix + room
        callID = "calls-listener-\(getpid())@127.0.0.1"
    }

    /// Calls the room and acknowledges the bridge's `200`; the INVITE is sent again every 500 ms
    /// (Timer A, RFC 3261 §17.1.1.2) until it is answered or `timeout` passes.
    func join(timeout: Duration) throws {
        let invite = request("INVITE", uri: "sip:\(user)@127.0.0.1:\(bridgePort)", to: "<sip:\(user)@127.0.0.1:\(bridgePort)>", sequence: 1,
                             branch: "z9hG4bK-listener-invite", body: offer)
        let answer = try exchange(invite, method: "INVITE", timeout: timeout)
        guard let to = Self.header("To", in: answer) ?? Self.header("t", in: answer),
              let contact = Self.header("Contact", in: answer) ?? Self.header("m", in: answer),
              let open = contact.firstIndex(of: "<"), let close = contact.firstIndex(of: ">")
        else { throw CallError(description: "the bridge's 200 lacks To or Contact:\n\(answer)") }
        let target = String(contact[contact.index(after: open)..<close])
        dialog = (to, target)
        send(request("ACK", uri: target, to: to, sequence: 1, branch: "z9hG4bK-listener-ack", body: ""))
    }

    /// Receives the bridge's RTP for `duration`, timing each packet and looking for `toneFrequency`
    /// in its decoded frame.
    func listen(for duration: Duration, toneFrequency: Double) throws -> ListenerReport {
        let decoder = try G711Decoder.muLaw()
        let detector = GoertzelDetector(sampleRate: 8000)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 2048, alignment: 8)
        defer { buffer.deallocate() }
        var pcm = [Int16](repeating: 0, count: 2048)
        var packets = 0
        var longGaps = 0
        var longestGap = Duration.zero
        var framesWithTone = 0
        // What queued up while the room filled would arrive as one burst and count as on time.
        while recv(media.descriptor, buffer.baseAddress, buffer.count, Int32(MSG_DONTWAIT)) > 0 {}
        let start = ContinuousClock.now
        let end = start + duration
        var previous: ContinuousClock.Instant?
        while ContinuousClock.now < end {
            guard let (count, _) = media.receive(into: buffer) else { continue }
            let arrival = ContinuousClock.now
            guard let payload = Self.rtpPayload(in: UnsafeRawBufferPointer(rebasing: buffer[0..<count])) else { continue }
            packets += 1
            if let previous {
                let gap = arrival - previous
                if gap > .milliseconds(40) { longGaps += 1 }
                longestGap = max(longestGap, gap)
            }
            previous = arrival
            let samples = try payload.withMemoryRebound(to: UInt8.self) { bytes in
                try pcm.withUnsafeMutableBufferPointer { try decoder.decode(bytes, into: $0) }
            }
            if detector.relativePower(of: toneFrequency, in: Array(pcm[0..<samples])) >= 0.5 { framesWithTone += 1 }
        }
        return ListenerReport(
            packets: packets, elapsed: ContinuousClock.now - start, longGaps: longGaps, longestGap: longestGap,
            framesWithTone: framesWithTone)
    }

    /// Hangs up with BYE and waits up to two seconds for its answer.
    func leave() {
        guard let dialog else { return }
        let bye = request("BYE", uri: dialog.target, to: dialog.to, sequence: 2, branch: "z9hG4bK-listener-bye", body: "")
        _ = try? exchange(bye, method: "BYE", timeout: .seconds(2))
        self.dialog = nil
    }

    /// The listener's PCMU offer (RFC 3264 §5) naming its RTP socket.
    private var offer: String {
        [
            "v=0", "o=listener 1 1 IN IP4 127.0.0.1", "s=-", "c=IN IP4 127.0.0.1", "t=0 0",
            "m=audio \(media.port) RTP/AVP 0", "a=rtpmap:0 PCMU/8000", "",
        ].joined(separator: "\r\n")
    }

    private func request(_ method: String, uri: String, to: String, sequence: Int, branch: String, body: String) -> String {
        var lines = [
            "\(method) \(uri) SIP/2.0",
            "Via: SIP/2.0/UDP 127.0.0.1:\(signalling.port);branch=\(branch);rport",
            "Max-Forwards: 70",
            "From: <sip:listener@127.0.0.1:\(signalling.port)>;tag=\(localTag)",
            "To: \(to)",
            "Call-ID: \(callID)",
            "CSeq: \(sequence) \(method)",
            "Contact: <sip:listener@127.0.0.1:\(signalling.port)>",
        ]
        if !body.isEmpty { lines.append("Content-Type: application/sdp") }
        lines.append("Content-Length: \(body.utf8.count)")
        return lines.joined(separator: "\r\n") + "\r\n\r\n" + body
    }

    private func send(_ message: String) {
        signalling.send(Array(message.utf8), toPort: bridgePort)
    }

    /// Sends `message` every 500 ms until a final response to `method` arrives; returns a `200`,
    /// throws on any other final response or when `timeout` passes.
    private func exchange(_ message: String, method: String, timeout: Duration) throws -> String {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 65_536, alignment: 8)
        defer { buffer.deallocate() }
        let deadline = ContinuousClock.now + timeout
        var nextSend = ContinuousClock.now
        while ContinuousClock.now < deadline {
            if ContinuousClock.now >= nextSend {
                send(message)
                nextSend = ContinuousClock.now + .milliseconds(500)
            }
            guard let (count, _) = signalling.receive(into: buffer) else { continue }
            let text = String(decoding: buffer[0..<count], as: UTF8.self)
            guard text.hasPrefix("SIP/2.0 "), let cseq = Self.header("CSeq", in: text), cseq.hasSuffix(method) else { continue }
            let code = Int(text.dropFirst(8).prefix(3)) ?? 0
            if code < 200 { continue }
            guard code == 200 else { throw CallError(description: "the bridge answered \(method) with:\n\(text)") }
            return text
        }
        throw CallError(description: "no final answer to \(method) within \(timeout)")
    }

    /// The value of the first header `name` (case-insensitive, RFC 3261 §7.3.1) in `message`.
    private static func header(_ name: String, in message: String) -> String? {
        let prefix = name.lowercased() + ":"
        for line in message.split(separator: "\r\n") where line.lowercased().hasPrefix(prefix) {
            return line.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
        }
        return nil
    }

    /// The payload of an RTP packet (RFC 3550 §5.1: 12 bytes, the CSRC list, an extension if the
    /// X bit is set), or `nil` for anything too short to be one.
    private static func rtpPayload(in packet: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer? {
        guard packet.count > 12, packet[0] >> 6 == 2 else { return nil }
        var offset = 12 + Int(packet[0] & 0x0F) * 4
        if packet[0] & 0x10 != 0 {
            guard packet.count >= offset + 4 else { return nil }
            offset += 4 + (Int(packet[offset + 2]) << 8 | Int(packet[offset + 3])) * 4
        }
        guard packet.count > offset else { return nil }
        return UnsafeRawBufferPointer(rebasing: packet[offset...])
    }
}
