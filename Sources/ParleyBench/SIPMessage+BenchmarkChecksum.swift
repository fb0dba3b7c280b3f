import SIPCore

extension SIPMessage {
    /// A number that depends on the fields the parser produced (what the transaction layer reads
    /// first: branch, Call-ID, CSeq, From tag), so a benchmark that folds it in must really parse.
    var benchmarkChecksum: Int {
        headers.count &+ body.count &+ callID.utf8.count &+ Int(cseq.sequenceNumber)
            &+ (topVia?.branch?.utf8.count ?? 0) &+ (from.tag?.utf8.count ?? 0) &+ contacts.count
    }
}
