/// One line of the webconference feedback file (spec §12.1), exactly as SEMS's `saveFeedback`
/// writes it: `|||`-separated, nothing escaped, the Unix time in seconds last.
public enum FeedbackRecord: Sendable, Hashable {
    /// `vqRoomFeedback(room, adminpin, opinion)`.
    case room(room: String, adminPIN: String, opinion: Int)
    /// `vqCallFeedback(room, adminpin, call_tag, opinion)`.
    case call(room: String, adminPIN: String, callTag: String, opinion: Int)
    /// `vqConferenceFeedback(room, adminpin, sender, comment, opinion)`.
    case conference(room: String, adminPIN: String, sender: String, comment: String, opinion: Int)

    /// The line, newline included. The room record starts with `"RO "` (a space, not `|||`),
    /// as SEMS writes it.
    public func line(unixTime: Int) -> String {
        switch self {
        case .room(let room, let adminPIN, let opinion):
            "RO \(room)|||\(adminPIN)|||\(opinion)|||\(unixTime)|||\n"
        case .call(let room, let adminPIN, let callTag, let opinion):
            "CA|||\(room)|||\(adminPIN)|||\(callTag)|||\(opinion)|||\(unixTime)|||\n"
        case .conference(let room, let adminPIN, let sender, let comment, let opinion):
            "CO|||\(room)|||\(adminPIN)|||\(opinion)|||\(sender)|||\(comment)|||\(unixTime)|||\n"
        }
    }
}
