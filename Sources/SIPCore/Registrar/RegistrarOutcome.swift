/// What ``Registrar`` made of one REGISTER: the final response it calls for (RFC 3261 §10.3).
///
/// A value rather than a ready message so that callers can also act on the meaning (log a rejection,
/// publish the new bindings); ``response(to:toTag:)`` renders it as the SIP response to send.
public enum RegistrarOutcome: Sendable, Hashable {
    /// 200 OK listing every current binding of the record, each Contact with `;expires=` set to its
    /// remaining seconds (§10.3 step 8). Also the answer to a query (a REGISTER without Contact) and
    /// to a removal that leaves no binding (an empty list).
    case ok(addressOfRecord: AddressOfRecord, contacts: [SIPNameAddress])
    /// 400 Bad Request, with a reason phrase naming the fault: a To that is not a SIP or SIPS URI
    /// (§10.3 step 5, RFC 4475 §3.3.4), a misused `Contact: *` (§10.3 step 6), or an unreadable
    /// Expires, `expires` or `q` value.
    case badRequest(reason: String)
    /// 403 Forbidden: the authenticated user may not modify this record (§10.3 step 4).
    case forbidden
    /// 404 Not Found: the Request-URI's domain (§10.3 step 1) or the record's domain (§10.3 step 5) is
    /// not one this registrar serves.
    case notFound
    /// 420 Bad Extension with an Unsupported header listing the option tags (§10.3 step 2, §8.2.2.3).
    case badExtension(unsupported: [String])
    /// 423 Interval Too Brief with a Min-Expires header (§10.3 step 7, §20.23).
    case intervalTooBrief(minimumExpires: Int)
    /// 500: a Contact matched a binding written under the same Call-ID with an equal or higher CSeq —
    /// a delayed or replayed REGISTER. §10.3 step 7 says "the update MUST be aborted and the request
    /// fails" without naming a code; 500 is what registrars customarily send, and nothing was changed.
    case outOfOrder
    /// 503 "Too Many Registered Contacts": the request would take the record past
    /// ``Registrar/Configuration/maximumContactsPerAddressOfRecord`` (Kamailio's `max_contacts` answer).
    case tooManyContacts(maximum: Int)

    /// The status code of the response.
    public var statusCode: Int {
        switch self {
        case .ok: 200
        case .badRequest: 400
        case .forbidden: 403
        case .notFound: 404
        case .badExtension: 420
        case .intervalTooBrief: 423
        case .outOfOrder: 500
        case .tooManyContacts: 503
        }
    }

    /// The reason phrase of the response: the fault itself where the standard phrase would hide it.
    public var reasonPhrase: String {
        switch self {
        case .badRequest(let reason): reason
        case .notFound: "Domain Not Served"
        case .outOfOrder: "Out Of Order REGISTER"
        case .tooManyContacts: "Too Many Registered Contacts"
        default: SIPStatus.reasonPhrase(for: statusCode)
        }
    }

    /// The header fields the response carries besides those copied from the request.
    public var headerFields: [SIPHeaderField] {
        switch self {
        case .ok(_, let contacts):
            contacts.map { SIPHeaderField(name: SIPHeaderName.contact.rawValue, value: $0.description) }
        case .badExtension(let unsupported):
            [SIPHeaderField(name: SIPHeaderName.unsupported.rawValue, value: unsupported.joined(separator: ", "))]
        case .intervalTooBrief(let minimumExpires):
            [SIPHeaderField(name: SIPHeaderName.minExpires.rawValue, value: String(minimumExpires))]
        case .badRequest, .forbidden, .notFound, .outOfOrder, .tooManyContacts:
            []
        }
    }

    /// The response to `request`: Via, From, To, Call-ID and CSeq copied (RFC 3261 §8.2.6.2), this
    /// outcome's status and header fields, and `toTag` added to To when the request had none — the
    /// caller picks the tag (§19.3 wants it random) so the registrar itself stays deterministic.
    public func response(to request: SIPMessage, toTag: String) -> SIPMessage {
        var response = SIPMessage(
            responseTo: request, statusCode: statusCode, reasonPhrase: reasonPhrase, headers: headerFields)
        if response.to.tag == nil { response.to.tag = toTag }
        return response
    }
}
