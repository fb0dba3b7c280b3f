/// Admin PINs handed out by `roomCreate`.
public enum AdminPIN {
    /// Six random decimal digits, the shape of SEMS's `getRandomPin` (spec §4.1). The generator
    /// is the caller's: production passes `SystemRandomNumberGenerator`, which unlike SEMS's
    /// time-seeded `random()` is not guessable (B9).
    public static func random(using generator: inout some RandomNumberGenerator) -> String {
        String((0..<6).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) })
    }
}
