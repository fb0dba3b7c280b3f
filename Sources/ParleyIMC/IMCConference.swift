import ConferenceModel
import IMCCommands

/// The rooms of one `parley-imc`, changed one message at a time and written through to the
/// store before a change is acknowledged (Kamailio saves only at shutdown; Parley loses nothing).
actor IMCConference {
    private var manager: IMCRoomManager
    private let store: any IMCStore

    init(configuration: IMCConfiguration, store: any IMCStore) async throws {
        self.store = store
        manager = IMCRoomManager(configuration: configuration, rooms: try await store.loadRooms())
    }

    /// Runs one MESSAGE through the room logic and stores its changes.
    func handle(_ message: IncomingIMMessage) async throws -> IMCOutcome {
        let outcome = manager.handle(message)
        try await persist(outcome)
        return outcome
    }

    /// An invitation got a final failure: the invitee leaves the room (Kamailio `imc_inv_callback`).
    func invitationFailed(_ invitation: IMCInvitation, status: Int) async throws -> IMCOutcome {
        let outcome = manager.invitationFailed(room: invitation.room, invitee: invitation.invitee, status: status)
        try await persist(outcome)
        return outcome
    }

    /// A copy of the rooms for the RPC methods.
    func snapshot() -> IMCRoomManager { manager }

    private func persist(_ outcome: IMCOutcome) async throws {
        guard !outcome.changes.isEmpty else { return }
        try await store.apply(outcome.changes)
    }
}
