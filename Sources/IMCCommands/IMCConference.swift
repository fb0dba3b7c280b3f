import ConferenceModel

/// The IM rooms of one server, changed one message at a time and written through to the store
/// before a change is acknowledged (Kamailio saves only at shutdown; Parley loses nothing).
///
/// A message's changes are made on a copy and kept only once the store has them, and the next
/// message waits until then (an actor alone would let it in while the store write is awaited), so
/// memory and store never disagree and are written in the same order.
///
/// With a `RoomEventHub`, every stored change is also published there as a `RoomEvent.im`, in
/// the order it was stored, under the room name the `IMRoomNameMapping` gives its IM room. A
/// change to an IM room outside the mapping (or with no mapping) goes out under the IM room's own
/// URI text, e.g. `sip:team@imc.test`.
public actor IMCConference {
    private var manager: IMCRoomManager
    private let store: any IMCStore
    private let eventHub: RoomEventHub?
    private let roomNames: IMRoomNameMapping?
    private var isBusy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// Loads the rooms `store` keeps and holds them under `configuration`.
    /// - Parameters:
    ///   - configuration: imc's settings.
    ///   - store: where the rooms come from and every change is written through.
    ///   - eventHub: where stored changes are published; `nil` publishes nothing.
    ///   - roomNames: which room an IM room stands for in the events; `nil` names every room by its URI.
    /// - Throws: what the store throws while loading.
    public init(
        configuration: IMCConfiguration, store: any IMCStore, eventHub: RoomEventHub? = nil,
        roomNames: IMRoomNameMapping? = nil
    ) async throws {
        self.store = store
        self.eventHub = eventHub
        self.roomNames = roomNames
        manager = IMCRoomManager(configuration: configuration, rooms: try await store.loadRooms())
    }

    /// Runs one MESSAGE through the room logic and stores its changes before returning.
    ///
    /// - Throws: what the store throws; the rooms are then as they were before the message.
    public func handle(_ message: IncomingIMMessage) async throws -> IMCOutcome {
        try await change { $0.handle(message) }
    }

    /// An invitation got a final failure: the invitee leaves the room (Kamailio `imc_inv_callback`).
    ///
    /// - Throws: what the store throws; the rooms are then as they were before.
    public func invitationFailed(_ invitation: IMCInvitation, status: Int) async throws -> IMCOutcome {
        try await change { $0.invitationFailed(room: invitation.room, invitee: invitation.invitee, status: status) }
    }

    /// A copy of the rooms, for the control interface's listings.
    public func snapshot() -> IMCRoomManager { manager }

    private func change(_ body: (inout IMCRoomManager) -> IMCOutcome) async throws -> IMCOutcome {
        if isBusy {
            await withCheckedContinuation { waiting.append($0) }
        }
        isBusy = true
        defer { handOver() }
        var next = manager
        let outcome = body(&next)
        if !outcome.changes.isEmpty { try await store.apply(outcome.changes) }
        manager = next
        // Still inside the gate, so the hub gets the changes in the order the store did.
        eventHub?.publish(outcome.changes.map { RoomEvent(imChange: $0, roomNames: roomNames) })
        return outcome
    }

    /// Lets the next waiting message in, or marks the rooms free.
    private func handOver() {
        if waiting.isEmpty {
            isBusy = false
        } else {
            waiting.removeFirst().resume()
        }
    }
}
