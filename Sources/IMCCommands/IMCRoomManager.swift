import ConferenceModel

/// The IM conferencing manager: Kamailio imc's rooms and command language, sans I/O.
///
/// Feed it every MESSAGE the router sends to the manager or a room with ``handle(_:)``, and the
/// final reply of every invitation that failed with ``invitationFailed(room:invitee:status:)``.
/// Each returns an ``IMCOutcome``: the return code Kamailio 5.6's `imc_manager()` gives, the
/// MESSAGEs to send in Kamailio's order, and the changes to write through to an `IMCStore`.
///
/// Rooms are kept in Kamailio's hash table order (``CoreCaseHash``, newest first within a bucket)
/// so that `#rooms` and `imc.list_rooms` list them as Kamailio does, and members in Kamailio's list
/// order (the first at the head, each later one right after it).
///
/// Where Parley departs from Kamailio 5.6, it fixes a bug the spec names; see the catalog article.
public struct IMCRoomManager: Sendable {
    /// The settings in force.
    public let configuration: IMCConfiguration
    /// Rooms by address (matched ignoring ASCII case).
    private var roomsByAddress: [IMAddress: IMRoom] = [:]
    /// Room addresses per hash bucket, newest first (`imc_add_room` prepends).
    private var buckets: [[IMAddress]]

    /// Creates a manager holding `rooms`, as a store loaded them.
    ///
    /// Rooms are added in array order, each at the front of its bucket, as Kamailio's loader adds
    /// rows. A room without members is kept and loading goes on (Kamailio 5.6 stops at it and
    /// loses the rest, B6). A second room with the address of an earlier one is ignored.
    public init(configuration: IMCConfiguration = .kamailioDefaults, rooms: [IMRoom] = []) {
        self.configuration = configuration
        buckets = Array(repeating: [], count: configuration.bucketCount)
        for room in rooms where roomsByAddress[room.address] == nil {
            insertRoom(room)
        }
    }

    /// Handles one MESSAGE routed to the manager or a room (Kamailio `imc_manager()`, spec §1).
    ///
    /// A body starting with the command marker is a command; any other body is relayed to the
    /// room named by the Request-URI.
    public mutating func handle(_ message: IncomingIMMessage) -> IMCOutcome {
        guard let first = message.body.first else { return IMCOutcome(returnCode: .invalidRequest) }
        guard first == configuration.commandMarker else { return relay(message) }
        let command: IMCCommand
        do {
            command = try IMCCommand(parsing: message.body)
        } catch {
            return IMCOutcome(returnCode: .commandParseFailed)
        }
        return execute(command, for: message)
    }

    /// Runs a parsed command sent in `message`.
    public mutating func execute(_ command: IMCCommand, for message: IncomingIMMessage) -> IMCOutcome {
        switch command.name {
        case .create: create(command, message)
        case .join: join(command, message)
        case .invite: invite(command, message)
        case .add: add(command, message)
        case .accept: accept(command, message)
        case .reject: reject(command, message)
        case .remove: remove(command, message)
        case .leave: leave(command, message)
        case .members: listMembers(command, message)
        case .rooms: listRooms(message)
        case .destroy: destroy(command, message)
        case .modify: modify(command, message)
        case .help: help(message)
        case .unknown: answerUnknown(command, message)
        }
    }

    /// Reports the final reply to an invitation (Kamailio `imc_inv_callback`, spec §4 `#invite`).
    ///
    /// Below 300 nothing happens. From 300 on, the invitee is removed from the room whatever its
    /// state by then, as Kamailio does, and told `<user>@<host> is not registered. ` from the room
    /// with only the extra headers (B2, kept: it is what clients see). Unlike Kamailio 5.7+, the
    /// removal is written through (B8).
    public mutating func invitationFailed(room: IMAddress, invitee: IMAddress, status: Int) -> IMCOutcome {
        guard status >= 300, var stored = roomsByAddress[room], let index = stored.memberIndex(of: invitee) else {
            return IMCOutcome(returnCode: .success)
        }
        let member = stored.members.remove(at: index)
        roomsByAddress[room] = stored
        let notice = OutgoingIMMessage(
            from: stored.address.uri, to: member.address.uri, body: Array(IMCText.notRegistered(member.address.uri).utf8),
            inReplyTo: nil, headerStyle: .extraHeadersOnly
        )
        return IMCOutcome(
            returnCode: .success, outgoing: [notice],
            changes: [.memberRemoved(room: stored.address, member: member.address)]
        )
    }

