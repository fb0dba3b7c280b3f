import Testing

@testable import MediaMixer

@Suite("RTP read budget")
struct RTPReadBudgetTests {
    @Test("A socket the poll found empty is not read; a 20 ms stream is read once a tick, and drained every eighth")
    func steadyStreamReadsOncePerTick() {
        var budget = RTPReadBudget()
        #expect(budget.dataReads(socketReady: false) == 0)
        var allowed: [Int32] = []
        for _ in 0..<16 {
            let reads = budget.dataReads(socketReady: true)
            allowed.append(reads)
            budget.finishReadyReceive(packetsRead: 1)
        }
        let drain = RTPReadBudget.unlimited
        #expect(allowed == [1, 1, 1, 1, 1, 1, 1, drain, 1, 1, 1, 1, 1, 1, 1, drain])
    }

    @Test("A peer that sends two packets a tick gets two reads a tick after the next drain")
    func shorterPacketsGetMoreReads() {
        var budget = RTPReadBudget()
        var allowed: [Int32] = []
        for _ in 0..<10 {
            let reads = budget.dataReads(socketReady: true)
            allowed.append(reads)
            budget.finishReadyReceive(packetsRead: reads == RTPReadBudget.unlimited ? 2 : min(reads, 2))
        }
        #expect(allowed.prefix(7).allSatisfy { $0 == 1 })
        #expect(allowed[7] == RTPReadBudget.unlimited)
        #expect(allowed[8] == 2 && allowed[9] == 2)
    }

    @Test("RTCP is read every 25th receive")
    func controlSocketEveryHalfSecond() {
        var budget = RTPReadBudget()
        let reads = (0..<50).map { _ in budget.controlReads() }
        #expect(reads.enumerated().filter { $0.element != 0 }.map(\.offset) == [24, 49])
        #expect(reads.filter { $0 != 0 }.allSatisfy { $0 == RTPReadBudget.unlimited })
    }
}
