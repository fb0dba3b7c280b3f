extension SIPEndpoint {
    /// Sends a request and answers one 401 or 407 challenge with digest credentials (RFC 3261 §22.2).
    ///
    /// The retry is the same request with the next CSeq number, a new Via branch and the
    /// Authorization or Proxy-Authorization fields the challenge asks for. A second challenge is
    /// not answered: the caller gets it as the final response, and the credentials are wrong.
    /// - Parameter realm: the realm the credentials are for; `""` answers any realm, as SEMS does.
    public func send(
        _ request: SIPMessage, to destination: SIPTransportAddress, username: String, password: String,
        realm: String = "", provisional: (@Sendable (SIPMessage) -> Void)? = nil
    ) async throws -> SIPMessage {
        let response = try await send(request, to: destination, provisional: provisional)
        let kind: DigestAuthenticationKind
        switch response.statusCode {
        case 401: kind = .userToUser
        case 407: kind = .proxyToUser
        default: return response
        }
        var client = DigestClient(username: username, password: password, realm: realm)
        let challenges = response.headers.values(SIPHeaderName(kind.challengeHeaderName))
        guard let uri = request.requestURI,
              let credentials = try? client.respond(
                to: challenges, kind: kind, method: request.method.rawValue, uri: uri.description, body: request.body)
        else { return response }
        var retry = request
        for field in credentials { retry.appendHeader(SIPHeaderName(field.name), field.value) }
        retry.cseq.sequenceNumber += 1
        retry.topVia?.branch = SIPIdentifiers.branch()
        return try await send(retry, to: destination, provisional: provisional)
    }
}
