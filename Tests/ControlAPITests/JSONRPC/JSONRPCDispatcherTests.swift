import ControlAPI
import Testing

/// JSON-RPC 2.0 rules without HTTP, against the specification's own examples (§7).
@Suite struct JSONRPCDispatcherTests {
    private let dispatcher = JSONRPCDispatcher(methods: TestMethods.table())

    private func reply(_ text: String) async -> JSONRPCReply {
        await dispatcher.reply(to: Array(text.utf8))
    }

    @Test func namedParametersArriveInOrder() async {
        let reply = await reply(#"{"jsonrpc":"2.0","method":"echo","params":{"b":1,"a":2},"id":1}"#)
        #expect(reply.text == #"{"jsonrpc":"2.0","result":{"b":1,"a":2},"id":1}"#)
        #expect(reply.error == nil)
    }

    @Test func idComesBackAsSent() async {
        #expect(await reply(#"{"jsonrpc":"2.0","method":"sum","id":"abc"}"#).text == #"{"jsonrpc":"2.0","result":0,"id":"abc"}"#)
        #expect(await reply(#"{"jsonrpc":"2.0","method":"sum","id":null}"#).text == #"{"jsonrpc":"2.0","result":0,"id":null}"#)
        #expect(await reply(#"{"jsonrpc":"2.0","method":"sum","id":1.5}"#).text == #"{"jsonrpc":"2.0","result":0,"id":1.5}"#)
    }

    @Test func invalidIDIsAnsweredWithNull() async {
        let reply = await reply(#"{"jsonrpc":"2.0","method":"sum","id":[1]}"#)
        #expect(reply.text == #"{"jsonrpc":"2.0","error":{"code":-32600,"message":"Invalid Request","data":"'id' must be a string, a number or null"},"id":null}"#)
    }

    @Test func methodMustBeAString() async {
        // §7: {"jsonrpc": "2.0", "method": 1, "params": "bar"}
        let reply = await reply(#"{"jsonrpc": "2.0", "method": 1, "params": "bar"}"#)
        #expect(reply.error?.code == .invalidRequest)
        #expect(reply.text == #"{"jsonrpc":"2.0","error":{"code":-32600,"message":"Invalid Request","data":"'method' must be a string"},"id":null}"#)
    }

    @Test func batchOfNonObjectsGetsOneErrorEach() async {
        // §7: [1,2,3]
        let reply = await reply("[1,2,3]")
        let error = #"{"jsonrpc":"2.0","error":{"code":-32600,"message":"Invalid Request","data":"a request must be a JSON object"},"id":null}"#
        #expect(reply.text == "[\(error),\(error),\(error)]")
        #expect(reply.error == nil, "a batch is never a single error")
    }

    @Test func invalidBatchIsOneParseError() async {
        // §7: an invalid JSON batch gets a single Parse error.
        let reply = await reply(#"[{"jsonrpc": "2.0", "method": "sum", "params": [1,2,4], "id": "1"},{"jsonrpc": "2.0", "method""#)
        #expect(reply.error?.code == .parseError)
        #expect(reply.text?.hasSuffix(#","id":null}"#) == true)
    }

    @Test func failingNotificationIsNotAnswered() async {
        let reply = await reply(#"{"jsonrpc":"2.0","method":"find"}"#)
        #expect(reply.body == nil)
    }

    @Test func singleErrorIsReportedForStatusMapping() async {
        let reply = await reply(#"{"jsonrpc":"2.0","method":"find","id":1}"#)
        #expect(reply.error == JSONRPCError(code: JSONRPCError.Code(500), message: "Room not found"))
    }
}
