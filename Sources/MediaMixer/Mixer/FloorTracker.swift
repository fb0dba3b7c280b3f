/// Who holds the floor: the loudest current talker, moved only when a challenger stays louder.
///
/// The floor stays with its holder while they talk unless another talker is the loudest for
/// `holdFrames` ticks in a row; it passes at once when the holder stops talking (talker detection has
/// its own hysteresis, so that does not flap) and stays with the last holder when nobody talks,
/// as conference floors do between sentences.
struct FloorTracker {
    /// The member holding the floor, if anyone has.
    private(set) var holder: MixerMemberID?
    /// The talker currently louder than the holder.
    private var challenger: MixerMemberID?
    /// Consecutive ticks the challenger has been the loudest.
    private var challengerFrames = 0

    /// Takes this tick's loudest unmuted talker and whether the holder is still an unmuted talker.
    /// - Returns: the floor change, if the floor moved.
    mutating func update(loudest: MixerMemberID?, holderIsTalking: Bool, holdFrames: Int) -> MixerEvent? {
        guard let loudest, loudest != holder else {
            challenger = nil
            challengerFrames = 0
            return nil
        }
        guard holder != nil, holderIsTalking else { return move(to: loudest) }
        if challenger == loudest {
            challengerFrames += 1
        } else {
            challenger = loudest
            challengerFrames = 1
        }
        return challengerFrames >= holdFrames ? move(to: loudest) : nil
    }

    /// Forgets a member who left; returns the floor change if they held it.
    mutating func remove(_ member: MixerMemberID) -> MixerEvent? {
        if challenger == member {
            challenger = nil
            challengerFrames = 0
        }
        return holder == member ? move(to: nil) : nil
    }

    private mutating func move(to member: MixerMemberID?) -> MixerEvent {
        let previous = holder
        holder = member
        challenger = nil
        challengerFrames = 0
        return .floorChanged(from: previous, to: member)
    }
}