    // MARK: - Rooms

    /// The room with this address, if any.
    public func room(_ address: IMAddress) -> IMRoom? {
        roomsByAddress[address]
    }

    /// Every room in `#rooms` order: bucket 0 to the last, newest first within a bucket.
    public var roomsInListOrder: [IMRoom] {
        buckets.flatMap { $0.compactMap { roomsByAddress[$0] } }
    }

    /// The number of rooms, for the `imc:active_rooms` statistic (which Kamailio never updates
    /// and always reports as 0, B15; Parley reports the truth).
    public var activeRoomCount: Int { roomsByAddress.count }

    mutating func insertRoom(_ room: IMRoom) {
        roomsByAddress[room.address] = room
        buckets[bucket(of: room.address)].insert(room.address, at: 0)
    }

    mutating func updateRoom(_ room: IMRoom) {
        roomsByAddress[room.address] = room
    }

    /// Adds `member` at Kamailio's list position and tells the room, the new member included,
    /// `*** <name> has joined the room` (spec §4 #create, #join, #add).
    mutating func addMember(
        _ member: IMMember, to room: IMRoom, announcedAs name: String, for message: IncomingIMMessage
    ) -> IMCOutcome {
        var room = room
        room.insertInListOrder(member)
        updateRoom(room)
        return IMCOutcome(
            returnCode: .success, outgoing: broadcast(IMCText.joined(name), in: room, for: message),
            changes: [.memberAdded(room: room.address, member: member)]
        )
    }

    mutating func removeRoom(_ address: IMAddress) {
        roomsByAddress[address] = nil
        buckets[bucket(of: address)].removeAll { $0 == address }
    }

    private func bucket(of address: IMAddress) -> Int {
        CoreCaseHash.bucket(name: address.user, domain: address.domain, exponent: configuration.hashSizeExponent)
    }

    // MARK: - Building blocks shared by the commands

    /// The room a command names: its argument, or the Request-URI user (spec §3.1).
    func roomAddress(_ argument: String?, _ message: IncomingIMMessage) -> IMAddress? {
        IMCArgumentURI.address(from: argument ?? message.requestURI.user, requestHost: message.requestURI.host)
    }

    /// A user a command names (spec §3.1).
    func userAddress(_ argument: String, _ message: IncomingIMMessage) -> IMAddress? {
        IMCArgumentURI.address(from: argument, requestHost: message.requestURI.host)
    }

    /// One MESSAGE with imc's standard headers, replying to `message`.
    func send(_ text: String, from: String, to: String, for message: IncomingIMMessage) -> OutgoingIMMessage {
        OutgoingIMMessage(from: from, to: to, body: Array(text.utf8), inReplyTo: message.callID)
    }

    /// A reply addressed from the Request-URI verbatim to the From URI verbatim (spec §7 table).
    func replyToSender(_ text: String, for message: IncomingIMMessage) -> OutgoingIMMessage {
        send(text, from: message.requestURI.text, to: message.fromURI.text, for: message)
    }

    /// `imc_room_broadcast`: one MESSAGE from the room to each member in list order, skipping
    /// invited members and `skipping` (the sender of a relayed message), spec §6.
    func broadcast(
        _ body: [UInt8], in room: IMRoom, skipping: IMAddress? = nil, for message: IncomingIMMessage
    ) -> [OutgoingIMMessage] {
        room.activeMembers.filter { skipping == nil || $0.address != skipping }.map {
            OutgoingIMMessage(from: room.address.uri, to: $0.address.uri, body: body, inReplyTo: message.callID)
        }
    }

    /// ``broadcast(_:in:skipping:for:)`` of a text.
    func broadcast(_ text: String, in room: IMRoom, for message: IncomingIMMessage) -> [OutgoingIMMessage] {
        broadcast(Array(text.utf8), in: room, for: message)
    }
}
