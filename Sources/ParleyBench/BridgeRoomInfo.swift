import Foundation

/// The bridge's own view of a room: its XML-RPC `roomInfo` (Docs/XMLRPC.md), fetched with curl
/// (the bench runs no event loop, and one request per phase needs no HTTP client of its own).
enum BridgeRoomInfo {
    /// Why the room could not be read.
    struct QueryError: Error, CustomStringConvertible {
        /// What went wrong.
        let description: String
    }

    /// Participants of `room` whose status is Connected (3, SEMS's numbering, spec §9.1). The admin
    /// PIN is empty: the benchmark's bridge runs with `rooms.ignore-pin`.
    static func connectedParticipants(room: String, xmlrpcPort: Int, curl: String, directory: URL) throws -> Int {
        let request = """
            <?xml version="1.0"?><methodCall><methodName>roomInfo</methodName><params>\
            <param><value><string>\(room)</string></value></param><param><value><string></string></value></param>\
            </params></methodCall>
            """
        let requestURL = directory.appendingPathComponent("roomInfo.xml")
        try request.write(to: requestURL, atomically: true, encoding: .utf8)
        let outputPath = directory.appendingPathComponent("roomInfo-answer.xml").path
        try? FileManager.default.removeItem(atPath: outputPath)
        let process = try ChildProcess(
            curl,
            ["-sS", "--max-time", "30", "-H", "Content-Type: text/xml", "--data-binary", "@\(requestURL.path)",
             "http://127.0.0.1:\(xmlrpcPort)/RPC2"],
            outputPath: outputPath)
        let status = process.waitForExit()
        let answer = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        guard status == 0, answer.contains("<methodResponse>") else {
            throw QueryError(description: "roomInfo \(room) failed (curl exit \(status)):\n\(answer.prefix(500))")
        }
        return participantStatuses(in: answer).filter { $0 == 3 }.count
    }

    /// The status of each participant row: every row is an array of six values (call tag, number,
    /// status, reason, muted, participant id), so the status is the third value of each inner array.
    private static func participantStatuses(in answer: String) -> [Int] {
        let rows = answer.components(separatedBy: "<array><data>").dropFirst(2)
        return rows.compactMap { row in
            let values = row.components(separatedBy: "<value>").dropFirst()
            guard values.count >= 3 else { return nil }
            // `<i4>3</i4></value>`: the digits after the first `>`.
            let status = values[values.startIndex + 2].split(separator: ">").dropFirst().first ?? ""
            return Int(status.prefix { $0.isNumber })
        }
    }
}
