extension Substring {
    /// The pieces between occurrences of the ASCII `separator`, found on the UTF-8 bytes: what
    /// `split(separator:maxSplits:omittingEmptySubsequences:)` gives for an ASCII separator,
    /// without breaking the text into `Character`s first.
    func splitting(onByte separator: UInt8, maxSplits: Int = .max, omittingEmptySubsequences: Bool = true) -> [Substring] {
        utf8.split(separator: separator, maxSplits: maxSplits, omittingEmptySubsequences: omittingEmptySubsequences)
            .map(Substring.init)
    }
}

extension String {
    /// See ``Substring/splitting(onByte:maxSplits:omittingEmptySubsequences:)``.
    func splitting(onByte separator: UInt8, maxSplits: Int = .max, omittingEmptySubsequences: Bool = true) -> [Substring] {
        self[...].splitting(onByte: separator, maxSplits: maxSplits, omittingEmptySubsequences: omittingEmptySubsequences)
    }
}
