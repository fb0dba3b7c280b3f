import ConferenceModel
import Testing

/// serverInfo's counters and the `stats` file (spec §3, §12.2), and the feedback lines (§12.1).
@Suite struct CallStatisticsTests {
    @Test func countsCallsAndSummarises() {
        var statistics = CallStatistics()
        statistics.recordCall(connectedSeconds: 125)
        statistics.recordCall(connectedSeconds: nil)
        statistics.recordCall(connectedSeconds: 60)
        #expect(statistics.summary == "3 total/2 connect/3 min")
        #expect(statistics.fileContents == "3\n1\n185")
        #expect(CallStatistics(fileContents: "3\n1\n185") == statistics)
        #expect(CallStatistics(fileContents: "3\n1") == nil)
    }

    @Test func feedbackLinesHaveSEMSLayout() {
        #expect(FeedbackRecord.room(room: "r", adminPIN: "p", opinion: 4).line(unixTime: 17) == "RO r|||p|||4|||17|||\n")
        #expect(FeedbackRecord.call(room: "r", adminPIN: "p", callTag: "T", opinion: 2).line(unixTime: 17) == "CA|||r|||p|||T|||2|||17|||\n")
        #expect(
            FeedbackRecord.conference(room: "r", adminPIN: "p", sender: "s", comment: "ok", opinion: 5).line(unixTime: 17)
                == "CO|||r|||p|||5|||s|||ok|||17|||\n")
    }

    @Test func feedbackResetStaysInsideItsDirectory() throws {
        let directory = try #require(FeedbackDirectory(path: "/var/lib/parley/feedback/"))
        #expect(directory.resolve("week1.log") == "/var/lib/parley/feedback/week1.log")
        #expect(directory.resolve("/var/lib/parley/feedback/a/b.log") == "/var/lib/parley/feedback/a/b.log")
        #expect(directory.resolve("/etc/passwd") == nil)
        #expect(directory.resolve("../../etc/passwd") == nil)
        #expect(directory.resolve("/var/lib/parley/feedbackX") == nil)
        #expect(directory.resolve("") == nil)
        #expect(FeedbackDirectory(path: "relative") == nil)
    }

    @Test func adminPINsAreSixDigits() {
        var generator = SystemRandomNumberGenerator()
        let pin = AdminPIN.random(using: &generator)
        #expect(pin.count == 6)
        #expect(pin.allSatisfy(\.isASCII) && pin.allSatisfy(\.isNumber))
    }
}
