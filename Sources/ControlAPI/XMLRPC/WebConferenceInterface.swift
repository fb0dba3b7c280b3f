import ConferenceModel
import Foundation

/// SEMS's `webconference` DI interface as xmlrpc2di exports it (spec §2.2–§4): the `di` method,
/// the directly exported names (`roomInfo` and `webconference.roomInfo`), and the built-in
/// `calls`. Every answer has SEMS's array layout, codes and strings, with the serverInfo string
/// last (spec §2.4, §3).
///
/// Room rules live in ``VoiceRoomDirectory`` (through a ``VoiceRoomRegistry``); live calls are
/// reached through a ``ConferenceCallControl``. This type only translates.
public struct WebConferenceInterface: Sendable {
    /// The DI interface name the `di` method accepts as its first argument.
    public static let factoryName = "webconference"

    /// The names SEMS's `_list` returns, exported directly (spec §4.13). `addParticipant`,
    /// `resetFeedback`, `flushFeedback` and `help` are reachable through `di` only, as in SEMS.
    public static let exportedFunctions = [
        "roomCreate", "roomDelete", "roomInfo", "dialout", "mute", "unmute", "kickout",
        "changeRoomAdminpin", "serverInfo", "vqConferenceFeedback", "vqCallFeedback", "vqRoomFeedback",
        "getRoomPassword", "listRooms", "findParticipant",
    ]

    /// The signature inside serverInfo, in SEMS's `DEFAULT_SIGNATURE` shape.
    public static var defaultSignature: String {
        #if arch(x86_64)
            let architecture = "x86_64"
        #elseif arch(arm64)
            let architecture = "aarch64"
        #else
            let architecture = "unknown"
        #endif
        #if os(Linux)
            let system = "Linux"
        #else
            let system = "Darwin"
        #endif
        return "Parley (\(architecture)/\(system))"
    }

    private let registry: VoiceRoomRegistry
    private let callControl: any ConferenceCallControl
    private let feedback: WebConferenceFeedbackLog
    private let signature: String

    /// Creates the interface.
    ///
    /// - Parameters:
    ///   - registry: the room directory.
    ///   - callControl: the voice bridge's calls.
    ///   - feedback: the feedback file.
    ///   - signature: what serverInfo names the server; front ends that parse it may want SEMS's
    ///     `Sip Express Media Server (2.1.0 (x86_64/Linux))`.
    public init(
        registry: VoiceRoomRegistry,
        callControl: any ConferenceCallControl,
        feedback: WebConferenceFeedbackLog,
        signature: String = WebConferenceInterface.defaultSignature
    ) {
        self.registry = registry
        self.callControl = callControl
        self.feedback = feedback
        self.signature = signature
    }

    /// The XML-RPC method table: `di`, `calls`, and each exported function under its own name
    /// and with the `webconference.` prefix.
    public var methods: [String: XMLRPCMethod] {
        var table: [String: XMLRPCMethod] = ["di": diMethod, "calls": callsMethod]
        for function in Self.exportedFunctions {
            table[function] = exportedMethod(function)
            table["\(Self.factoryName).\(function)"] = exportedMethod(function)
        }
        return table
    }

    private var diMethod: XMLRPCMethod {
        let interface = self
        return { parameters async throws(XMLRPCFault) -> XMLRPCValue in
            try await interface.di(parameters)
        }
    }

    private var callsMethod: XMLRPCMethod {
        let callControl = callControl
        return { _ async throws(XMLRPCFault) -> XMLRPCValue in
            XMLRPCValue.int(await callControl.activeCallCount())
        }
    }

    private func exportedMethod(_ function: String) -> XMLRPCMethod {
        let interface = self
        return { parameters async throws(XMLRPCFault) -> XMLRPCValue in
            try await interface.invoke(function, arguments: parameters)
        }
    }

    /// `di(factory, function, args…)` (XMLRPC2DI `DIMethod`).
    public func di(_ parameters: [XMLRPCValue]) async throws(XMLRPCFault) -> XMLRPCValue {
        guard parameters.count >= 2 else { throw .diNeedsFactoryAndFunction }
        guard case .string(let factory) = parameters[0], case .string(let function) = parameters[1] else {
            throw XMLRPCFault(code: -1, string: "type error")
        }
        guard factory == Self.factoryName else { throw .unknownFactory }
        return try await invoke(function, arguments: Array(parameters.dropFirst(2)))
    }

