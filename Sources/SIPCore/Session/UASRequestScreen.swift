/// The checks a UAS makes before it processes a request (RFC 3261 §8.2.1–§8.2.3), giving the
/// rejection that applies first: 405/501 for the method, 416 for the Request-URI scheme, 420 for
/// an unsupported `Require`, 415 for a body it cannot read and 406 when it could not answer in a
/// type the client accepts.
public struct UASRequestScreen: Sendable {
    /// Methods this UAS implements; others get 501 (§8.2.1), or 405 when ``knownMethods`` has them.
    public var allowedMethods: [SIPMethod]
    /// Methods this UAS knows but does not allow here (answered 405 with Allow, §8.2.1).
    public var knownMethods: [SIPMethod]
    /// Option tags this UAS supports (§8.2.2.3, §19.2).
    public var supportedExtensions: [String]
    /// Body types this UAS reads, per method; a method not listed takes any body (e.g. MESSAGE relays bodies).
    public var acceptedBodyTypes: [SIPMethod: [String]]
    /// The body type this UAS answers with, per method, checked against the request's Accept (§8.2.3, §20.1).
    public var answerBodyTypes: [SIPMethod: String]

    /// Creates a screen.
    public init(
        allowedMethods: [SIPMethod], knownMethods: [SIPMethod] = [], supportedExtensions: [String] = [],
        acceptedBodyTypes: [SIPMethod: [String]] = [:], answerBodyTypes: [SIPMethod: String] = [:]
    ) {
        self.allowedMethods = allowedMethods
        self.knownMethods = knownMethods
        self.supportedExtensions = supportedExtensions
        self.acceptedBodyTypes = acceptedBodyTypes
        self.answerBodyTypes = answerBodyTypes
    }

    /// The rejection for `request`, or `nil` when it may be processed.
    public func rejection(for request: SIPMessage) -> UASRejection? {
        guard let uri = request.requestURI else { return nil }
        let method = request.method
        let allow = SIPHeaderField(name: "Allow", value: allowedMethods.map(\.rawValue).joined(separator: ", "))
        if !allowedMethods.contains(method) {
            let status = knownMethods.contains(method) ? 405 : 501
            return UASRejection(statusCode: status, headers: [allow])
        }
        guard method != .ack else { return nil }
        if !uri.isSIP {
            return UASRejection(statusCode: 416, headers: [])
        }
        if method != .cancel {
            let unsupported = request.headers.splitValues(.require).filter { tag in
                !supportedExtensions.contains { $0.caseInsensitiveEquals(tag) }
            }
            if !unsupported.isEmpty {
                let header = SIPHeaderField(name: "Unsupported", value: unsupported.joined(separator: ", "))
                return UASRejection(statusCode: 420, headers: [header])
            }
        }
        if !request.body.isEmpty, let accepted = acceptedBodyTypes[method] {
            let type = request.contentType.map(Self.mediaType) ?? ""
            if !accepted.contains(where: { $0.caseInsensitiveEquals(type) }) {
                let header = SIPHeaderField(name: "Accept", value: accepted.joined(separator: ", "))
                return UASRejection(statusCode: 415, headers: [header])
            }
        }
        if let answerType = answerBodyTypes[method], request.headers.count(of: .accept) > 0,
           !Self.accepts(request.headers.splitValues(.accept), answerType) {
            let warning = SIPHeaderField(name: "Warning", value: "399 parley \"Only \(answerType) can be answered\"")
            return UASRejection(statusCode: 406, headers: [warning])
        }
        return nil
    }

    /// `type/subtype` of a Content-Type or Accept value, without parameters, in lower case.
    private static func mediaType(_ value: String) -> String {
        value.prefix { $0 != ";" }.trimmingSIPWhitespace().lowercased()
    }

    private static func accepts(_ ranges: [String], _ type: String) -> Bool {
        let major = type.prefix { $0 != "/" }
        return ranges.map(mediaType).contains { range in
            range == type || range == "*/*" || range == "\(major)/*"
        }
    }
}
