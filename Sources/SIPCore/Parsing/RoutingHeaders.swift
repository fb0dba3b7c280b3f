/// The header values the parser models, collected in one pass over the header lines instead of
/// one scan per header (each look-up in ``SIPHeaderFields`` walks every line).
struct RoutingHeaders {
    /// The headers that may appear on one line only (RFC 3261 §7.3.1: not comma-separated lists).
    enum Single: Int, CaseIterable {
        case callID, from, to, cseq, maxForwards, expires, contentType

        /// Whether a second line is an error; Expires and Content-Type keep their first value.
        var mustBeUnique: Bool { self != .expires && self != .contentType }

        var name: String {
            switch self {
            case .callID: "Call-ID"
            case .from: "From"
            case .to: "To"
            case .cseq: "CSeq"
            case .maxForwards: "Max-Forwards"
            case .expires: "Expires"
            case .contentType: "Content-Type"
            }
        }
    }

    private(set) var singles: [String?] = Array(repeating: nil, count: Single.allCases.count)
    private(set) var vias: [String] = []
    private(set) var contacts: [String] = []
    private(set) var contentLengths: [String] = []

    /// Sorts every line into its slot.
    ///
    /// - Throws: a 400 when a single-valued header appears twice (RFC 4475 §3.3.8 `multi01`).
    init(_ headers: SIPHeaderFields) throws(SIPParseError) {
        for field in headers {
            guard let kind = Self.classify(field.name) else { continue }
            switch kind {
            case .single(let single):
                if singles[single.rawValue] == nil {
                    singles[single.rawValue] = field.value
                } else if single.mustBeUnique {
                    throw SIPParseError(.badRequest, "more than one \(single.name) header")
                }
            case .via:
                vias += HeaderValueSplitter.split(field.value)
            case .contact:
                contacts += HeaderValueSplitter.split(field.value)
            case .contentLength:
                contentLengths.append(field.value)
            }
        }
    }

    subscript(_ single: Single) -> String? { singles[single.rawValue] }

    private enum Kind {
        case single(Single), via, contact, contentLength
    }

    /// The kind of a header name, long or compact form, any case; `nil` for headers the parser does not model.
    private static func classify(_ name: String) -> Kind? {
        let bytes = name.utf8
        if bytes.count == 1 {
            switch bytes.first!.asciiLowercased {
            case UInt8(ascii: "v"): return .via
            case UInt8(ascii: "f"): return .single(.from)
            case UInt8(ascii: "t"): return .single(.to)
            case UInt8(ascii: "i"): return .single(.callID)
            case UInt8(ascii: "m"): return .contact
            case UInt8(ascii: "l"): return .contentLength
            case UInt8(ascii: "c"): return .single(.contentType)
            default: return nil
            }
        }
        switch bytes.count {
        case 2 where name.caseInsensitiveEquals("to"): return .single(.to)
        case 3 where name.caseInsensitiveEquals("via"): return .via
        case 4 where name.caseInsensitiveEquals("from"): return .single(.from)
        case 4 where name.caseInsensitiveEquals("cseq"): return .single(.cseq)
        case 7 where name.caseInsensitiveEquals("call-id"): return .single(.callID)
        case 7 where name.caseInsensitiveEquals("contact"): return .contact
        case 7 where name.caseInsensitiveEquals("expires"): return .single(.expires)
        case 12 where name.caseInsensitiveEquals("max-forwards"): return .single(.maxForwards)
        case 12 where name.caseInsensitiveEquals("content-type"): return .single(.contentType)
        case 14 where name.caseInsensitiveEquals("content-length"): return .contentLength
        default: return nil
        }
    }
}
