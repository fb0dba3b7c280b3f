// SIPTesting
