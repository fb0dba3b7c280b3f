import ConferenceModel

/// A ``ConferenceCallControl`` that records what the control API asks of it, and can be told to
/// refuse dial-outs.
actor RecordingCallControl: ConferenceCallControl {
    /// One request, as asked.
    enum Request: Sendable, Hashable {
        case place(DialOutRequest)
        case hangUp(callTag: String, room: String)
        case mute(Bool, callTag: String, room: String)
    }

    struct Refused: Error {}

    private(set) var requests: [Request] = []
    private let refusesCalls: Bool
    private let activeCalls: Int

    init(refusesCalls: Bool = false, activeCalls: Int = 3) {
        self.refusesCalls = refusesCalls
        self.activeCalls = activeCalls
    }

    func placeCall(_ request: DialOutRequest) async throws {
        requests.append(.place(request))
        if refusesCalls { throw Refused() }
    }

    func hangUp(callTag: String, room: String) async {
        requests.append(.hangUp(callTag: callTag, room: room))
    }

    func setMuted(_ muted: Bool, callTag: String, room: String) async {
        requests.append(.mute(muted, callTag: callTag, room: room))
    }

    func activeCallCount() async -> Int { activeCalls }
}
