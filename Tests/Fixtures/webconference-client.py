# SEMS webconference's XML-RPC API as its own GUI and scripts see it, through Python's standard
# xmlrpc.client. Checks every answer and prints "ALL OK", or the first mismatch.
#   python3 webconference-client.py URL MODE [dialout] [calls=N] [room-timeout]
# MODE: open (with master password "master" and a feedback file), private, ignore_pin, refusing.
# dialout: the server places dial-outs without real calls (a recording call control);
# calls=N: what the built-in `calls` must answer; room-timeout: support_rooms_timeout is on.
import re, sys, time, traceback, xmlrpc.client

url, mode = sys.argv[1], sys.argv[2]
options = sys.argv[3:]
dialout = "dialout" in options
room_timeout = "room-timeout" in options
calls = next((int(o[6:]) for o in options if o.startswith("calls=")), 0)
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
    same(s.calls(), calls)
    pin = created(di("roomCreate", "100"))
    same(di("roomCreate", "100"), [1, "room already opened", "", SI])
    created(s.roomCreate("101", "60"))
    created(getattr(s, "webconference.roomCreate")("102", 30))
    same(di("roomInfo", "100", pin), [0, "OK", [], SI])
    same(s.roomInfo("100", "bad"), [1, REFUSED, [], SI])
    same(di("roomInfo", "new", "p"), [0, "OK", [], SI])
    same(di("roomInfo", "new", "q"), [1, REFUSED, [], SI])

    tag = "no-tag"
    if dialout:
        code, result, tag, info = di("dialout", "100", pin, "bob", "alice", "example.org", "u", "pw",
                                     "X-A: 1|X-B: 2", "other.org", "pid-7")
        same((code, result, info), (0, "OK", SI))
        assert re.fullmatch(r"[0-9A-F]{8}-[0-9A-F]{12}-[0-9A-F]{8}", tag), tag
        same(di("roomInfo", "100", pin), [0, "OK", [[tag, "sip:bob@other.org", 1, "INVITE", 0, "pid-7"]], SI])
        same(s.findParticipant("pid-7"), [["100"], SI])
        same(di("mute", "100", pin, tag), [0, "OK", SI])
        same(di("roomInfo", "100", pin)[2][0][4], 1)
        same(s.unmute("100", pin, tag), [0, "OK", SI])
        same(di("roomInfo", "100", pin)[2][0][4], 0)
        same(s.kickout("100", "bad", tag), [1, REFUSED, SI])
        same(s.kickout("100", pin, tag), [0, "OK", SI])
        same(di("roomInfo", "100", pin)[2][0][2:4], [4, "disconnect"])
    same(s.dialout("100", "bad", "bob", "alice", "example.org", "u", "pw"), [1, REFUSED, "", SI])
    same(s.kickout("100", pin, "no-such-tag"), [2, "call does not exist", SI])
    same(s.mute("100", "bad", "no-such-tag"), [1, REFUSED, SI])

    same(di("addParticipant", "100", "pid-8", "sip:carol@example.org"), [200, "OK", SI])
    same(di("roomInfo", "100", pin)[2][-1], ["", "sip:carol@example.org", 0, "", 0, "pid-8"])
    same(s.findParticipant("pid-8"), [["100"], SI])
    same(s.findParticipant("nobody"), [[], SI])
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
    same(s.vqRoomFeedback("101", "p", 3), [0, "OK", SI])
    same(di("flushFeedback"), [SI])
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
    same(results[0], calls)
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

    if room_timeout:
        # support_rooms_timeout=yes: a room created with a 1 s timeout is closed by the server.
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

def refusing_mode():
    pin = created(s.roomCreate("400"))
    # The abandoned dial-out counts as a failed call.
    counted = SI.replace("0 total/", "1 total/")
    same(s.dialout("400", pin, "bob", "alice", "example.org", "u", "pw"), [1, "internal error", "", counted])
    same(s.roomInfo("400", pin), [0, "OK", [], counted])

try:
    SI = s.serverInfo()[0]
    assert re.fullmatch(r"Server: .+ calls: \d+ active/\d+ total/\d+ connect/\d+ min", SI), SI
    {"open": open_mode, "private": private_mode, "ignore_pin": ignore_pin_mode, "refusing": refusing_mode}[mode]()
    print("ALL OK")
except Exception:
    print(traceback.format_exc())