    /// Runs one DI function with SEMS's argument conversion and checks.
    public func invoke(_ function: String, arguments: [XMLRPCValue]) async throws(XMLRPCFault) -> XMLRPCValue {
        // xmlrpcval2amarg: types AmArg has no counterpart for are refused before the call.
        if arguments.contains(where: Self.isUnsupported) { throw .unsupportedParameterType }
        let arguments = WebConferenceArguments(values: arguments)
        if function == "_list" {
            return .array(Self.exportedFunctions.map(XMLRPCValue.string))
        }
        var result = try await run(function, arguments)
        result.append(.string(await serverInfo()))
        return .array(result)
    }

    private static func isUnsupported(_ value: XMLRPCValue) -> Bool {
        switch value {
        case .nil, .dateTime: true
        case .array(let elements): elements.contains(where: isUnsupported)
        case .struct(let members): members.values.contains(where: isUnsupported)
        case .int, .bool, .string, .double, .base64: false
        }
    }

    /// `Server: <signature> calls: <n> active/<total> total/<connected> connect/<minutes> min` (spec §3).
    public func serverInfo() async -> String {
        let calls = await callControl.activeCallCount()
        let summary = await registry.update { directory, _ in directory.statistics.summary }
        return "Server: \(signature) calls: \(calls) active/\(summary)"
    }

    private static let refused = XMLRPCValue.string(VoiceRoomDirectory.roomRefusedText)

    private func run(_ function: String, _ arguments: WebConferenceArguments) async throws(XMLRPCFault) -> [XMLRPCValue] {
        switch function {
        case "roomCreate": return try await roomCreate(arguments)
        case "roomInfo": return try await roomInfo(arguments)
        case "roomDelete": return try await roomDelete(arguments)
        case "addParticipant": return try await addParticipant(arguments)
        case "dialout": return try await dialout(arguments)
        case "kickout": return try await command(.kick, arguments)
        case "mute": return try await command(.mute, arguments)
        case "unmute": return try await command(.unmute, arguments)
        case "changeRoomAdminpin": return try await changeRoomAdminpin(arguments)
        case "getRoomPassword": return try await getRoomPassword(arguments)
        case "listRooms": return try await listRooms(arguments)
        case "findParticipant": return try await findParticipant(arguments)
        case "serverInfo": return [.string(await serverInfo())]
        case "vqRoomFeedback", "vqCallFeedback", "vqConferenceFeedback": return try await saveFeedback(function, arguments)
        case "resetFeedback": return await resetFeedback(arguments)
        case "flushFeedback":
            await feedback.flush()
            return []
        case "help": return ["help text goes here"]
        default: throw .notImplemented(function)
        }
    }

    // MARK: - Rooms

    /// §4.1. The timeout may be an int or, unlike SEMS (B4), a numeric string; anything else is ignored.
    private func roomCreate(_ arguments: WebConferenceArguments) async throws(XMLRPCFault) -> [XMLRPCValue] {
        try arguments.require(.string)
        let name = arguments.string(0)
        let timeout: Int? =
            switch arguments.values.dropFirst().first {
            case .int(let seconds): seconds
            case .string(let text): Int(text.trimmingCharacters(in: .whitespaces))
            default: nil
            }
        var generator = SystemRandomNumberGenerator()
        let newPIN = AdminPIN.random(using: &generator)
        let creation = await registry.update { directory, now in
            directory.createRoom(name, timeout: timeout, newPIN: newPIN, at: now)
        }
        switch creation {
        case .created(let adminPIN): return [0, "OK", .string(adminPIN)]
        case .alreadyOpened: return [1, "room already opened", ""]
        }
    }

    /// §4.2: `[code, result, [[tag, number, status, reason, muted, participant_id]…]]`.
    private func roomInfo(_ arguments: WebConferenceArguments) async throws(XMLRPCFault) -> [XMLRPCValue] {
        try arguments.require(.string, .string)
        let (name, pin) = (arguments.string(0), arguments.string(1))
        let rows = await registry.update { directory, now in directory.participants(ofRoom: name, adminPIN: pin, at: now) }
        guard let rows else { return [1, Self.refused, []] }
        return [
            0, "OK",
            .array(
                rows.map { row in
                    [
                        .string(row.callTag), .string(row.number), .int(row.status.rawValue), .string(row.reason),
                        .int(row.muted ? 1 : 0), .string(row.participantID),
                    ]
                }),
        ]
    }

