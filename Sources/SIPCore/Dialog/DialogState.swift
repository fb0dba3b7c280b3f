/// Where a dialog is in its life (RFC 3261 §12).
public enum DialogState: Sendable, Hashable {
    /// Created by a provisional response with a To tag; may still end with a non-2xx final
    /// response to the INVITE (RFC 3261 §12.1, §12.3).
    case early
    /// Established by a 2xx final response (RFC 3261 §12.1).
    case confirmed
    /// Ended by a BYE, a non-2xx final response to the creating request, or a 481/408 response
    /// to an in-dialog request (RFC 3261 §12.2.1.2, §12.3, §15).
    case terminated
}
