// SIPCore