    /// §4.3 with B1 fixed: answers instead of deadlocking, and a wrong PIN is code 1, not fault 300.
    private func roomDelete(_ arguments: WebConferenceArguments) async throws(XMLRPCFault) -> [XMLRPCValue] {
        try arguments.require(.string, .string)
        let (name, pin) = (arguments.string(0), arguments.string(1))
        switch await registry.update({ directory, _ in directory.deleteRoom(name, adminPIN: pin) }) {
        case .deleted(let callTags):
            for callTag in callTags { await callControl.hangUp(callTag: callTag, room: name) }
            return [0, "OK"]
        case .wrongAdminPIN: return [1, Self.refused]
        case .noSuchRoom: return [2, "room does not exist\n"]
        }
    }

    /// §4.4.
    private func addParticipant(_ arguments: WebConferenceArguments) async throws(XMLRPCFault) -> [XMLRPCValue] {
        try arguments.require(.string, .string, .string)
        let (name, participantID, number) = (arguments.string(0), arguments.string(1), arguments.string(2))
        let added = await registry.update { directory, now in
            directory.invite(room: name, participantID: participantID, number: number, at: now)
        }
        return added ? [200, "OK"] : [400, "Failed"]
    }

    /// §4.5. The row is listed before the INVITE leaves (B22); `headers` `""` means none (B6);
    /// an empty `callee_domain` falls back to `domain`.
    private func dialout(_ arguments: WebConferenceArguments) async throws(XMLRPCFault) -> [XMLRPCValue] {
        try arguments.require(.string, .string, .string, .string, .string, .string, .string)
        let name = arguments.string(0)
        let pin = arguments.string(1)
        let domain = arguments.string(4)
        let headers = (arguments.optionalString(7) ?? "").split(separator: "|").map(String.init)
        let calleeDomain = arguments.optionalString(8).flatMap { $0.isEmpty ? nil : $0 } ?? domain
        let participantID = arguments.optionalString(9) ?? ""
        let request = DialOutRequest(
            room: name, callTag: Self.newCallTag(),
            calleeURI: "sip:\(arguments.string(2))@\(calleeDomain)",
            fromURI: "sip:\(arguments.string(3))@\(domain)",
            authUser: arguments.string(5), authPassword: arguments.string(6),
            extraHeaders: headers, participantID: participantID)
        let admission = await registry.update { directory, now in
            directory.beginDialOut(
                room: name, adminPIN: pin, callTag: request.callTag, number: request.calleeURI,
                participantID: participantID, at: now)
        }
        switch admission {
        case .admitted: break
        case .refused: return [1, Self.refused, ""]
        case .roomFull: return [1, "room is full", ""]
        }
        do {
            try await callControl.placeCall(request)
        } catch {
            await registry.update { directory, _ in directory.abandonDialOut(room: name, callTag: request.callTag) }
            return [1, "internal error", ""]
        }
        return [0, "OK", .string(request.callTag)]
    }

    /// §4.6: kickout, mute, unmute.
    private func command(_ command: ParticipantCommand, _ arguments: WebConferenceArguments) async throws(XMLRPCFault)
        -> [XMLRPCValue]
    {
        try arguments.require(.string, .string, .string)
        let (name, pin, callTag) = (arguments.string(0), arguments.string(1), arguments.string(2))
        let outcome = await registry.update { directory, now in
            directory.apply(command, room: name, adminPIN: pin, callTag: callTag, at: now)
        }
        switch outcome {
        case .accepted:
            // An invitation's empty tag has no call behind it; SEMS posts into the void.
            guard !callTag.isEmpty else { return [0, "OK"] }
            switch command {
            case .kick: await callControl.hangUp(callTag: callTag, room: name)
            case .mute: await callControl.setMuted(true, callTag: callTag, room: name)
            case .unmute: await callControl.setMuted(false, callTag: callTag, room: name)
            }
            return [0, "OK"]
        case .roomRefused: return [1, Self.refused]
        case .noSuchCall: return [2, "call does not exist"]
        }
    }

