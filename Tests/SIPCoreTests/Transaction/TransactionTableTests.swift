import SIPCore
import Testing

@Suite struct TransactionTableTests {
    @Test func insertLookupUpdateRemove() throws {
        let options = try TransactionTestMessages.options()
        let key = try #require(TransactionKey.server(for: options))
        var table = TransactionTable<ServerNonInviteTransaction>(minimumCapacity: 4)
        #expect(table.isEmpty)

        table.insert(ServerNonInviteTransaction(request: options, isReliable: false), for: key)
        #expect(table.count == 1)
        #expect(table.lookup(key)?.state == .trying)

        let actions = table.update(key) { $0.send(TransactionTestMessages.response(200, to: options)) }
        #expect(actions?.count == 2)
        #expect(table.lookup(key)?.state == .completed)

        let other = try #require(TransactionKey.server(for: try TransactionTestMessages.options(branch: "z9hG4bKother")))
        #expect(table.lookup(other) == nil)
        #expect(table.update(other) { $0.state } == nil)

        #expect(table.remove(key)?.state == .completed)
        #expect(table.isEmpty)
    }
}
