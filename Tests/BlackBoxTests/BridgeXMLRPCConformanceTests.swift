import Foundation
import SIPTesting
import Testing

/// SEMS webconference's XML-RPC methods, result codes, strings and faults, asked of a running
/// `parley-bridge` by Python's standard `xmlrpc.client` (what SEMS's own GUI and scripts use), in
/// each room mode, configured from a SEMS `webconference.conf`. Dial-out, mute, unmute and kickout
/// with real calls are in `ParleyBridgeDialOutTests`.
@Suite("parley-bridge XML-RPC conformance", .serialized)
struct BridgeXMLRPCConformanceTests {
    /// Writes a SEMS configuration file and starts the bridge with it.
    private func startBridge(_ configuration: String) throws -> (bridge: ParleyBridgeServer, directory: URL) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bridge-xmlrpc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("webconference.conf")
        try configuration.replacingOccurrences(of: "DIR", with: directory.path).write(to: file, atomically: true, encoding: .utf8)
        return (try ParleyBridgeServer(extraArguments: ["--webconference-conf", file.path]), directory)
    }

    /// Runs one mode of the Python client against `bridge`; the script prints `ALL OK` or the first mismatch.
    private func runClient(mode: String, against bridge: ParleyBridgeServer) throws {
        let python = try ExternalPeer(named: "python3", installHint: "apt-get install python3")
        let outcome = try python.run(["-c", Self.script, bridge.xmlrpcURL, mode], timeout: .seconds(30))
        #expect(outcome.output.contains("ALL OK"), "\(outcome.output)")
    }

    @Test("Open rooms with a master password: every method's codes and strings, faults, multicall, feedback lines, room timeout")
    func openRooms() throws {
        let (bridge, directory) = try startBridge("""
            master_password=master
            support_rooms_timeout=yes
            feedback_file=DIR/feedback.log
            """)
        defer { bridge.process.stop() }
        try runClient(mode: "open", against: bridge)
        let feedback = try String(contentsOf: directory.appendingPathComponent("feedback.log"), encoding: .utf8)
        let lines = feedback.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(feedback)")
        #expect(lines.first?.hasPrefix("RO 100|||4321|||4|||") == true)
        #expect(lines.dropFirst().first?.hasPrefix("CA|||100|||4321|||no-tag|||2|||") == true)
        #expect(lines.last?.hasPrefix("CO|||100|||4321|||5|||carol|||fine|||") == true)
        #expect(lines.allSatisfy { $0.hasSuffix("|||") })
        // resetFeedback("second.log") switched to a new file beside the first, and only there.
        let second = try String(contentsOf: directory.appendingPathComponent("second.log"), encoding: .utf8)
        #expect(second.hasPrefix("RO 101|||p|||3|||"), "\(second)")
    }

    @Test("The allow-list and basic credentials (additions, off by default) guard the XML-RPC API")
    func accessControl() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bridge-access-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let config = directory.appendingPathComponent("parley.yaml")
        try """
            xmlrpc:
              allow: ["127.0.0.1"]
              user: admin
              password: s3cret
            """.write(to: config, atomically: true, encoding: .utf8)
        let bridge = try ParleyBridgeServer(extraArguments: ["--config", config.path])
        defer { bridge.process.stop() }
        let python = try ExternalPeer(named: "python3", installHint: "apt-get install python3")
        let script = """
            import sys, xmlrpc.client
            url = sys.argv[1]
            try:
                xmlrpc.client.ServerProxy(url).calls()
                print("NO-AUTH ACCEPTED")
            except xmlrpc.client.ProtocolError as e:
                print("NO-AUTH %d" % e.errcode)
            authed = url.replace("http://", "http://admin:s3cret@")
            print("AUTH %r" % xmlrpc.client.ServerProxy(authed).calls())
            """
        let outcome = try python.run(["-c", script, bridge.xmlrpcURL], timeout: .seconds(10))
        #expect(outcome.output.contains("NO-AUTH 401"), "\(outcome.output)")
        #expect(outcome.output.contains("AUTH 0"), "\(outcome.output)")

        // A client not on the list is refused even with the right credentials.
        try """
            xmlrpc:
              allow: ["192.0.2.1"]
              user: admin
              password: s3cret
            """.write(to: config, atomically: true, encoding: .utf8)
        let strict = try ParleyBridgeServer(extraArguments: ["--config", config.path])
        defer { strict.process.stop() }
        let refused = try python.run(["-c", script, strict.xmlrpcURL], timeout: .seconds(10))
        #expect(refused.output.contains("NO-AUTH 403"), "\(refused.output)")
        #expect(!refused.output.contains("AUTH 0"), "\(refused.output)")
    }

    @Test("private_rooms=yes: unknown rooms are refused until roomCreate; invitations are listed")
    func privateRooms() throws {
        let (bridge, _) = try startBridge("private_rooms=yes\n")
        defer { bridge.process.stop() }
        try runClient(mode: "private", against: bridge)
    }

    @Test("ignore_pin=yes: any admin PIN is accepted")
    func ignorePIN() throws {
        let (bridge, _) = try startBridge("ignore_pin=yes\n")
        defer { bridge.process.stop() }
        try runClient(mode: "ignore_pin", against: bridge)
    }

    private static let script = #"""
        import re, sys, time, traceback, xmlrpc.client

        url, mode = sys.argv[1], sys.argv[2]
        s = xmlrpc.client.ServerProxy(url, allow_none=True)
        REFUSED = "wrong adminpin or inexisting room"
        SI = None

        def di(fn, *args):
            return s.di("webconference", fn, *args)

        def same(got, expected):
            assert got == expected, "got %r, expected %r" % (got, expected)

        def fault(call, code, text):
            try:
                call()
            except xmlrpc.client.Fault as f:
                same((f.faultCode, f.faultString), (code, text))
                return
            raise AssertionError("no fault, expected %d %s" % (code, text))

        def created(answer):
            code, result, pin, info = answer
            same((code, result, info), (0, "OK", SI))
            assert re.fullmatch(r"[0-9]{6}", pin), pin
            return pin

        def open_mode():
            same(s.calls(), 0)
            pin = created(di("roomCreate", "100"))
            same(di("roomCreate", "100"), [1, "room already opened", "", SI])
            created(s.roomCreate("101", "60"))
            created(getattr(s, "webconference.roomCreate")("102", 60))
            same(di("roomInfo", "100", pin), [0, "OK", [], SI])
            same(s.roomInfo("100", "bad"), [1, REFUSED, [], SI])
            same(di("roomInfo", "new", "p"), [0, "OK", [], SI])
            same(di("roomInfo", "new", "q"), [1, REFUSED, [], SI])
            same(di("addParticipant", "100", "pid-8", "sip:carol@example.org"), [200, "OK", SI])
            same(di("roomInfo", "100", pin)[2], [["", "sip:carol@example.org", 0, "", 0, "pid-8"]])
            same(s.findParticipant("pid-8"), [["100"], SI])
            same(s.findParticipant("nobody"), [[], SI])
            fault(lambda: s.addParticipant("100", "pid-8", "x"), -1, "addParticipant: unknown method name")
            same(s.kickout("100", pin, "no-such-tag"), [2, "call does not exist", SI])
            same(s.mute("100", "bad", "no-such-tag"), [1, REFUSED, SI])
            same(s.changeRoomAdminpin("100", pin, "4321"), [0, "OK", SI])
            same(di("roomInfo", "100", pin)[0:2], [1, REFUSED])
            same(s.getRoomPassword("master", "100"), [0, "4321", SI])
            same(s.getRoomPassword("wrong", "100"), [403, "Wrong Master Password.", SI])
            same(s.getRoomPassword("master", "999"), [404, "Room does not exist.", SI])
            same(s.listRooms("master"), [200, ["100", "101", "102", "new"], SI])
            same(s.listRooms("wrong"), [407, ["Wrong Master Password."], SI])
            same(s.serverInfo(), [SI, SI])

            same(s.vqRoomFeedback("100", "4321", 4), [0, "OK", SI])
            same(s.vqCallFeedback("100", "4321", "no-tag", 2), [0, "OK", SI])
            same(s.vqConferenceFeedback("100", "4321", "carol", "fine", 5), [0, "OK", SI])
            same(di("flushFeedback"), [SI])
            same(di("resetFeedback", "/etc/passwd"), [-1, "error opening new feedback file", SI])
            same(di("resetFeedback", "../escape.log"), [-1, "error opening new feedback file", SI])
            same(di("resetFeedback", ""), [-2, "no filename given", SI])
            same(di("resetFeedback", "second.log"), [0, "OK", SI])
            same(s.vqRoomFeedback("101", "p", 3), [0, "OK", SI])
            same(di("flushFeedback"), [SI])

            same(s.roomDelete("100", "bad"), [1, REFUSED, SI])
            same(s.roomDelete("100", "4321"), [0, "OK", SI])
            same(s.roomDelete("100", "4321"), [2, "room does not exist\n", SI])

            fault(lambda: s.roomCreate(123), 300, "Exception: Type mismatch in arguments.")
            fault(lambda: di("roomInfo", "100"), 300, "Exception: AmArg out of bounds - parameter number mismatch.")
            fault(lambda: s.vqRoomFeedback("a", "b", "4"), 300, "Exception: Type mismatch in arguments.")
            fault(lambda: s.dialout("100", "p", "bob", "alice", "example.org", "u"), 300,
                  "Exception: AmArg out of bounds - parameter number mismatch.")
            fault(lambda: s.di("webconference"), 400, "need at least factory name and function name to call")
            fault(lambda: s.di("conference", "roomInfo"), 500, "could not get factory")
            fault(lambda: di("nosuch"), 504, "Exception: AmDynInvoke::NotImplemented: nosuch")
            fault(lambda: s.nosuch(), -1, "nosuch: unknown method name")

            multi = xmlrpc.client.MultiCall(s)
            multi.calls()
            multi.di("webconference", "roomInfo", "101", "wrong")
            multi.nosuch()
            results = multi()
            same(results[0], 0)
            same(results[1], [1, REFUSED, [], SI])
            try:
                results[2]
                raise AssertionError("no fault from multicall")
            except xmlrpc.client.Fault as f:
                same((f.faultCode, f.faultString), (-1, "nosuch: unknown method name"))

            names = s.system.listMethods()
            for name in ["calls", "di", "roomInfo", "webconference.roomInfo", "system.multicall", "system.listMethods"]:
                assert name in names, name

            # support_rooms_timeout=yes: a room created with a 1 s timeout is closed by the bridge.
            created(s.roomCreate("short", 1))
            assert "short" in s.listRooms("master")[1]
            deadline = time.time() + 6
            while "short" in s.listRooms("master")[1]:
                assert time.time() < deadline, "room 'short' outlived its timeout"
                time.sleep(0.2)

        def private_mode():
            same(di("roomInfo", "nope", "p"), [1, REFUSED, [], SI])
            same(di("dialout", "nope", "p", "bob", "alice", "example.org", "u", "pw"), [1, REFUSED, "", SI])
            same(di("addParticipant", "nope", "pid", "n"), [400, "Failed", SI])
            same(s.changeRoomAdminpin("nope", "p", "q"), [1, REFUSED, SI])
            pin = created(s.roomCreate("200"))
            same(s.roomInfo("200", pin), [0, "OK", [], SI])
            same(s.roomInfo("200", "bad"), [1, REFUSED, [], SI])
            same(di("addParticipant", "200", "pid", "sip:dave@example.org"), [200, "OK", SI])
            same(s.roomInfo("200", pin)[2], [["", "sip:dave@example.org", 0, "", 0, "pid"]])
            same(s.getRoomPassword("", "200"), [403, "Wrong Master Password.", SI])
            same(s.listRooms(""), [407, ["Wrong Master Password."], SI])

        def ignore_pin_mode():
            created(s.roomCreate("300"))
            same(s.roomInfo("300", "anything"), [0, "OK", [], SI])
            same(s.changeRoomAdminpin("300", "whatever", "1"), [0, "OK", SI])
            same(s.roomDelete("300", "still-anything"), [0, "OK", SI])

        try:
            SI = s.serverInfo()[0]
            assert re.fullmatch(r"Server: .+ calls: \d+ active/\d+ total/\d+ connect/\d+ min", SI), SI
            {"open": open_mode, "private": private_mode, "ignore_pin": ignore_pin_mode}[mode]()
            print("ALL OK")
        except Exception:
            print(traceback.format_exc())
        """#
}
