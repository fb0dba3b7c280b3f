extension StringProtocol {
    /// The text without leading and trailing spaces and tabs, for items of a comma-separated list
    /// inside a quoted-string (RFC 7616 §3.3 `qop-options`).
    func trimmingLinearWhitespace() -> String {
        let isWhitespace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isWhitespace($0) }),
            let last = lastIndex(where: { !isWhitespace($0) })
        else { return "" }
        return String(self[first...last])
    }
}
