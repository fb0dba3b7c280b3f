import ConferenceModel
import ControlAPI
import Foundation
import Testing

/// The webconference XML-RPC server on a real socket, driven by curl and by Python's
/// `xmlrpc.client`.
@Suite struct WebConferenceServerTests {
    /// Runs the Python client in `mode` against the server on `port`; the recording call control
    /// places dial-outs without real calls and reports three active calls.
    func runPython(_ mode: String, port: Int) async throws -> String {
        try await HTTPClient.python(
            try WebConferencePythonClient.script(), ["http://127.0.0.1:\(port)/any/path", mode, "dialout", "calls=3"])
    }

    @Test func pythonClientSeesSEMSAnswersInOpenRoomsMode() async throws {
        let callControl = RecordingCallControl()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("parley-feedback-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try await withRunningWebConferenceServer(
            policy: VoiceRoomPolicy(masterPassword: "master"), callControl: callControl, feedbackDirectory: directory.path
        ) { port in
            let answer = try await runPython("open", port: port)
            #expect(answer == "ALL OK\n")
        }
        let requests = await callControl.requests
        guard case .place(let dialOut)? = requests.first else {
            Issue.record("no dial-out placed: \(requests)")
            return
        }
        #expect(dialOut.room == "100")
        #expect(dialOut.calleeURI == "sip:bob@other.org")
        #expect(dialOut.fromURI == "sip:alice@example.org")
        #expect((dialOut.authUser, dialOut.authPassword) == ("u", "pw"))
        #expect(dialOut.extraHeaders == ["X-A: 1", "X-B: 2"])
        #expect(dialOut.participantID == "pid-7")
        #expect(Array(requests.dropFirst()) == [
            .mute(true, callTag: dialOut.callTag, room: "100"),
            .mute(false, callTag: dialOut.callTag, room: "100"),
            .hangUp(callTag: dialOut.callTag, room: "100"),
        ])
        let log = try String(contentsOf: directory.appendingPathComponent("feedback.log"), encoding: .utf8)
        let lines = log.split(separator: "\n").map { $0.replacing(/\|\|\|[0-9]+\|\|\|$/, with: "|||<ts>|||") }
        #expect(lines == [
            "RO 100|||4321|||4|||<ts>|||",
            "CA|||100|||4321|||\(dialOut.callTag)|||2|||<ts>|||",
            "CO|||100|||4321|||5|||carol|||fine|||<ts>|||",
        ])
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("second.log").path))
    }

    @Test func pythonClientSeesThePrivateRoomsGate() async throws {
        try await withRunningWebConferenceServer(policy: VoiceRoomPolicy(privateRooms: true)) { port in
            let answer = try await runPython("private", port: port)
            #expect(answer == "ALL OK\n")
        }
    }

    @Test func pythonClientSeesIgnorePIN() async throws {
        try await withRunningWebConferenceServer(policy: VoiceRoomPolicy(ignorePIN: true)) { port in
            let answer = try await runPython("ignore_pin", port: port)
            #expect(answer == "ALL OK\n")
        }
    }

    @Test func dialOutThatCannotStartIsAnInternalErrorAndLeavesNoRow() async throws {
        let callControl = RecordingCallControl(refusesCalls: true)
        try await withRunningWebConferenceServer(callControl: callControl) { port in
            let answer = try await runPython("refusing", port: port)
            #expect(answer == "ALL OK\n")
        }
        #expect(await callControl.requests.count == 1)
    }

    @Test func responseBytesAreXmlRpcPlusPlusLayout() async throws {
        try await withRunningWebConferenceServer { port in
            let call = XMLRPCMethodCall(methodName: "calls", parameters: [])
            let response = try await HTTPClient.curl(port: port, path: "/whatever", body: call.xml, json: false)
            #expect(response.status == 200)
            #expect(response.headers["content-type"] == "text/xml")
            #expect(response.body == "<?xml version=\"1.0\"?>\r\n<methodResponse><params><param>\r\n\t<value><i4>3</i4></value>\r\n</param></params></methodResponse>\r\n")
            let malformed = try await HTTPClient.curl(port: port, body: "<methodCall><methodName>x", json: false)
            #expect(malformed.status == 200)
            #expect(try XMLRPCMethodResponse(parsing: Array(malformed.body.utf8))
                == .fault(.malformedRequest("not well-formed XML (line 1)")))
        }
    }

    @Test func oversizedBodyIsAFaultAndTheServerCarriesOn() async throws {
        var configuration = XMLRPCServerConfiguration(port: 0)
        configuration.maximumBodySize = 1024
        try await withRunningWebConferenceServer(configuration: configuration) { port in
            let padding = String(repeating: "x", count: 4096)
            let call = XMLRPCMethodCall(methodName: "roomCreate", parameters: [.string(padding)])
            let response = try await HTTPClient.curl(port: port, body: call.xml, json: false)
            #expect(try XMLRPCMethodResponse(parsing: Array(response.body.utf8))
                == .fault(.malformedRequest("the body is larger than 1024 bytes")))
            let next = try await HTTPClient.curl(port: port, body: XMLRPCMethodCall(methodName: "calls", parameters: []).xml, json: false)
            #expect(try XMLRPCMethodResponse(parsing: Array(next.body.utf8)) == .value(3))
        }
    }

    @Test func requestWithoutContentLengthIsRefused() async throws {
        let script = """
            import http.client, sys
            connection = http.client.HTTPConnection("127.0.0.1", int(sys.argv[1]))
            connection.request("POST", "/", body=iter([b"<methodCall><methodName>calls</methodName></methodCall>"]), encode_chunked=True)
            print(connection.getresponse().status)
            """
        try await withRunningWebConferenceServer { port in
            let answer = try await HTTPClient.python(script, [String(port)])
            #expect(answer == "411\n")
        }
    }

    @Test func allowListAndBasicCredentialsGateTheServer() async throws {
        let calls = XMLRPCMethodCall(methodName: "calls", parameters: []).xml
        var elsewhere = XMLRPCServerConfiguration(port: 0)
        elsewhere.allowedClients = ["192.0.2.1"]
        try await withRunningWebConferenceServer(configuration: elsewhere) { port in
            let answer = try await HTTPClient.curl(port: port, body: calls, json: false).status
            #expect(answer == 403)
        }
        var loopback = XMLRPCServerConfiguration(port: 0)
        loopback.allowedClients = ["127.0.0.1"]
        loopback.credentials = XMLRPCBasicCredentials(user: "admin", password: "s3cret")
        let script = """
            import sys, xmlrpc.client
            port = int(sys.argv[1])
            try:
                xmlrpc.client.ServerProxy("http://127.0.0.1:%d/" % port).calls()
            except xmlrpc.client.ProtocolError as error:
                print(error.errcode)
            print(xmlrpc.client.ServerProxy("http://admin:s3cret@127.0.0.1:%d/" % port).calls())
            """
        try await withRunningWebConferenceServer(configuration: loopback) { port in
            let answer = try await HTTPClient.python(script, [String(port)])
            #expect(answer == "401\n3\n")
        }
    }
}
