/// A member of an IM room: who, in which role, and whether the invitation is still pending.
public struct IMMember: Sendable, Hashable {
    /// The member's address (`sip:user@domain`).
    public var address: IMAddress
    /// Owner, admin or plain member.
    public var role: IMMemberRole
    /// Invited but not yet accepted (Kamailio `IMC_MEMBER_INVITED`): hears nothing, may only
    /// `#accept`, `#reject`, `#join`, `#leave` and `#members`.
    public var isInvited: Bool

    /// Creates a member.
    public init(address: IMAddress, role: IMMemberRole = .member, isInvited: Bool = false) {
        self.address = address
        self.role = role
        self.isInvited = isInvited
    }

    /// Kamailio's `imc_members.flag` column: owner 1, admin 2, invited 4 (imc_mng.h).
    public var kamailioFlag: Int {
        let roleBits = switch role {
        case .owner: 1
        case .admin: 2
        case .member: 0
        }
        return roleBits | (isInvited ? 4 : 0)
    }

    /// Reads Kamailio's `imc_members.flag` column; transient bits (deleted 8, skip 16) are ignored.
    public init(address: IMAddress, kamailioFlag: Int) {
        let role: IMMemberRole = kamailioFlag & 1 != 0 ? .owner : (kamailioFlag & 2 != 0 ? .admin : .member)
        self.init(address: address, role: role, isInvited: kamailioFlag & 4 != 0)
    }
}
