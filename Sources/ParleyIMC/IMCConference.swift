import ConferenceModel
import IMCCommands

/// The rooms of one `parley-imc`, changed one message at a time and written through to the
/// store before a change is acknowledged (Kamailio saves only at shutdown; Parley loses nothing).
///
/// A message's changes are made on a copy and kept only once the store has them, and the next
/// message waits until then (an actor alone would let it in while the store write is awaited), so
/// memory and store never disagree and are written in the same order.
actor IMCConference {
    private var manager: IMCRoomManager
    private let store: any IMCStore
    private var isBusy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(configuration: IMCConfiguration, store: any IMCStore) async throws {
        self.store = store
        manager = IMCRoomManager(configuration: configuration, rooms: try await store.loadRooms())
    }

    /// Runs one MESSAGE through the room logic and stores its changes.
    func handle(_ message: IncomingIMMessage) async throws -> IMCOutcome {
        try await change { $0.handle(message) }
    }

    /// An invitation got a final failure: the invitee leaves the room (Kamailio `imc_inv_callback`).
    func invitationFailed(_ invitation: IMCInvitation, status: Int) async throws -> IMCOutcome {
        try await change { $0.invitationFailed(room: invitation.room, invitee: invitation.invitee, status: status) }
    }

    /// A copy of the rooms for the RPC methods.
    func snapshot() -> IMCRoomManager { manager }

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
