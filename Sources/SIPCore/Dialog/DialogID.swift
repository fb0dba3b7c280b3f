/// The identifier of a dialog: Call-ID, local tag and remote tag (RFC 3261 §12).
///
/// The identifier is always seen from this user agent's side, so the same dialog has mirrored
/// identifiers at its two ends: what is the local tag here is the remote tag at the peer.
/// Call-IDs and tags are compared exactly, as opaque tokens (RFC 3261 §19.3, §20.8).
public struct DialogID: Sendable, Hashable, CustomStringConvertible {
    /// The Call-ID shared by every message of the dialog.
    public var callID: String
    /// The tag this user agent chose: the From tag of its requests as a UAC, the To tag of its
    /// responses as a UAS.
    public var localTag: String
    /// The tag the peer chose; `nil` when an RFC 2543 peer sent none (RFC 3261 §12.1.1, §12.1.2
    /// allow a null remote tag for backwards compatibility).
    public var remoteTag: String?

    /// Creates a dialog identifier from its three parts.
    public init(callID: String, localTag: String, remoteTag: String?) {
        self.callID = callID
        self.localTag = localTag
        self.remoteTag = remoteTag
    }

    /// The identifier of the dialog an incoming request belongs to, computed as a UAS does
    /// (RFC 3261 §12.2.2): local tag = To tag, remote tag = From tag.
    ///
    /// Returns `nil` when the request's To has no tag: such a request is outside any dialog.
    public init?(incomingRequest request: SIPMessage) {
        guard let localTag = request.to.tag else { return nil }
        self.init(callID: request.callID, localTag: localTag, remoteTag: request.from.tag)
    }

    /// The identifier of the dialog a response to this UA's request belongs to, computed as a UAC
    /// does (RFC 3261 §12.1.2): local tag = From tag, remote tag = To tag.
    ///
    /// Returns `nil` when From has no tag, which a request of this UA always carries (§8.1.1.3).
    public init?(incomingResponse response: SIPMessage) {
        guard let localTag = response.from.tag else { return nil }
        self.init(callID: response.callID, localTag: localTag, remoteTag: response.to.tag)
    }

    /// `call-id;local=…;remote=…`, for logs.
    public var description: String {
        "\(callID);local=\(localTag);remote=\(remoteTag ?? "")"
    }
}
