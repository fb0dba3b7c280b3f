/// The settings of the IM conferencing manager, named after Kamailio imc's module parameters
/// (spec §12) and defaulting to the same values.
///
/// The room URI pattern (which Request-URIs reach the manager) is not here: routing belongs to
/// the executable, as it belongs to Kamailio's routing script.
public struct IMCConfiguration: Sendable, Hashable {
    /// `imc_cmd_start_char`: its first byte marks a body as a command; the whole string is quoted in
    /// the invitation and invalid-command texts (spec §2, §8).
    public let commandStart: String
    /// `create_on_join`: `#join` of a missing room creates it (default on).
    public let createsRoomOnJoin: Bool
    /// `check_on_create`: `#create` of an existing room answers `*** Room already exists` (default off).
    public let checksOnCreate: Bool
    /// `hash_size`: the room table has `2^hashSizeExponent` buckets; this decides the order of
    /// `#rooms` and `imc.list_rooms` (spec §3.4). Default 4, sixteen buckets.
    public let hashSizeExponent: Int
    /// Kamailio's `IMC_BUF_SIZE`: every generated body must be shorter than this many bytes, the
    /// `[user]: ` prefix of a relayed message included (spec §5). Default 32768.
    public let bodyBufferSize: Int
    /// Whether `#help` lists `#modify` as Kamailio 5.7+ does. Off by default, so the help text is
    /// byte for byte the one Kamailio 5.6 sends (spec §4 #help).
    public let helpListsModify: Bool

    /// Creates a configuration, refusing values Kamailio refuses or that leave no marker.
    public init(
        commandStart: String = "#", createsRoomOnJoin: Bool = true, checksOnCreate: Bool = false,
        hashSizeExponent: Int = 4, bodyBufferSize: Int = 32768, helpListsModify: Bool = false
    ) throws(IMCConfigurationError) {
        guard !commandStart.utf8.isEmpty else { throw IMCConfigurationError(.emptyCommandStart) }
        guard (1...24).contains(hashSizeExponent) else { throw IMCConfigurationError(.hashSizeOutOfRange) }
        guard bodyBufferSize >= 1024 else { throw IMCConfigurationError(.bodyBufferTooSmall) }
        self.init(
            validatedCommandStart: commandStart, createsRoomOnJoin: createsRoomOnJoin,
            checksOnCreate: checksOnCreate, hashSizeExponent: hashSizeExponent,
            bodyBufferSize: bodyBufferSize, helpListsModify: helpListsModify
        )
    }

    private init(
        validatedCommandStart commandStart: String, createsRoomOnJoin: Bool, checksOnCreate: Bool,
        hashSizeExponent: Int, bodyBufferSize: Int, helpListsModify: Bool
    ) {
        self.commandStart = commandStart
        self.createsRoomOnJoin = createsRoomOnJoin
        self.checksOnCreate = checksOnCreate
        self.hashSizeExponent = hashSizeExponent
        self.bodyBufferSize = bodyBufferSize
        self.helpListsModify = helpListsModify
    }

    /// Kamailio's defaults: `#`, create on join, no check on create, 16 buckets, 32 KiB bodies.
    public static let kamailioDefaults = IMCConfiguration(
        validatedCommandStart: "#", createsRoomOnJoin: true, checksOnCreate: false, hashSizeExponent: 4,
        bodyBufferSize: 32768, helpListsModify: false
    )

    /// The byte that marks a command: the first byte of ``commandStart``.
    public var commandMarker: UInt8 { commandStart.utf8.first ?? UInt8(ascii: "#") }

    /// The number of room buckets, `2^hashSizeExponent`.
    public var bucketCount: Int { 1 << hashSizeExponent }
}
