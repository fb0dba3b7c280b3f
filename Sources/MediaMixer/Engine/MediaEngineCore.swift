import Synchronization

/// The media side of a ``MediaEngine``: every room, leg and encoding, and the tick that drives them.
///
/// The clock thread calls ``tick(on:)``, which runs the tick's phases on the media threads with a
/// barrier after each. A phase's work is cut into jobs (chunks of legs, rooms, encodings) that the
/// threads take from a shared cursor, so a single large room uses every core.
final class MediaEngineCore: @unchecked Sendable {
    // @unchecked Sendable: everything but `inbox` and `cursor` is touched only inside tick phases,
    // and by the clock thread between them. MediaThreadGroup.run(_:) returns only after every thread
    // finished the phase, and its semaphores order each phase's writes before the next phase's reads.
    // Within a phase, each job touches only its own legs, room or encoding.
    /// Commands queued by the control path; swapped out under the lock at the start of a tick.
    let inbox: Mutex<[MediaCommand]>
    private var commands: [MediaCommand] = []
    private let cursor = Atomic<Int>(0)
    private var rooms: [MediaRoomID: RoomMedia] = [:]
    private var busyRooms: [RoomMedia] = []
    private var legs: [MemberLeg] = []
    private var encodingJobs: [(room: RoomMedia, encoding: OutboundEncoding)] = []
    private let poller = RTPSocketPoller()
    private var legsByToken: [UInt64: MemberLeg] = [:]
    private let emit: @Sendable (MediaEngineEvent) -> Void

    /// Legs per receive or send job: small enough to balance, large enough that the shared cursor is cold.
    private static let legsPerJob = 32

    init(emit: @escaping @Sendable (MediaEngineEvent) -> Void) {
        self.emit = emit
        inbox = Mutex([])
        commands.reserveCapacity(256)
        encodingJobs.reserveCapacity(1024)
    }

    /// Whether a tick would do anything: some room has members, or commands wait. Clock thread only.
    var hasWork: Bool {
        // A busy inbox lock means the control path is queueing right now: that is work.
        !legs.isEmpty || inbox.withLockIfAvailable { !$0.isEmpty } ?? true
    }

    /// Runs one tick on `threads`; on the clock thread.
    func tick(on threads: MediaThreadGroup) {
        threads.run(.commands)
        poller.poll { token in legsByToken[token]?.socketReady = true }
        cursor.store(0, ordering: .relaxed)
        threads.run(.receive)
        cursor.store(0, ordering: .relaxed)
        threads.run(.mix)
        encodingJobs.removeAll(keepingCapacity: true)
        for room in busyRooms {
            for encoding in room.activeEncodings { encodingJobs.append((room, encoding)) }
        }
        cursor.store(0, ordering: .relaxed)
        threads.run(.encode)
        cursor.store(0, ordering: .relaxed)
        threads.run(.send)
    }

    /// One media thread's share of `phase`.
    func run(_ phase: TickPhase, thread: Int) {
        switch phase {
        case .commands:
            if thread == 0 { applyCommands() }
        case .receive:
            forEachJob(count: (legs.count + Self.legsPerJob - 1) / Self.legsPerJob) { job in
                for index in job * Self.legsPerJob..<min(legs.count, (job + 1) * Self.legsPerJob) { legs[index].receive() }
            }
        case .mix:
            forEachJob(count: busyRooms.count) { busyRooms[$0].mix(emit: emit) }
        case .encode:
            forEachJob(count: encodingJobs.count) { encodingJobs[$0].room.encode(encodingJobs[$0].encoding) }
        case .send:
            forEachJob(count: (legs.count + Self.legsPerJob - 1) / Self.legsPerJob) { job in
                for index in job * Self.legsPerJob..<min(legs.count, (job + 1) * Self.legsPerJob) { legs[index].send() }
            }
        }
    }

    /// Ends every room; on the clock thread once the media threads stopped.
    func removeAll() {
        rooms.removeAll()
        busyRooms.removeAll()
        legs.removeAll()
        legsByToken.removeAll()
        encodingJobs.removeAll()
    }

    private func forEachJob(count: Int, _ body: (Int) -> Void) {
        while true {
            let job = cursor.add(1, ordering: .relaxed).oldValue
            guard job < count else { return }
            body(job)
        }
    }

    /// Takes the queued commands with a try-lock (never waiting on the control path) and applies them.
    private func applyCommands() {
        let taken = inbox.withLockIfAvailable { queued -> Bool in
            guard !queued.isEmpty else { return false }
            swap(&queued, &commands)
            return true
        }
        guard taken == true else { return }
        var membershipChanged = false
        for command in commands {
            membershipChanged = apply(command) || membershipChanged
        }
        commands.removeAll(keepingCapacity: true)
        if membershipChanged {
            busyRooms = rooms.values.filter { !$0.legs.isEmpty }.sorted { $0.id.rawValue < $1.id.rawValue }
            legs = busyRooms.flatMap(\.legs)
            legsByToken = Dictionary(uniqueKeysWithValues: legs.map { ($0.id.rawValue, $0) })
        }
    }

    /// Applies one command; returns whether room membership changed.
    private func apply(_ command: MediaCommand) -> Bool {
        switch command {
        case .createRoom(let id, let settings):
            rooms[id] = try? RoomMedia(id: id, settings: settings)
            return false
        case .removeRoom(let id):
            guard let room = rooms.removeValue(forKey: id) else { return false }
            for leg in room.legs { poller.forget(leg.session) }
            return true
        case .addMember(let room, let member, let stream, let session):
            guard let room = rooms[room], (try? room.addMember(member, stream: stream, session: session.value)) != nil,
                  let leg = room.leg(member)
            else { return false }
            if poller.isAvailable {
                poller.watch(leg.session, token: member.rawValue)
                leg.pollsReadiness = true
            }
            return true
        case .removeMember(let room, let member):
            if let leg = rooms[room]?.leg(member) { poller.forget(leg.session) }
            rooms[room]?.removeMember(member)
            return true
        case .moveMember(let room, let member, let destination, let detectsInBandDTMF):
            guard let leg = rooms[room]?.removeMember(member), let target = rooms[destination] else { return true }
            var stream = leg.settings
            if let detectsInBandDTMF { stream.detectsInBandDTMF = detectsInBandDTMF }
            if (try? target.addMember(member, stream: stream, session: leg.session)) != nil {
                target.leg(member)?.continueStream(of: leg)
            }
            return true
        case .updateStream(let room, let member, let stream):
            guard let room = rooms[room] else { return false }
            return (try? room.replaceStream(of: member, with: stream)) != nil
        case .setMuted(let room, let member, let muted):
            if let room = rooms[room], let leg = room.leg(member) { try? room.mixer.setMuted(muted, for: leg.mixerMember) }
        case .setDeaf(let room, let member, let deaf):
            if let room = rooms[room], let leg = room.leg(member) { try? room.mixer.setDeaf(deaf, for: leg.mixerMember) }
        case .setInputGain(let room, let member, let gain):
            if let room = rooms[room], let leg = room.leg(member) { try? room.mixer.setInputGain(gain, for: leg.mixerMember) }
        case .setOutputGain(let room, let member, let gain):
            if let room = rooms[room], let leg = room.leg(member) { try? room.mixer.setOutputGain(gain, for: leg.mixerMember) }
        case .play(let room, let audience, let source):
            try? rooms[room]?.play(source.value, to: audience)
        case .record(let room, let sink):
            if let sink { try? rooms[room]?.mixer.attachRecorder(sink.value) } else { rooms[room]?.mixer.detachRecorder() }
        }
        return false
    }
}
