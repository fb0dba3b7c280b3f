extension StringProtocol {
    /// The text without leading and trailing SP/HTAB.
    func trimmingSIPWhitespace() -> String {
        guard let first = firstIndex(where: { !$0.isSIPWhitespace }),
              let last = lastIndex(where: { !$0.isSIPWhitespace })
        else { return "" }
        return String(self[first...last])
    }
}
