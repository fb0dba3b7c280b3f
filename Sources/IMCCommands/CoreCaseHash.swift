/// Kamailio's `core_case_hash` (`src/core/hashes.h`) over two strings, which imc uses to place a
/// room in its hash table: `bucket = hash(name, domain) & (buckets - 1)`. The bucket walk decides
/// the order of `#rooms` and `imc.list_rooms` (spec §3.4), so it is reproduced bit for bit: four
/// bytes at a time, ASCII upper case folded to lower case, bytes taken as C's signed `char`.
public enum CoreCaseHash {
    /// The 32-bit hash of `first` followed by `second`.
    public static func hash(_ first: String, _ second: String) -> UInt32 {
        var hash: Int64 = 0
        for text in [first, second] {
            let bytes = text.utf8.map(folded)
            var index = 0
            while index + 4 <= bytes.count {
                let word = ((bytes[index] << 24) + (bytes[index + 1] << 16) + (bytes[index + 2] << 8) + bytes[index + 3])
                    & mask
                hash = (hash + (word ^ (word >> 3))) & mask
                index += 4
            }
            var tail: Int64 = 0
            while index < bytes.count {
                tail = ((tail << 8) + bytes[index]) & mask
                index += 1
            }
            hash = (hash + (tail ^ (tail >> 3))) & mask
        }
        return UInt32(((hash + (hash >> 11)) + ((hash >> 13) + (hash >> 23))) & mask)
    }

    /// The bucket of a room among `2^exponent` buckets.
    public static func bucket(name: String, domain: String, exponent: Int) -> Int {
        Int(hash(name, domain) & UInt32((1 << exponent) - 1))
    }

    private static let mask: Int64 = 0xFFFF_FFFF

    /// A byte as C's signed `char`, with `A`…`Z` folded to lower case.
    private static func folded(_ byte: UInt8) -> Int64 {
        if byte >= 65 && byte <= 90 { return Int64(byte | 0x20) }
        return byte > 127 ? Int64(byte) - 256 : Int64(byte)
    }
}
