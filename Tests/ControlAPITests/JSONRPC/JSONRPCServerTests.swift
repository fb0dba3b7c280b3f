import ControlAPI
import Testing

/// The server on a real socket, driven by curl and Python clients.
@Suite struct JSONRPCServerTests {
    @Test func singleCallAnswersWithResultAsJSON() async throws {
        try await withRunningJSONRPCServer { port in
            let response = try await HTTPClient.curl(port: port, body: #"{"jsonrpc":"2.0","method":"sum","params":[1,2,39],"id":1}"#)
            #expect(response.status == 200)
            #expect(response.headers["content-type"] == "application/json")
            #expect(response.body == #"{"jsonrpc":"2.0","result":42,"id":1}"#)
        }
    }

    @Test func resultObjectKeepsKeyOrder() async throws {
        try await withRunningJSONRPCServer { port in
            let response = try await HTTPClient.curl(port: port, body: #"{"jsonrpc":"2.0","method":"room","id":"a"}"#)
            #expect(response.body == #"{"jsonrpc":"2.0","result":{"room":"sip:chat-1@imc.test","members":2,"owner":"sip:alice@imc.test"},"id":"a"}"#)
        }
    }

    @Test func formEncodedContentTypeIsAccepted() async throws {
        // curl -d without -H sends application/x-www-form-urlencoded; jsonrpcs does not care.
        try await withRunningJSONRPCServer { port in
            let response = try await HTTPClient.curl(
                port: port, body: #"{"jsonrpc":"2.0","method":"echo","params":["x"],"id":2}"#, json: false)
            #expect(response.status == 200)
            #expect(response.body == #"{"jsonrpc":"2.0","result":["x"],"id":2}"#)
        }
    }

    @Test func batchAnswersEveryCallButNotifications() async throws {
        let recorder = CallRecorder()
        try await withRunningJSONRPCServer(methods: TestMethods.table(recorder: recorder)) { port in
            let batch = """
                [{"jsonrpc":"2.0","method":"sum","params":[1,2],"id":1},
                 {"jsonrpc":"2.0","method":"record","params":["note"]},
                 {"jsonrpc":"2.0","method":"nope","id":"x"},
                 42]
                """
            let response = try await HTTPClient.curl(port: port, body: batch)
            #expect(response.status == 200)
            #expect(response.body == """
                [{"jsonrpc":"2.0","result":3,"id":1},\
                {"jsonrpc":"2.0","error":{"code":-32601,"message":"Method not found","data":"nope"},"id":"x"},\
                {"jsonrpc":"2.0","error":{"code":-32600,"message":"Invalid Request","data":"a request must be a JSON object"},"id":null}]
                """)
        }
        #expect(await recorder.calls == [.positional(["note"])])
    }

    @Test func notificationRunsAndGetsNoContent() async throws {
        let recorder = CallRecorder()
        try await withRunningJSONRPCServer(methods: TestMethods.table(recorder: recorder)) { port in
            let single = try await HTTPClient.curl(port: port, body: #"{"jsonrpc":"2.0","method":"record","params":{"a":1}}"#)
            #expect(single.status == 204)
            #expect(single.body.isEmpty)
            let batch = try await HTTPClient.curl(
                port: port, body: #"[{"jsonrpc":"2.0","method":"record"},{"jsonrpc":"2.0","method":"nope"}]"#)
            #expect(batch.status == 204)
            #expect(batch.body.isEmpty)
        }
        #expect(await recorder.calls == [.named(["a": 1]), .none])
    }

    @Test func malformedJSONIsAParseErrorAndTheServerCarriesOn() async throws {
        try await withRunningJSONRPCServer { port in
            let broken = try await HTTPClient.curl(port: port, body: #"{"jsonrpc":"2.0","method":"sum" "id":1}"#)
            #expect(broken.status == 200)
            #expect(broken.body == #"{"jsonrpc":"2.0","error":{"code":-32700,"message":"Parse error","data":"expected ',' or '}' in object at byte 32"},"id":null}"#)
            let next = try await HTTPClient.curl(port: port, body: #"{"jsonrpc":"2.0","method":"sum","params":[2,2],"id":2}"#)
            #expect(next.body == #"{"jsonrpc":"2.0","result":4,"id":2}"#)
        }
    }

    @Test func invalidRequestsAreRejectedWithTheirID() async throws {
        try await withRunningJSONRPCServer { port in
            let version = try await HTTPClient.curl(port: port, body: #"{"jsonrpc":"1.0","method":"sum","id":7}"#)
            #expect(version.body == #"{"jsonrpc":"2.0","error":{"code":-32600,"message":"Invalid Request","data":"'jsonrpc' must be \"2.0\""},"id":7}"#)
            let params = try await HTTPClient.curl(port: port, body: #"{"jsonrpc":"2.0","method":"sum","params":"1,2","id":8}"#)
            #expect(params.body == #"{"jsonrpc":"2.0","error":{"code":-32600,"message":"Invalid Request","data":"'params' must be an array or an object"},"id":8}"#)
            let empty = try await HTTPClient.curl(port: port, body: "[]")
            #expect(empty.body == #"{"jsonrpc":"2.0","error":{"code":-32600,"message":"Invalid Request","data":"a batch must not be empty"},"id":null}"#)
        }
    }

    @Test func unknownMethodIsMethodNotFound() async throws {
        try await withRunningJSONRPCServer { port in
            let response = try await HTTPClient.curl(port: port, body: #"{"jsonrpc":"2.0","method":"imc.lst_rooms","id":3}"#)
            #expect(response.status == 200)
            #expect(response.body == #"{"jsonrpc":"2.0","error":{"code":-32601,"message":"Method not found","data":"imc.lst_rooms"},"id":3}"#)
        }
    }

    @Test func methodRejectingItsParametersIsInvalidParams() async throws {
        try await withRunningJSONRPCServer { port in
            let response = try await HTTPClient.curl(port: port, body: #"{"jsonrpc":"2.0","method":"sum","params":[1,"2"],"id":4}"#)
            #expect(response.body == #"{"jsonrpc":"2.0","error":{"code":-32602,"message":"Invalid params","data":"sum takes integers"},"id":4}"#)
        }
    }

    @Test func applicationErrorKeepsItsCodeAndMessage() async throws {
        try await withRunningJSONRPCServer { port in
            let response = try await HTTPClient.curl(port: port, body: #"{"jsonrpc":"2.0","method":"find","id":5}"#)
            #expect(response.status == 200)
            #expect(response.body == #"{"jsonrpc":"2.0","error":{"code":500,"message":"Room not found"},"id":5}"#)
        }
    }

    @Test func kamailioErrorStatusPutsTheFaultInTheStatusLine() async throws {
        try await withRunningJSONRPCServer(errorStatus: .kamailio) { port in
            let fault = try await HTTPClient.curl(port: port, body: #"{"jsonrpc":"2.0","method":"find","id":5}"#)
            #expect(fault.status == 500)
            #expect(fault.body == #"{"jsonrpc":"2.0","error":{"code":500,"message":"Room not found"},"id":5}"#)
            let unknown = try await HTTPClient.curl(port: port, body: #"{"jsonrpc":"2.0","method":"nope","id":6}"#)
            #expect(unknown.status == 500)
            let fine = try await HTTPClient.curl(port: port, body: #"{"jsonrpc":"2.0","method":"sum","params":[1],"id":7}"#)
            #expect(fine.status == 200)
        }
    }

    @Test func otherHTTPMethodsAreNotAllowed() async throws {
        try await withRunningJSONRPCServer { port in
            let get = try await HTTPClient.curl("GET", port: port)
            #expect(get.status == 405)
            #expect(get.headers["allow"] == "POST")
            let put = try await HTTPClient.curl("PUT", port: port, body: #"{"jsonrpc":"2.0","method":"sum","id":1}"#)
            #expect(put.status == 405)
        }
    }

    @Test func otherPathsAreNotFound() async throws {
        try await withRunningJSONRPCServer { port in
            let root = try await HTTPClient.curl(port: port, path: "/", body: #"{"jsonrpc":"2.0","method":"sum","id":1}"#)
            #expect(root.status == 404)
            let lowercase = try await HTTPClient.curl(port: port, path: "/rpc", body: #"{"jsonrpc":"2.0","method":"sum","id":1}"#)
            #expect(lowercase.status == 404)
        }
    }

    @Test func configuredPathIsServed() async throws {
        try await withRunningJSONRPCServer(path: "/jsonrpc") { port in
            let response = try await HTTPClient.curl(port: port, path: "/jsonrpc", body: #"{"jsonrpc":"2.0","method":"sum","params":[5],"id":1}"#)
            #expect(response.body == #"{"jsonrpc":"2.0","result":5,"id":1}"#)
            #expect(try await HTTPClient.curl(port: port, body: "{}").status == 404)
        }
    }

    @Test func oversizedBodyIsRefused() async throws {
        try await withRunningJSONRPCServer(maximumBodySize: 64) { port in
            let padding = String(repeating: "x", count: 100)
            let response = try await HTTPClient.curl(port: port, body: #"{"jsonrpc":"2.0","method":"echo","params":["\#(padding)"],"id":1}"#)
            #expect(response.status == 413)
        }
    }

    @Test func keptAliveConnectionSurvivesMalformedRequests() async throws {
        // Python's http.client reuses one connection for all three requests.
        let script = """
            import http.client, sys
            connection = http.client.HTTPConnection("127.0.0.1", int(sys.argv[1]))
            for body in sys.argv[2:]:
                connection.request("POST", "/RPC", body, {"Content-Type": "application/json"})
                response = connection.getresponse()
                print(response.status, response.read().decode())
            """
        try await withRunningJSONRPCServer { port in
            let output = try await HTTPClient.python(
                script,
                [
                    String(port), "hello", "[1,", #"{"jsonrpc":"2.0","method":"sum","params":[20,22],"id":9}"#,
                ])
            #expect(output.split(separator: "\n") == [
                #"200 {"jsonrpc":"2.0","error":{"code":-32700,"message":"Parse error","data":"unexpected character 'h', expected a value at byte 0"},"id":null}"#,
                #"200 {"jsonrpc":"2.0","error":{"code":-32700,"message":"Parse error","data":"unexpected end of input, expected a value at byte 3"},"id":null}"#,
                #"200 {"jsonrpc":"2.0","result":42,"id":9}"#,
            ])
        }
    }
}
