import ControlAPI
import Testing

/// Parsing `<methodCall>`s and writing `<methodResponse>`s as XmlRpc++ does (spec §2.1, §2.3).
@Suite struct XMLRPCCodecTests {
    func parse(_ text: String) throws(XMLRPCFault) -> XMLRPCMethodCall {
        try XMLRPCMethodCall(parsing: Array(text.utf8))
    }

    @Test func readsEveryValueType() throws {
        let call = try parse("""
            <?xml version="1.0"?>
            <methodCall><methodName> roomInfo </methodName><params>
            <param><value><i4>7</i4></value></param>
            <param><value><int>-8</int></value></param>
            <param><value>untyped &amp; raw </value></param>
            <param><value><string>a&lt;b</string></value></param>
            <param><value><boolean>1</boolean></value></param>
            <param><value><double>2.5</double></value></param>
            <param><value><base64>aGk=</base64></value></param>
            <param><value><dateTime.iso8601>19980717T14:08:55</dateTime.iso8601></value></param>
            <param><value><array><data><value><i4>1</i4></value><value>x</value></data></array></value></param>
            <param><value><struct><member><name>k</name><value><string>v</string></value></member></struct></value></param>
            <param><value><nil/></value></param>
            <param><value><string><![CDATA[<raw>]]></string></value></param>
            </params></methodCall>
            """)
        #expect(call.methodName == "roomInfo")
        #expect(call.parameters == [
            7, -8, "untyped & raw ", "a<b", true, .double(2.5), .base64(Array("hi".utf8)), .dateTime("19980717T14:08:55"),
            [1, "x"], .struct(["k": "v"]), .nil, "<raw>",
        ])
    }

    @Test func roundTripsThroughTheWriter() throws {
        let original = XMLRPCMethodCall(
            methodName: "di",
            parameters: ["webconference", "roomCreate", "a&b<c>'\"", 42, [], [["x", 1]], .struct(["b": 1, "a": false])])
        #expect(try XMLRPCMethodCall(parsing: Array(original.xml.utf8)) == original)
    }

    @Test func writesResponsesLikeXmlRpcPlusPlus() throws {
        let response = XMLRPCMethodResponse.value([0, "OK", [], "S<"])
        #expect(response.xml == """
            <?xml version="1.0"?>\r\n<methodResponse><params><param>\r\n\t<value><array><data><value><i4>0</i4></value>\
            <value><string>OK</string></value><value><array><data></data></array></value><value><string>S&lt;</string></value>\
            </data></array></value>\r\n</param></params></methodResponse>\r\n
            """)
        let fault = XMLRPCMethodResponse.fault(.unknownMethod("nope"))
        #expect(fault.xml == """
            <?xml version="1.0"?>\r\n<methodResponse><fault>\r\n\t<value><struct><member><name>faultCode</name>\
            <value><i4>-1</i4></value></member><member><name>faultString</name><value><string>nope: unknown method name\
            </string></value></member></struct></value>\r\n</fault></methodResponse>\r\n
            """)
        #expect(try XMLRPCMethodResponse(parsing: Array(fault.xml.utf8)) == fault)
        #expect(try XMLRPCMethodResponse(parsing: Array(response.xml.utf8)) == response)
    }

    @Test(arguments: [
        "",
        "hello",
        "<methodCall><methodName>x</methodName>",
        "<methodCall><methodName>x</methodName><params><param><value><i4>1</i4></param></params></methodCall>",
        "<methodResponse/>",
        "<methodCall><params/></methodCall>",
        "<methodCall><methodName>x</methodName><params><param><value><i4>abc</i4></value></param></params></methodCall>",
        "<methodCall><methodName>x</methodName><params><param><value><i4>99999999999</i4></value></param></params></methodCall>",
        "<methodCall><methodName>x</methodName><params><param><value><boolean>yes</boolean></value></param></params></methodCall>",
        "<methodCall><methodName>x</methodName><params><param><value><float>1</float></value></param></params></methodCall>",
        "<methodCall><methodName>x</methodName><params><param><value><array><i4>1</i4></array></value></param></params></methodCall>",
        #"<!DOCTYPE m [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><methodCall><methodName>&b;</methodName></methodCall>"#,
    ])
    func malformedRequestsAreFaults(_ text: String) {
        #expect(throws: XMLRPCFault.self) { try parse(text) }
        do throws(XMLRPCFault) {
            _ = try parse(text)
        } catch {
            #expect(error.code == -1)
            #expect(error.string.hasPrefix("malformed methodCall: "))
        }
    }

    @Test func deepNestingIsRefusedWithoutRecursingIntoIt() {
        let depth = 1_000
        let text = "<methodCall><methodName>x</methodName><params><param>"
            + String(repeating: "<value><array><data>", count: depth) + String(repeating: "</data></array></value>", count: depth)
            + "</param></params></methodCall>"
        #expect(throws: XMLRPCFault.malformedRequest("elements nested deeper than 64")) { try parse(text) }
    }

    @Test func dispatcherRunsMulticallAndListsMethods() async {
        let dispatcher = XMLRPCDispatcher(methods: [
            "double": { parameters async throws(XMLRPCFault) in
                guard case .int(let number)? = parameters.first else { throw .typeMismatch }
                return .int(number * 2)
            }
        ])
        let multicall = XMLRPCMethodCall(
            methodName: "system.multicall",
            parameters: [[
                .struct(["methodName": "double", "params": [21]]),
                .struct(["methodName": "double", "params": ["x"]]),
                .struct(["methodName": "nope", "params": []]),
            ]])
        #expect(await dispatcher.response(to: Array(multicall.xml.utf8)) == .value([
            [42],
            .struct(["faultCode": 300, "faultString": "Exception: Type mismatch in arguments."]),
            .struct(["faultCode": -1, "faultString": "nope: unknown method name"]),
        ]))
        #expect(await dispatcher.response(to: XMLRPCMethodCall(methodName: "system.listMethods", parameters: []))
            == .value(["double", "system.listMethods", "system.multicall"]))
        #expect(await dispatcher.response(to: XMLRPCMethodCall(methodName: "system.multicall", parameters: [1]))
            == .fault(XMLRPCFault(code: -1, string: "system.multicall expected array of structs")))
    }
}
