import Testing

/// The transport a SIPp run uses, as its `-t` option spells it: one socket for all calls, so a
/// TCP run is one connection the echo server must keep serving.
enum SIPpTransport: String, CaseIterable, CustomTestStringConvertible {
    case udp = "u1"
    case tcp = "t1"

    var testDescription: String { self == .udp ? "UDP" : "TCP" }
}
