import IMCCommands
import SIPCore
import Testing

@Suite struct OutgoingIMMessageTests {
    @Test func standardHeadersInKamailioOrder() {
        let message = OutgoingIMMessage(from: "sip:chat-1@imc.test", to: "sip:bob@imc.test", body: [], inReplyTo: "abc@host")
        #expect(message.headerFields(extraHeaders: [SIPHeaderField(name: "P-Flags", value: "3")]) == [
            SIPHeaderField(name: "Content-Type", value: "text/plain"),
            SIPHeaderField(name: "Supported", value: "kamailio/imc"),
            SIPHeaderField(name: "P-Flags", value: "3"),
            SIPHeaderField(name: "In-Reply-To", value: "abc@host"),
        ])
    }

    @Test func inReplyToIsDroppedWhenTheBlockWouldExceed1024Bytes() {
        let fixed = "Content-Type: text/plain\r\nSupported: kamailio/imc\r\nIn-Reply-To: ".utf8.count
        let fits = OutgoingIMMessage(from: "a", to: "b", body: [], inReplyTo: String(repeating: "c", count: 1024 - fixed))
        #expect(fits.headerFields().count == 3)
        let tooLong = OutgoingIMMessage(from: "a", to: "b", body: [], inReplyTo: String(repeating: "c", count: 1025 - fixed))
        #expect(tooLong.headerFields().count == 2)
    }

    @Test func theInvitationFailureNoticeCarriesOnlyExtraHeaders() {
        let notice = OutgoingIMMessage(from: "a", to: "b", body: [], inReplyTo: nil, headerStyle: .extraHeadersOnly)
        #expect(notice.headerFields().isEmpty)
        #expect(notice.headerFields(extraHeaders: [SIPHeaderField(name: "X", value: "1")]).map(\.name) == ["X"])
    }
}
