import SIPCore

/// What a user agent can see of one MESSAGE an IM conferencing server sent it: the fields a client
/// shows or acts on (specs/imc.md §7), without what differs on every run (tags, Call-ID, Via,
/// User-Agent).
struct KamailioComparisonDelivery: CustomStringConvertible {
    let from: String
    let to: String
    let body: String
    let contentType: String?
    let supported: String?
    /// Which of the agents' requests `In-Reply-To` names, as `user-sequence` (the random tail of
    /// the Call-ID dropped), or `nil` when the header is missing; imc.md §7 says every message a
    /// request triggers carries that request's Call-ID.
    let inReplyTo: String?

    init(_ message: SIPMessage) {
        from = message.from.uri.description
        to = message.to.uri.description
        body = String(decoding: message.body, as: UTF8.self)
        contentType = message.contentType
        supported = message.headers["Supported"]
        // TestUserAgent's Call-IDs are `user-sequence-random`: the same script gives the same prefix.
        inReplyTo = message.headers["In-Reply-To"].map { callID in
            callID.split(separator: "-").dropLast().joined(separator: "-")
        }
    }

    var description: String {
        "From \(from) To \(to) Content-Type \(contentType ?? "none") Supported \(supported ?? "none") "
            + "In-Reply-To \(inReplyTo ?? "none") body \(body.debugDescription)"
    }
}
