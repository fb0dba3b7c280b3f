import Foundation

extension IMCServerUnderTest {
    /// Starts Kamailio with the imc module in the reference fan-out set-up: `children` UDP
    /// workers, `debug=0`, `sharedMemoryMB` of shared memory (tm keeps finished transactions 5 s,
    /// so 256 MB runs out), rooms in db_text (5.6's SQLite driver
    /// crashes imc at shutdown), every imc MESSAGE sent to the sink as outbound proxy.
    ///
    /// Runs in the foreground (`-DD`: the main process is not daemonised but still forks its
    /// workers) with its log on standard error (`-E`).
    static func kamailio(
        executable: String, directory: URL, port: Int, sinkPort: Int, children: Int, sharedMemoryMB: Int
    ) throws -> IMCServerUnderTest {
        let database = directory.appendingPathComponent("kamailio-db")
        try FileManager.default.createDirectory(at: database, withIntermediateDirectories: true)
        // db_text tables: a header line of typed columns, then rows (Kamailio's dbtext schema).
        let tables = [
            "version": "id(int,auto) table_name(string) table_version(int) \n0:imc_rooms:1\n0:imc_members:1\n",
            "imc_rooms": "id(int,auto) name(string) domain(string) flag(int) \n",
            "imc_members": "id(int,auto) username(string) domain(string) room(string) flag(int) \n",
        ]
        for (table, text) in tables {
            try text.write(to: database.appendingPathComponent(table), atomically: true, encoding: .utf8)
        }
        let configuration = directory.appendingPathComponent("kamailio.cfg")
        try """
            #!KAMAILIO
            debug=0
            log_stderror=yes
            fork=yes
            children=\(children)
            auto_aliases=no
            listen=udp:127.0.0.1:\(port)
            alias="127.0.0.1:\(port)"
            mpath="/usr/lib/x86_64-linux-gnu/kamailio/modules/"
            loadmodule "tm.so"
            loadmodule "sl.so"
            loadmodule "pv.so"
            loadmodule "textops.so"
            loadmodule "db_text.so"
            loadmodule "imc.so"
            modparam("imc", "db_url", "text://\(database.path)")
            modparam("imc", "outbound_proxy", "sip:127.0.0.1:\(sinkPort)")
            modparam("imc", "hash_size", 8)
            request_route {
              if (is_method("MESSAGE") && $rU =~ "^chat-") {
                if (imc_manager()) { sl_send_reply("200", "ok"); } else { sl_send_reply("500", "command error"); }
                exit;
              }
              sl_send_reply("404", "not here");
            }

            """.write(to: configuration, atomically: true, encoding: .utf8)
        let logPath = directory.appendingPathComponent("kamailio.log").path
        let process = try ChildProcess(
            executable,
            ["-f", configuration.path, "-DD", "-E", "-m", String(sharedMemoryMB), "-w", directory.path, "-Y", directory.path],
            outputPath: logPath)
        return IMCServerUnderTest(name: "kamailio", port: port, process: process, logPath: logPath)
    }
}
