/// URI equivalence of RFC 3261 §19.1.4, which §10.3 steps 6 and 7 use to find the binding a Contact
/// refreshes or removes.
enum ContactURIComparison {
    /// Parameters that make two URIs differ when only one of them carries it (§19.1.4).
    private static let parametersThatMustMatch: Set<String> = ["user", "ttl", "method", "maddr", "transport"]

    /// Whether `lhs` and `rhs` name the same resource by §19.1.4.
    ///
    /// The user part is compared as written, like ``AddressOfRecord``, so `%00` and `%00%00` differ
    /// (RFC 4475 §3.1.1.4); the host compares case-insensitively; an explicit port never equals an
    /// absent one. A URI of another scheme compares by its scheme-specific part.
    static func areEquivalent(_ lhs: SIPURI, _ rhs: SIPURI) -> Bool {
        guard lhs.scheme == rhs.scheme else { return false }
        if lhs.opaquePart != nil || rhs.opaquePart != nil { return lhs.opaquePart == rhs.opaquePart }
        guard lhs.user == rhs.user, lhs.password == rhs.password, lhs.port == rhs.port,
            lhs.host.caseInsensitiveEquals(rhs.host)
        else { return false }
        return parametersAgree(lhs.parameters, rhs.parameters) && headersAgree(lhs.headers, rhs.headers)
    }

    /// Parameters present in both must have equal values (case-insensitively); the parameters of
    /// ``parametersThatMustMatch`` must also be present in both or in neither; any other parameter
    /// present on one side only is ignored.
    private static func parametersAgree(_ lhs: [SIPParameter], _ rhs: [SIPParameter]) -> Bool {
        let names = Set((lhs + rhs).map { $0.name.lowercased() })
        for name in names {
            switch (lhs.value(named: name), rhs.value(named: name)) {
            case (.some(let left), .some(let right)):
                guard valuesAgree(left, right) else { return false }
            case (.none, .some), (.some, .none):
                if parametersThatMustMatch.contains(name) { return false }
            case (.none, .none):
                break
            }
        }
        return true
    }

    /// URI headers are never ignored: each one must appear on both sides, in any order, with the same
    /// value; names compare case-insensitively.
    private static func headersAgree(_ lhs: [SIPParameter], _ rhs: [SIPParameter]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var unmatched = rhs
        for header in lhs {
            guard
                let index = unmatched.firstIndex(where: {
                    $0.name.caseInsensitiveEquals(header.name) && $0.value == header.value
                })
            else { return false }
            unmatched.remove(at: index)
        }
        return true
    }

    private static func valuesAgree(_ lhs: String?, _ rhs: String?) -> Bool {
        switch (lhs, rhs) {
        case (.some(let left), .some(let right)): return left.caseInsensitiveEquals(right)
        case (.none, .none): return true
        default: return false
        }
    }
}
