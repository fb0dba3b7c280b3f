/// Everything each user agent saw during one run of ``KamailioComparisonScript``: per agent, the
/// MESSAGEs it received in arrival order and the final status of every request it sent.
///
/// Arrival order is compared per agent only: a server sends the messages of one request in its
/// own order, but copies to different agents may overtake each other on the way.
struct KamailioComparisonTranscript {
    /// Per agent name, the MESSAGEs received, in arrival order.
    var received: [String: [KamailioComparisonDelivery]] = [:]
    /// Per agent name, one line per request sent: the request and its final status code only
    /// (Kamailio says `500 command error` where parley-imc names the failure).
    var statuses: [String: [String]] = [:]

    /// Every place where `self` (Kamailio's run) and `other` (parley-imc's) differ, as readable lines.
    func differences(from other: KamailioComparisonTranscript) -> [String] {
        let agents = Set(received.keys).union(other.received.keys).union(statuses.keys).union(other.statuses.keys)
        return agents.sorted().flatMap { agent in
            Self.differences(
                "\(agent) request", (statuses[agent] ?? []).map(\.description),
                (other.statuses[agent] ?? []).map(\.description))
                + Self.differences(
                    "\(agent) received", (received[agent] ?? []).map(\.description),
                    (other.received[agent] ?? []).map(\.description))
        }
    }

    private static func differences(_ label: String, _ kamailio: [String], _ parley: [String]) -> [String] {
        (0..<max(kamailio.count, parley.count)).compactMap { index in
            let left = index < kamailio.count ? kamailio[index] : "(nothing)"
            let right = index < parley.count ? parley[index] : "(nothing)"
            return left == right ? nil : "\(label) #\(index + 1):\n  Kamailio:   \(left)\n  parley-imc: \(right)"
        }
    }
}
