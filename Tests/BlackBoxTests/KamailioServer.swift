import Foundation
import SIPTesting
#if canImport(Glibc)
import Glibc
#endif

/// A real Kamailio 5.6 running its `imc` module on a free UDP port of 127.0.0.1, configured the way
/// the imc spec's reference set-up is (specs/imc.md §1, §7; peers.md "Kamailio imc fan-out"), so a
/// test can hold `parley-imc` against the behaviour it reproduces.
///
/// The configuration is written at start-up into a folder of its own: `db_text` tables for imc
/// (5.6 requires a database, and its SQLite driver crashes imc at shutdown), `usrloc` in memory
/// so user agents can REGISTER, and imc's `outbound_proxy` pointing at this Kamailio itself
/// (the GH kamailio#148 pattern) so every MESSAGE imc sends comes back through the script, is
/// looked up in the location table and relayed to the registered contact.
///
/// Kamailio runs as a ``PeerProcess``, in a process group of its own that it shares with the
/// workers it forks, so stopping it stops them too.
final class KamailioServer {
    /// The UDP port Kamailio listens on.
    let port: Int
    private let process: PeerProcess
    private let folder: URL

    /// Writes the configuration and the imc tables, starts Kamailio and waits until it answers.
    ///
    /// - Throws: ``ExternalPeer/Failure`` naming `kamailio` when it is not installed; a
    ///   ``TestSocketError`` carrying Kamailio's log when it does not come up.
    init() async throws {
        let kamailio = try ExternalPeer(
            named: "kamailio", installHint: "apt-get install kamailio (5.6, with its imc module)",
            searchPath: (ProcessInfo.processInfo.environment["PATH"] ?? "") + ":/usr/sbin:/sbin")
        port = try ExternalPeer.freePort()
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("kamailio-imc-\(UUID().uuidString)")
        let database = folder.appendingPathComponent("db")
        try FileManager.default.createDirectory(at: database, withIntermediateDirectories: true)
        // db_text table files: the first line names each column and its type (Kamailio's dbtext format).
        try "id(int,auto) name(string) domain(string) flag(int)\n"
            .write(to: database.appendingPathComponent("imc_rooms"), atomically: true, encoding: .utf8)
        try "id(int,auto) username(string) domain(string) room(string) flag(int)\n"
            .write(to: database.appendingPathComponent("imc_members"), atomically: true, encoding: .utf8)
        let configuration = folder.appendingPathComponent("kamailio.cfg")
        try Self.configuration(port: port, databaseFolder: database.path)
            .write(to: configuration, atomically: true, encoding: .utf8)

        process = try kamailio.start(
            // -DD: stay in the foreground (still forking workers); -E: log to stderr, here the log file.
            ["-f", configuration.path, "-DD", "-E", "-m", "64", "-M", "8", "-w", folder.path, "-Y", folder.path],
            logPath: folder.appendingPathComponent("kamailio.log").path)
        do {
            try await waitUntilAnswering()
        } catch {
            stop()
            throw error
        }
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: folder)
    }

    /// What Kamailio has logged so far.
    var log: String {
        (try? String(contentsOf: folder.appendingPathComponent("kamailio.log"), encoding: .utf8)) ?? ""
    }

    /// Stops Kamailio with SIGTERM (SIGKILL to its process group after 5 s) and reaps it.
    func stop() {
        process.stop(grace: .seconds(5))
    }

    /// The routing script: REGISTER into the location table, MESSAGEs for `chat-*` into imc with
    /// the documented replies (imc.md §1: `200 ok` / `500 command error`), every other MESSAGE
    /// (those imc sends, through itself as outbound proxy) to the registered contact.
    private static func configuration(port: Int, databaseFolder: String) -> String {
        """
        #!KAMAILIO
        debug=2
        log_stderror=yes
        fork=yes
        children=2
        auto_aliases=no
        listen=udp:127.0.0.1:\(port)

        loadmodule "tm.so"
        loadmodule "sl.so"
        loadmodule "pv.so"
        loadmodule "textops.so"
        loadmodule "usrloc.so"
        loadmodule "registrar.so"
        loadmodule "db_text.so"
        loadmodule "imc.so"

        modparam("usrloc", "db_mode", 0)
        modparam("imc", "db_url", "text://\(databaseFolder)")
        modparam("imc", "outbound_proxy", "sip:127.0.0.1:\(port)")

        request_route {
            if (is_method("OPTIONS")) { sl_send_reply("200", "alive"); exit; }
            if (is_method("REGISTER")) { save("location"); exit; }
            if (is_method("MESSAGE") && $rU =~ "^chat-") {
                if (imc_manager()) { sl_send_reply("200", "ok"); } else { sl_send_reply("500", "command error"); }
                exit;
            }
            if (is_method("MESSAGE")) {
                if (!lookup("location")) { sl_send_reply("404", "not registered"); exit; }
                t_relay();
                exit;
            }
            sl_send_reply("404", "not here");
        }

        """
    }

    /// Sends OPTIONS until Kamailio answers (it reads its config and forks workers first).
    private func waitUntilAnswering() async throws {
        let probe = try TestUDPSocket()
        var attempt = 0
        try await eventually("kamailio to answer OPTIONS on udp:127.0.0.1:\(port)", within: .seconds(10), detail: { "its log:\n\(self.log)" }) {
            if let status = process.exitStatus {
                throw TestSocketError("kamailio exited during start-up (status \(status)); its log:\n\(log)")
            }
            attempt += 1
            let options = "OPTIONS sip:127.0.0.1:\(port) SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:\(probe.port);branch=z9hG4bK-probe\(attempt);rport\r\n"
                + "Max-Forwards: 70\r\nFrom: <sip:probe@127.0.0.1>;tag=probe\r\nTo: <sip:127.0.0.1:\(port)>\r\n"
                + "Call-ID: probe-\(attempt)\r\nCSeq: \(attempt) OPTIONS\r\nContent-Length: 0\r\n\r\n"
            try probe.send(Array(options.utf8), to: "127.0.0.1", port: port)
            let answer = await probe.receive(within: .milliseconds(200))
            return answer?.bytes.starts(with: "SIP/2.0 200".utf8) == true
        }
    }
}
