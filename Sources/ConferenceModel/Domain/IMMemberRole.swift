/// The role of a member of an IM room (Kamailio imc `IMC_MEMBER_OWNER` / `IMC_MEMBER_ADMIN`).
public enum IMMemberRole: String, Sendable, Hashable, CaseIterable {
    /// The creator; shown `*` in `#members`; may not leave, may destroy.
    case owner
    /// An administrator; shown `~`; may invite, add, remove and modify.
    case admin
    /// A plain member.
    case member
}
