extension String {
    /// The string with `A`…`Z` lowered and every other byte kept, as C's `strncasecmp` compares.
    var asciiLowercased: String {
        String(decoding: utf8.map { $0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0 }, as: UTF8.self)
    }
}
