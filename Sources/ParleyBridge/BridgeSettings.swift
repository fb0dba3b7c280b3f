import ArgumentParser
import ConferenceModel
import ControlAPI
import Foundation
import Logging
import SIPCore
import VoiceBridge

/// Everything `parley-bridge` is told by its command line, its config file and an imported
/// `webconference.conf`, checked, with SEMS's defaults where none of them says anything.
///
/// Precedence, lowest first: the SEMS file, the config file, the command line.
struct BridgeSettings: Sendable {
    var listenAddresses: [SIPTransportAddress]
    /// The host in Via and Contact when listening on a wildcard address.
    var advertisedHost: String?
    /// The address written in SDP `c=` lines.
    var mediaHost: String
    /// The address RTP sockets bind.
    var rtpAddress: String
    var rtpPorts: ClosedRange<Int>
    var codecs: [AudioCodec]
    var roomRate: Int
    /// Whether the media threads ask for the real-time FIFO policy (needs CAP_SYS_NICE; without
    /// it they keep the default policy).
    var realtimePriority: Bool
    /// Calls waiting to be answered beyond which a new INVITE gets 503 with Retry-After; `nil` for no limit.
    var maximumUnansweredCalls: Int?
    var databasePath: String
    /// A PostgreSQL URL keeping the rooms instead of ``databasePath``; `nil` for the SQLite file.
    var roomsDatabaseURL: String?
    var promptsDirectory: String
    /// The XML-RPC listener; `nil` for `off`.
    var xmlrpc: XMLRPCServerConfiguration?
    var logLevel: Logger.Level
    /// The `webconference.conf` settings in force, by SEMS key.
    var webConference: SEMSConfigFile
    var policy: VoiceRoomPolicy
    var roomSelection: RoomSelectionSettings
    var dialIn: DialInSettings
    var prompter: ParticipantPrompterSettings
    var sessionTimers: SessionTimerConfiguration?
    /// `dead_rtp_time`: how long a call may send no RTP before it is hung up; `nil` for never.
    var rtpTimeout: Duration?
    /// `playout_type`: `simple` holds packets for a fixed delay, anything else adapts to the jitter.
    var adaptivePlayout: Bool
    var feedbackFile: String?
    /// The directory `resetFeedback` may open files in: the feedback file's own (SEMS lets it
    /// write anywhere, spec §14 B8); `nil`, and every reset refused, without a feedback file.
    var feedbackDirectory: FeedbackDirectory? {
        feedbackFile.flatMap { file in
            let absolute = file.hasPrefix("/") ? file : FileManager.default.currentDirectoryPath + "/" + file
            return FeedbackDirectory(path: (absolute as NSString).deletingLastPathComponent)
        }
    }
    var statisticsDirectory: String?

