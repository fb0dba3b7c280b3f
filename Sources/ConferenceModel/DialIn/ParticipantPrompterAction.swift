/// What the driver of a ``ParticipantPrompter`` must do, in order.
public enum ParticipantPrompterAction: Sendable, Hashable {
    /// Play a prompt to this participant only, before anything already queued for them (SEMS
    /// `addToPlayListFront`). While it plays it replaces the room's mix for this listener.
    case playInFront(BridgePrompt)
    /// Like ``playInFront(_:)``, repeated until ``stopPrompts``.
    case loopInFront(BridgePrompt)
    /// Stop and drop this participant's prompts: they hear the room's mix again.
    case stopPrompts
    /// Start (or restart) a timer; report its expiry with ``ParticipantRoomEvent/timerFired(_:)``.
    case startTimer(BridgeTimer, after: Duration)
    /// Stop a timer started before; a late expiry of it is ignored anyway.
    case cancelTimer(BridgeTimer)
    /// Send BYE and leave the room, as a kickout does (SEMS `onKicked`); the participant's row
    /// becomes Disconnecting with `reason` (``CallLegStatusUpdate/kicked``).
    case kick(reason: String)
}
