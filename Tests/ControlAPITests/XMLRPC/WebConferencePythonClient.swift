/// A black-box client: Python's standard `xmlrpc.client`, as SEMS's bundled pyqtgui and tool
/// scripts use it. The script checks every answer itself and prints `ALL OK`, or the first
/// mismatch.
enum WebConferencePythonClient {
    static let script = #"""
        import re, sys, traceback, xmlrpc.client

        port, mode = int(sys.argv[1]), sys.argv[2]
        s = xmlrpc.client.ServerProxy("http://127.0.0.1:%d/any/path" % port, allow_none=True)
        SI = "Server: Parley (test) calls: 3 active/0 total/0 connect/0 min"
        REFUSED = "wrong adminpin or inexisting room"

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
            same(s.calls(), 3)
            pin = created(di("roomCreate", "100"))
            same(di("roomCreate", "100"), [1, "room already opened", "", SI])
            created(s.roomCreate("101", "60"))
            created(getattr(s, "webconference.roomCreate")("102", 30))
            same(di("roomInfo", "100", pin), [0, "OK", [], SI])
            same(s.roomInfo("100", "bad"), [1, REFUSED, [], SI])
            same(di("roomInfo", "new", "p"), [0, "OK", [], SI])
            same(di("roomInfo", "new", "q"), [1, REFUSED, [], SI])

            code, result, tag, info = di("dialout", "100", pin, "bob", "alice", "example.org", "u", "pw",
                                         "X-A: 1|X-B: 2", "other.org", "pid-7")
            same((code, result, info), (0, "OK", SI))
            assert re.fullmatch(r"[0-9A-F]{8}-[0-9A-F]{12}-[0-9A-F]{8}", tag), tag
            same(di("roomInfo", "100", pin), [0, "OK", [[tag, "sip:bob@other.org", 1, "INVITE", 0, "pid-7"]], SI])
            same(s.findParticipant("pid-7"), [["100"], SI])
            same(s.dialout("100", "bad", "bob", "alice", "example.org", "u", "pw"), [1, REFUSED, "", SI])
            same(di("mute", "100", pin, tag), [0, "OK", SI])
            same(di("roomInfo", "100", pin)[2][0][4], 1)
            same(s.unmute("100", pin, tag), [0, "OK", SI])
            same(di("roomInfo", "100", pin)[2][0][4], 0)
            same(s.kickout("100", pin, "no-such-tag"), [2, "call does not exist", SI])
            same(s.kickout("100", "bad", tag), [1, REFUSED, SI])
            same(s.kickout("100", pin, tag), [0, "OK", SI])
            same(di("roomInfo", "100", pin)[2][0][2:4], [4, "disconnect"])

            same(di("addParticipant", "100", "pid-8", "sip:carol@example.org"), [200, "OK", SI])
            fault(lambda: s.addParticipant("100", "pid-8", "x"), -1, "addParticipant: unknown method name")
            same(s.changeRoomAdminpin("100", pin, "4321"), [0, "OK", SI])
            same(di("roomInfo", "100", pin)[0:2], [1, REFUSED])
            same(s.getRoomPassword("master", "100"), [0, "4321", SI])
            same(s.getRoomPassword("wrong", "100"), [403, "Wrong Master Password.", SI])
            same(s.getRoomPassword("master", "999"), [404, "Room does not exist.", SI])
            same(s.listRooms("master"), [200, ["100", "101", "102", "new"], SI])
            same(s.listRooms("wrong"), [407, ["Wrong Master Password."], SI])
            same(s.serverInfo(), [SI, SI])

            same(s.vqRoomFeedback("100", "4321", 4), [0, "OK", SI])
            same(s.vqCallFeedback("100", "4321", tag, 2), [0, "OK", SI])
            same(s.vqConferenceFeedback("100", "4321", "carol", "fine", 5), [0, "OK", SI])
            same(di("flushFeedback"), [SI])
            same(di("resetFeedback", "/etc/passwd"), [-1, "error opening new feedback file", SI])
            same(di("resetFeedback", "../escape.log"), [-1, "error opening new feedback file", SI])
            same(di("resetFeedback", ""), [-2, "no filename given", SI])
            same(di("resetFeedback", "second.log"), [0, "OK", SI])
            same(di("help"), ["help text goes here", SI])
            same(len(di("_list")), 15)

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
            fault(lambda: di("roomInfo", "100", None), 400, "unsupported parameter type")

            multi = xmlrpc.client.MultiCall(s)
            multi.calls()
            multi.di("webconference", "roomInfo", "101", "wrong")
            multi.nosuch()
            results = multi()
            same(results[0], 3)
            same(results[1], [1, REFUSED, [], SI])
            try:
                results[2]
                raise AssertionError("no fault from multicall")
            except xmlrpc.client.Fault as f:
                same((f.faultCode, f.faultString), (-1, "nosuch: unknown method name"))

            names = s.system.listMethods()
            for name in ["calls", "di", "roomInfo", "webconference.roomInfo", "system.multicall", "system.listMethods"]:
                assert name in names, name
            assert "addParticipant" not in names and "webconference.resetFeedback" not in names

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

        def refusing_mode():
            pin = created(s.roomCreate("400"))
            # The abandoned dial-out counts as a failed call.
            counted = SI.replace("0 total/", "1 total/")
            same(s.dialout("400", pin, "bob", "alice", "example.org", "u", "pw"), [1, "internal error", "", counted])
            same(s.roomInfo("400", pin), [0, "OK", [], counted])

        try:
            {"open": open_mode, "private": private_mode, "ignore_pin": ignore_pin_mode, "refusing": refusing_mode}[mode]()
            print("ALL OK")
        except Exception:
            print(traceback.format_exc())
        """#
}
