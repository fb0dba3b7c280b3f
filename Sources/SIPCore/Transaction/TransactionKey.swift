/// What identifies a transaction, so that a message finds the transaction it belongs to
/// (RFC 3261 §17.1.3 for client transactions, §17.2.3 for server transactions).
///
/// Client and server keys never compare equal, so one key type serves both tables without mixing them.
public struct TransactionKey: Sendable, Hashable, CustomStringConvertible {
    /// The matching data a key is built from.
    private enum Identity: Sendable, Hashable {
        /// A client key (branch only, §17.1.3) or an RFC 3261 server key (branch and sent-by, §17.2.3).
        case branch(String, sentBy: String?)
        /// An RFC 2543 server key (§17.2.3): the request's own fields, because its branch is no
        /// transaction identifier. The To tag is left out so that the ACK, whose To carries the tag
        /// of the response, finds its INVITE; two requests differing only in the To tag are merged
        /// requests, which a UAS answers with 482 (§8.2.2.2) before any transaction matters.
        case rfc2543(requestURI: String, fromTag: String, callID: String, sequenceNumber: UInt32, topVia: String)
    }

    private let identity: Identity
    /// The method of the transaction: INVITE for the ACK of a non-2xx final response (§17.2.3).
    public let method: SIPMethod

    private init(identity: Identity, method: SIPMethod) {
        self.identity = identity
        self.method = method
    }

    /// The client transaction a message belongs to: its top Via branch and CSeq method (§17.1.3).
    ///
    /// For a response this finds the transaction that sent the request; for a request it is the key of
    /// the client transaction that sends it. `nil` when the top Via has no branch. The CSeq method
    /// keeps a CANCEL's responses apart from the INVITE's, which share the branch (§9.1).
    public static func client(for message: SIPMessage) -> TransactionKey? {
        guard let branch = message.topVia?.branch else { return nil }
        return TransactionKey(identity: .branch(branch, sentBy: nil), method: message.cseq.method)
    }

    /// The server transaction a request belongs to (§17.2.3); `nil` for a response.
    ///
    /// With an RFC 3261 branch (the magic cookie and something after it; a bare `z9hG4bK` is no such
    /// branch, RFC 4475 §3.2.1) the key is branch, sent-by and method. Otherwise the RFC 2543 rules
    /// apply: Request-URI, From tag, Call-ID, CSeq number, top Via and method. An ACK maps to the
    /// INVITE's transaction; a CANCEL has its own (use ``serverForCancel(_:)`` for its INVITE).
    public static func server(for request: SIPMessage) -> TransactionKey? {
        guard let requestURI = request.requestURI else { return nil }
        let method = request.method == .ack ? SIPMethod.invite : request.method
        if let via = request.topVia, via.hasRFC3261Branch, let branch = via.branch {
            // sent-by compares as a host does: case-insensitively (RFC 3261 §19.1.4).
            return TransactionKey(identity: .branch(branch, sentBy: via.sentBy.lowercased()), method: method)
        }
        let identity = Identity.rfc2543(
            requestURI: requestURI.description, fromTag: request.from.tag ?? "", callID: request.callID,
            sequenceNumber: request.cseq.sequenceNumber, topVia: request.topVia?.description ?? "")
        return TransactionKey(identity: identity, method: method)
    }

    /// The INVITE server transaction that a CANCEL targets: the CANCEL's own server key with the
    /// method INVITE (RFC 3261 §9.2). `nil` when `cancel` is not a CANCEL request.
    public static func serverForCancel(_ cancel: SIPMessage) -> TransactionKey? {
        guard cancel.isRequest, cancel.method == .cancel, let key = server(for: cancel) else { return nil }
        return TransactionKey(identity: key.identity, method: .invite)
    }

    /// Hashes the part that tells transactions apart on its own — the branch, unique per request
    /// (RFC 3261 §8.1.1.7), or the Call-ID and CSeq number for RFC 2543 peers — rather than every
    /// string; equality still compares the whole key.
    public func hash(into hasher: inout Hasher) {
        switch identity {
        case .branch(let branch, _):
            hasher.combine(branch)
        case .rfc2543(_, _, let callID, let sequenceNumber, _):
            hasher.combine(callID)
            hasher.combine(sequenceNumber)
        }
    }

    /// The key as text, for logs.
    public var description: String {
        switch identity {
        case .branch(let branch, sentBy: nil):
            return "client|\(branch)|\(method.rawValue)"
        case .branch(let branch, sentBy: let sentBy?):
            return "server|\(branch)|\(sentBy)|\(method.rawValue)"
        case .rfc2543(let requestURI, let fromTag, let callID, let sequenceNumber, let topVia):
            return "server|rfc2543|\(requestURI)|\(fromTag)|\(callID)|\(sequenceNumber)|\(topVia)|\(method.rawValue)"
        }
    }
}

extension TransactionKey {
    /// The client key of a response whose top Via branch and CSeq method were read without a
    /// full parse: equal to ``client(for:)`` of that response (§17.1.3).
    static func client(branch: String, method: SIPMethod) -> TransactionKey {
        TransactionKey(identity: .branch(branch, sentBy: nil), method: method)
    }
}
