/// The arguments of one webconference DI call, with SEMS's `AmArg::assertArrayFmt` checks
/// (spec §2.3): positions are checked in order, a missing one is a parameter-count fault, a
/// wrong type a type-mismatch fault. Arguments beyond the checked ones are not looked at.
struct WebConferenceArguments: Sendable {
    let values: [XMLRPCValue]

    /// The kinds `assertArrayFmt` names: `s` and `i`.
    enum Kind { case string, int }

    /// Checks the leading positions against `kinds`.
    func require(_ kinds: Kind...) throws(XMLRPCFault) {
        for (position, kind) in kinds.enumerated() {
            guard position < values.count else { throw .parameterCountMismatch }
            switch (kind, values[position]) {
            case (.string, .string), (.int, .int): continue
            default: throw .typeMismatch
            }
        }
    }

    /// The string at a position already checked.
    func string(_ position: Int) -> String {
        if case .string(let value) = values[position] { value } else { "" }
    }

    /// The int at a position already checked.
    func int(_ position: Int) -> Int {
        if case .int(let value) = values[position] { value } else { 0 }
    }

    /// An optional trailing string: used only if present and a string (SEMS catches the
    /// TypeMismatch and ignores the argument, spec §4.5).
    func optionalString(_ position: Int) -> String? {
        guard position < values.count, case .string(let value) = values[position] else { return nil }
        return value
    }
}