    /// Checks and combines the layers.
    /// - Parameters:
    ///   - values: Parley's own settings, the command line already laid over the config file.
    ///   - webConference: `webconference.conf` settings by SEMS key, the config file's laid over
    ///     the imported file's.
    init(_ values: BridgeOptionValues, webConference settings: [String: String]) throws {
        listenAddresses = try (values.sipListen ?? ["udp:127.0.0.1:5060"]).map(Self.parseListenAddress)
        guard !listenAddresses.isEmpty else { throw ValidationError("--sip: give at least one listener") }
        advertisedHost = values.advertisedHost
        let specificHost = listenAddresses.map(\.host).first { $0 != "0.0.0.0" && $0 != "::" }
        mediaHost = advertisedHost ?? specificHost ?? "127.0.0.1"
        rtpAddress = values.rtpAddress ?? specificHost ?? "0.0.0.0"
        rtpPorts = try Self.parsePortRange(values.rtpPorts ?? "20000-30000")
        codecs = try (values.codecs ?? ["opus", "g722", "pcmu", "pcma"]).map { name in
            guard let codec = AudioCodec(rawValue: name.lowercased()) else {
                throw ValidationError("media.codecs: '\(name)' is not one of opus, g722, pcmu, pcma")
            }
            return codec
        }
        guard !codecs.isEmpty else { throw ValidationError("media.codecs: give at least one codec") }
        roomRate = values.roomRate ?? 16000
        guard [8000, 16000, 48000].contains(roomRate) else {
            throw ValidationError("media.room-rate: \(roomRate) is not 8000, 16000 or 48000")
        }
        realtimePriority = values.realtimePriority ?? false
        // About a second and a half of calls at the rate two cores sustain (≈ 600/s): 200 refused
        // calls at a rate the bridge keeps up with (Docs/Performance.md, calls).
        let unanswered = values.maximumUnansweredCalls ?? 1_000
        maximumUnansweredCalls = unanswered > 0 ? unanswered : nil
        databasePath = values.database ?? "./parley.sqlite"
        roomsDatabaseURL = values.roomsDatabase
        if let url = roomsDatabaseURL {
            do {
                _ = try PostgresConnectionURL(url)
            } catch {
                throw ValidationError("--rooms-db: \(error)")
            }
        }
        promptsDirectory = try Self.promptsDirectory(values.promptsDirectory, roomRate: roomRate)
        let xmlrpcText = values.xmlrpcListen ?? "127.0.0.1:8090"
        xmlrpc = try xmlrpcText == "off" ? nil : Self.parseXMLRPCAddress(xmlrpcText)
        xmlrpc?.allowedClients = values.xmlrpcAllowedClients.map(Set.init)
        switch (values.xmlrpcUser, values.xmlrpcPassword) {
        case let (user?, password?):
            xmlrpc?.credentials = XMLRPCBasicCredentials(user: user, password: password)
        case (nil, nil):
            break
        default:
            throw ValidationError("xmlrpc.user and xmlrpc.password go together")
        }
        guard let logLevel = Logger.Level(rawValue: values.logLevel ?? "info") else {
            throw ValidationError("--log-level '\(values.logLevel ?? "")' must be trace, debug, info, notice, warning, error or critical")
        }
        self.logLevel = logLevel

        let file = try Self.semsFile(settings)
        webConference = file
        policy = try Self.policy(file)
        do {
            roomSelection = try RoomSelectionSettings(configuration: file)
            dialIn = try DialInSettings(configuration: file)
        } catch {
            throw ValidationError("webconference settings: \(error)")
        }
        prompter = ParticipantPrompterSettings(configuration: file)
        if file["enable_session_timer"] == "yes" {
            sessionTimers = try Self.sessionTimers(file)
        }
        let deadRTPTime = Self.integer(file["dead_rtp_time"], default: 300)
        rtpTimeout = deadRTPTime > 0 ? .seconds(deadRTPTime) : nil
        adaptivePlayout = file["playout_type"] != "simple"
        feedbackFile = file["feedback_file"].flatMap { $0.isEmpty ? nil : $0 }
        statisticsDirectory = file["stats_dir"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// What the voice bridge service is built from.
    var voiceBridge: VoiceBridgeConfiguration {
        VoiceBridgeConfiguration(
            listenAddresses: listenAddresses, advertisedHost: advertisedHost, mediaHost: mediaHost, rtpAddress: rtpAddress,
            rtpPorts: rtpPorts, codecs: codecs, roomRate: roomRate,
            mediaThreads: ProcessInfo.processInfo.activeProcessorCount, realtimePriority: realtimePriority,
            maximumUnansweredCalls: maximumUnansweredCalls, sessionTimers: sessionTimers, rtpTimeout: rtpTimeout,
            adaptivePlayout: adaptivePlayout, roomSelection: roomSelection, dialIn: dialIn, prompter: prompter,
            promptsDirectory: promptsDirectory, promptFiles: webConference)
    }

    /// The settings as one `webconference.conf`, so that ConferenceModel's SEMS readers apply.
    private static func semsFile(_ settings: [String: String]) throws -> SEMSConfigFile {
        let text = settings.keys.sorted().map { key -> String in
            let escaped = settings[key, default: ""].replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "\"", with: "\\\"")
            return "\(key)=\"\(escaped)\""
        }.joined(separator: "\n")
        return try SEMSConfigFile(text: text, origin: "webconference settings")
    }

    /// `VoiceRoomPolicy` from the SEMS keys, read as `WebConferenceFactory::load` does: flags are
    /// on only when exactly `yes` (`participants_expire`, `rooms_expire`: off only when `no`),
    /// numbers fall back to the default when unreadable, and a bad `predefined_rooms` is fatal.
    private static func policy(_ file: SEMSConfigFile) throws -> VoiceRoomPolicy {
        var predefined: [PredefinedVoiceRoom] = []
        if let text = file["predefined_rooms"], !text.isEmpty {
            guard let rooms = PredefinedVoiceRoom.parseList(text) else {
                throw ValidationError("predefined_rooms '\(text)': each entry must be room:pin")
            }
            predefined = rooms
        }
        return VoiceRoomPolicy(
            privateRooms: file["private_rooms"] == "yes",
            ignorePIN: file["ignore_pin"] == "yes",
            masterPassword: file["master_password"].flatMap { $0.isEmpty ? nil : $0 },
            supportRoomsTimeout: file["support_rooms_timeout"] == "yes",
            participantsExpire: file["participants_expire"] != "no",
            participantsExpireDelay: integer(file["participants_expire_delay"], default: 10),
            roomsExpire: file["rooms_expire"] != "no",
            roomsExpireDelay: integer(file["rooms_expire_delay"], default: 7200),
            roomSweepInterval: integer(file["room_sweep_interval"], default: 10),
            predefinedRooms: predefined,
            maximumParticipants: Int(file["max_participants"] ?? "").flatMap { $0 > 0 ? $0 : nil })
    }

    /// The session timer plug-in's settings (spec §5, §11): `session_refresh_method` must name one
    /// of SEMS's three methods.
    private static func sessionTimers(_ file: SEMSConfigFile) throws -> SessionTimerConfiguration {
        let methodName = file["session_refresh_method"] ?? "UPDATE_FALLBACK_INVITE"
        let method: SessionRefreshMethod
        switch methodName {
        case "UPDATE_FALLBACK_INVITE": method = .updateFallingBackToInvite
        case "UPDATE": method = .update
        case "INVITE": method = .invite
        default:
            throw ValidationError("session_refresh_method '\(methodName)' must be INVITE, UPDATE or UPDATE_FALLBACK_INVITE")
        }
        return SessionTimerConfiguration(
            sessionExpires: integer(file["session_expires"], default: 120),
            minimumSessionExpires: max(SessionTimerConfiguration.absoluteMinimum, integer(file["minimum_timer"], default: 90)),
            maximumSessionExpires: integer(file["maximum_timer"], default: 900),
            prefersToRefresh: true,
            refreshMethod: method,
            treatsNotImplementedAsRefreshed: file["accept_501_reply"] != "no")
    }

    private static func integer(_ text: String?, default value: Int) -> Int {
        text.flatMap { Int($0) } ?? value
    }

    /// The prompt folder: `--prompts`, else the repository's `Prompts/<rate>` found from the
    /// executable (`.build/<config>/parley-bridge`) or from this source file.
    private static func promptsDirectory(_ given: String?, roomRate: Int) throws -> String {
        if let given { return given }
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let candidates = [
            executable.deletingLastPathComponent().appendingPathComponent("../../Prompts"),
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Prompts"),
        ]
        let rate = roomRate >= 16000 ? "16000" : "8000"
        for base in candidates {
            let folder = base.appendingPathComponent(rate).standardizedFileURL.path
            if FileManager.default.fileExists(atPath: folder + "/beep.wav") { return folder }
        }
        throw ValidationError("no prompt set found next to the executable; give --prompts DIR")
    }

    /// `udp:127.0.0.1:5060`, `tcp:[::1]:5060`.
    static func parseListenAddress(_ text: String) throws -> SIPTransportAddress {
        guard let colon = text.firstIndex(of: ":"),
              let transport = SIPTransportProtocol(rawValue: text[..<colon].uppercased())
        else { throw ValidationError("--sip '\(text)' needs udp: or tcp: before host:port") }
        do {
            return try SIPTransportAddress(transport, hostPort: String(text[text.index(after: colon)...]))
        } catch {
            throw ValidationError("--sip '\(text)': \(error.reason)")
        }
    }

    /// `20000-30000`: the first and last RTP port.
    static func parsePortRange(_ text: String) throws -> ClosedRange<Int> {
        let parts = text.split(separator: "-").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, parts[0] > 0, parts[0] <= parts[1], parts[1] <= 65535 else {
            throw ValidationError("--rtp-ports '\(text)' needs first-last, e.g. 20000-30000")
        }
        return parts[0]...parts[1]
    }

    /// `127.0.0.1:8090` for the XML-RPC listener.
    static func parseXMLRPCAddress(_ text: String) throws -> XMLRPCServerConfiguration {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65535).contains(port)
        else { throw ValidationError("--xmlrpc '\(text)' needs host:port or off") }
        let host = text[..<colon].trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        return XMLRPCServerConfiguration(host: host, port: port)
    }
}
