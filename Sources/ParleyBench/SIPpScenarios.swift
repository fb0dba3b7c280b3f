/// The two SIPp scenarios of the fan-out benchmark, written by the bench into its temporary
/// folder at run time (SwiftPM would flag XML files in the target folder as unhandled).
///
/// Each call is one MESSAGE to the room `sip:ROOM@127.0.0.1` and its `200`; SIPp's `-nr` turns its
/// own retransmissions off, so every MESSAGE offered is sent exactly once.
enum SIPpScenarios {
    /// `#join` from `sip:u<N>@127.0.0.1`, N being SIPp's call number (1, 2, …): the first join
    /// creates the room and makes u1 its owner (imc `create_on_join`, on by default).
    static func join(room: String) -> String {
        scenario(name: "imc-fanout-join", from: "u[call_number]", body: "#join", room: room, answerTimeout: .seconds(5))
    }

    /// A chat line from member `sender` to the room, which fans it out to every other member.
    static func load(room: String, sender: String, answerTimeout: Duration) -> String {
        scenario(
            name: "imc-fanout-load", from: sender, body: "fan-out load line [call_number]", room: room,
            answerTimeout: answerTimeout)
    }

    private static func scenario(name: String, from user: String, body: String, room: String, answerTimeout: Duration) -> String {
        let milliseconds = answerTimeout / .milliseconds(1)
        return """
            <?xml version="1.0" encoding="ISO-8859-1" ?>
            <scenario name="\(name)">
              <send>
                <![CDATA[

                  MESSAGE sip:\(room)@127.0.0.1:[remote_port] SIP/2.0
                  Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
                  Max-Forwards: 70
                  From: <sip:\(user)@127.0.0.1>;tag=[call_number]
                  To: <sip:\(room)@127.0.0.1>
                  Call-ID: [call_id]
                  CSeq: 1 MESSAGE
                  Content-Type: text/plain
                  Content-Length: [len]

                  \(body)
                ]]>
              </send>
              <recv response="200" timeout="\(Int(milliseconds))"/>
            </scenario>

            """
    }
}
