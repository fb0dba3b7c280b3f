/// Carries a non-200 ``RegistrarOutcome`` out of the steps of ``Registrar``'s REGISTER processing, so
/// each step can stop the request where RFC 3261 §10.3 says to "skip the remaining steps".
struct RegistrarRejection: Error {
    /// The final response the request gets.
    let outcome: RegistrarOutcome
}
