/// The SIPp scenarios of the calls benchmark, written into its temporary folder at run time
/// (SwiftPM would flag XML files in the target folder as unhandled).
///
/// One call is a G.711 phone dialling a room directly: INVITE with a PCMU offer, `200`, ACK, a
/// G.711 µ-law stream from a raw µ-law file (SIPp's `rtp_stream`, payload type 0, sent from SIPp's media
/// port to the port of the bridge's answer), a pause while it plays, BYE and its `200`. The
/// request-URI user is ``BridgeUnderTest/directRoomPrefix`` plus the room, so the bridge joins the
/// caller to the room without the PIN dialogue. SIPp's own retransmissions stay on (RFC 3261
/// §17.1.1.2 Timer A, as phones do), and a call that gets no `200` within `answerTimeout` fails.
enum CallScenarios {
    /// Short calls spread over rooms: the room is field 0 of SIPp's injection file
    /// (``roomsInjectionFile(rooms:)``), read in order, so call n joins room n modulo the room count.
    /// The stream plays `stream` once; the call lasts `talk` after its ACK.
    static func shortCall(stream: String, talk: Duration, answerTimeout: Duration) -> String {
        scenario(
            name: "parley-calls-setup", room: "[field0]", stream: stream, loops: 1, hold: talk, answerTimeout: answerTimeout)
    }

    /// A member of one big room that streams `stream` over and over for `hold`, then hangs up.
    static func member(room: String, stream: String, hold: Duration, answerTimeout: Duration) -> String {
        scenario(name: "parley-calls-member", room: room, stream: stream, loops: -1, hold: hold, answerTimeout: answerTimeout)
    }

    /// SIPp's injection file for ``shortCall(stream:talk:answerTimeout:)``: `SEQUENTIAL`, then one
    /// room name a line (`1000`, `1001`, …).
    static func roomsInjectionFile(rooms: Int) -> String {
        (["SEQUENTIAL"] + (0..<rooms).map { String(firstRoomNumber + $0) }).joined(separator: "\n") + "\n"
    }

    /// The first room's name as a number, so that every room name has the same length.
    private static let firstRoomNumber = 1000

    private static func scenario(name: String, room: String, stream: String, loops: Int, hold: Duration, answerTimeout: Duration) -> String {
        let user = BridgeUnderTest.directRoomPrefix + room
        return """
            <?xml version="1.0" encoding="ISO-8859-1" ?>
            <scenario name="\(name)">
              <send retrans="500">
                <![CDATA[

                  INVITE sip:\(user)@[remote_ip]:[remote_port] SIP/2.0
                  Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
                  From: <sip:caller[call_number]@[local_ip]:[local_port]>;tag=[call_number]
                  To: <sip:\(user)@[remote_ip]:[remote_port]>
                  Call-ID: [call_id]
                  CSeq: 1 INVITE
                  Contact: <sip:caller[call_number]@[local_ip]:[local_port]>
                  Max-Forwards: 70
                  Content-Type: application/sdp
                  Content-Length: [len]

                  v=0
                  o=caller [call_number] 1 IN IP[local_ip_type] [local_ip]
                  s=-
                  c=IN IP[media_ip_type] [media_ip]
                  t=0 0
                  m=audio [media_port] RTP/AVP 0
                  a=rtpmap:0 PCMU/8000

                ]]>
              </send>
              <recv response="100" optional="true"/>
              <recv response="180" optional="true"/>
              <recv response="200" rrs="true" rtd="true" timeout="\(milliseconds(answerTimeout))"/>
              <send>
                <![CDATA[

                  ACK [next_url] SIP/2.0
                  Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
                  From: <sip:caller[call_number]@[local_ip]:[local_port]>;tag=[call_number]
                  To: <sip:\(user)@[remote_ip]:[remote_port]>[peer_tag_param]
                  Call-ID: [call_id]
                  CSeq: 1 ACK
                  Contact: <sip:caller[call_number]@[local_ip]:[local_port]>
                  Max-Forwards: 70
                  Content-Length: 0

                ]]>
              </send>
              <nop>
                <action>
                  <exec rtp_stream="\(stream),\(loops),0"/>
                </action>
              </nop>
              <pause milliseconds="\(milliseconds(hold))"/>
              <send retrans="500">
                <![CDATA[

                  BYE [next_url] SIP/2.0
                  Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
                  From: <sip:caller[call_number]@[local_ip]:[local_port]>;tag=[call_number]
                  To: <sip:\(user)@[remote_ip]:[remote_port]>[peer_tag_param]
                  Call-ID: [call_id]
                  CSeq: 2 BYE
                  Contact: <sip:caller[call_number]@[local_ip]:[local_port]>
                  Max-Forwards: 70
                  Content-Length: 0

                ]]>
              </send>
              <recv response="200" crlf="true" timeout="\(milliseconds(answerTimeout))"/>
            </scenario>

            """
    }

    private static func milliseconds(_ duration: Duration) -> Int {
        Int((duration / .milliseconds(1)).rounded())
    }
}
