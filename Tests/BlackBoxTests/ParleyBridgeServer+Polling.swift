import Foundation

extension ParleyBridgeServer {
    /// Polls roomInfo every 100 ms until a row satisfies `condition`, for up to `timeout`; unlike
    /// `waitForParticipant` it sleeps with `Task.sleep`, leaving the cooperative threads to the
    /// test's other tasks while real phones take their time.
    func participant(
        room: String, adminPIN: String, timeout: Duration = .seconds(10), where condition: ([Any]) -> Bool
    ) async throws -> [Any]? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let row = try participants(room: room, adminPIN: adminPIN).first(where: condition) { return row }
            try await Task.sleep(for: .milliseconds(100))
        }
        return nil
    }

    /// Polls roomInfo until `count` participants of `room` are Connected (status 3).
    func waitForConnected(count: Int, room: String, adminPIN: String, timeout: Duration = .seconds(10)) async throws -> [[Any]] {
        let deadline = ContinuousClock.now + timeout
        var rows: [[Any]] = []
        while ContinuousClock.now < deadline {
            rows = try participants(room: room, adminPIN: adminPIN).filter { $0[2] as? Int == 3 }
            if rows.count >= count { return rows }
            try await Task.sleep(for: .milliseconds(100))
        }
        return rows
    }
}
