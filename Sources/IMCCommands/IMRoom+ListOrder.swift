import ConferenceModel

extension IMRoom {
    /// Adds a member where Kamailio's `imc_add_member` puts it: at the head of an empty list,
    /// otherwise right after the head (spec §3.4).
    mutating func insertInListOrder(_ member: IMMember) {
        members.insert(member, at: members.isEmpty ? 0 : 1)
    }

    /// The position of a member, matched ignoring ASCII case.
    func memberIndex(of address: IMAddress) -> Int? {
        members.firstIndex { $0.address == address }
    }

    /// Members who hear broadcasts: not invited (Kamailio skips `IMC_MEMBER_INVITED`).
    var activeMembers: [IMMember] { members.filter { !$0.isInvited } }
}
