/// How an IM room's address and a room's name name the same ``Room``: by default `chat-4242@domain`
/// is room `4242` (DESIGN.md: the mapping is explicit, so that a voice room and an IM room can be
/// one room).
///
/// The IM side follows Kamailio imc's conventions: the prefix is what the routing script matches
/// room users with (`$rU =~ "^chat-"`), and user and domain compare ignoring ASCII case, as
/// ``IMAddress`` does. The room name is the rest of the user part, kept as written.
public struct IMRoomNameMapping: Sendable, Hashable {
    /// What every mapped IM room's user part starts with, e.g. `chat-`.
    public let prefix: String
    /// The domain of every mapped IM room.
    public let domain: String

    /// Creates the mapping `<prefix><name>@<domain>` ↔ `<name>`.
    /// - Parameters:
    ///   - prefix: what a mapped IM room's user part starts with; `chat-` as in Kamailio's examples.
    ///   - domain: the IM rooms' domain.
    public init(prefix: String = "chat-", domain: String) {
        self.prefix = prefix
        self.domain = domain
    }

    /// The IM room of the room named `name`, or `nil` for an empty name (no IM room maps to it).
    public func imRoom(forRoom name: String) -> IMAddress? {
        guard !name.isEmpty else { return nil }
        return IMAddress(user: prefix + name, domain: domain)
    }

    /// The name of the room `address` stands for, or `nil` when the address does not follow the
    /// pattern: another domain, a user part without the prefix, or nothing after the prefix.
    public func roomName(for address: IMAddress) -> String? {
        guard address.domain.lowercased() == domain.lowercased() else { return nil }
        // Character by character, so the name starts right after what matched (lower-casing a
        // whole user part may change its length).
        let user = Array(address.user)
        let prefixCharacters = Array(prefix)
        guard user.count > prefixCharacters.count,
              zip(user, prefixCharacters).allSatisfy({ $0.lowercased() == $1.lowercased() })
        else { return nil }
        return String(user.dropFirst(prefixCharacters.count))
    }
}