    /// §4.7.
    private func changeRoomAdminpin(_ arguments: WebConferenceArguments) async throws(XMLRPCFault) -> [XMLRPCValue] {
        try arguments.require(.string, .string, .string)
        let (name, pin, newPIN) = (arguments.string(0), arguments.string(1), arguments.string(2))
        let changed = await registry.update { directory, now in
            directory.changeAdminPIN(room: name, adminPIN: pin, to: newPIN, at: now)
        }
        return changed ? [0, "OK"] : [1, Self.refused]
    }

    /// §4.8.
    private func getRoomPassword(_ arguments: WebConferenceArguments) async throws(XMLRPCFault) -> [XMLRPCValue] {
        try arguments.require(.string, .string)
        let (master, name) = (arguments.string(0), arguments.string(1))
        switch await registry.update({ directory, _ in directory.roomPassword(masterPassword: master, room: name) }) {
        case .wrongMasterPassword: return [403, "Wrong Master Password."]
        case .noSuchRoom: return [404, "Room does not exist."]
        case .adminPIN(let pin): return [0, .string(pin)]
        }
    }

    /// §4.9: the failure text sits inside an array, and the code is 407, as in SEMS.
    private func listRooms(_ arguments: WebConferenceArguments) async throws(XMLRPCFault) -> [XMLRPCValue] {
        try arguments.require(.string)
        let master = arguments.string(0)
        let names = await registry.update { directory, now in directory.roomNames(masterPassword: master, at: now) }
        guard let names else { return [407, ["Wrong Master Password."]] }
        return [200, .array(names.map(XMLRPCValue.string))]
    }

    /// §4.10: no code, just the rooms.
    private func findParticipant(_ arguments: WebConferenceArguments) async throws(XMLRPCFault) -> [XMLRPCValue] {
        try arguments.require(.string)
        let participantID = arguments.string(0)
        let names = await registry.update { directory, now in directory.rooms(withParticipantID: participantID, at: now) }
        return [.array(names.map(XMLRPCValue.string))]
    }

    // MARK: - Feedback

    /// §4.12: no PIN check; the record goes to the feedback file.
    private func saveFeedback(_ function: String, _ arguments: WebConferenceArguments) async throws(XMLRPCFault) -> [XMLRPCValue] {
        let record: FeedbackRecord
        switch function {
        case "vqRoomFeedback":
            try arguments.require(.string, .string, .int)
            record = .room(room: arguments.string(0), adminPIN: arguments.string(1), opinion: arguments.int(2))
        case "vqCallFeedback":
            try arguments.require(.string, .string, .string, .int)
            record = .call(
                room: arguments.string(0), adminPIN: arguments.string(1), callTag: arguments.string(2),
                opinion: arguments.int(3))
        default:
            try arguments.require(.string, .string, .string, .string, .int)
            record = .conference(
                room: arguments.string(0), adminPIN: arguments.string(1), sender: arguments.string(2),
                comment: arguments.string(3), opinion: arguments.int(4))
        }
        let now = await registry.now()
        await feedback.append(record, unixTime: Int(now.timeIntervalSince1970))
        return [0, "OK"]
    }

    /// §4.12, restricted to the feedback directory (B8).
    private func resetFeedback(_ arguments: WebConferenceArguments) async -> [XMLRPCValue] {
        guard let name = arguments.optionalString(0), !name.isEmpty else { return [-2, "no filename given"] }
        switch await feedback.reset(to: name) {
        case .opened: return [0, "OK"]
        case .failed: return [-1, "error opening new feedback file"]
        }
    }

    // MARK: - Call tags

    /// A fresh call tag in the shape of SEMS's session ids (`AmSession::getNewId`):
    /// `XXXXXXXX-XXXXXXXXXXXX-XXXXXXXX`, uppercase hexadecimal.
    private static func newCallTag() -> String {
        var generator = SystemRandomNumberGenerator()
        func hex(_ digits: Int) -> String {
            (0..<digits).map { _ in String(Int.random(in: 0..<16, using: &generator), radix: 16, uppercase: true) }
                .joined()
        }
        return "\(hex(8))-\(hex(12))-\(hex(8))"
    }
}
