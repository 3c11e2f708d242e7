import Foundation
import Testing

/// The load runs work end to end (small counts; the figures themselves are in BENCHMARKS.md, not asserted).
@Suite struct BenchCommandTests {
    @Test func commandsRunAppliesEveryCommandAndReportsLatency() throws {
        let run = try Dmctl.run(["bench", "commands", "--count", "300", "--in-flight", "10", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout)) as? [String: Any])
        #expect(report["count"] as? Int == 300)
        #expect(report["inFlight"] as? Int == 10)
        #expect((report["perSecond"] as? Double ?? 0) > 0)
        #expect((report["p99Milliseconds"] as? Double ?? -1) >= (report["p50Milliseconds"] as? Double ?? 0))
    }

    @Test func eventsRunComparesCloudEventsWithRawFrames() throws {
        let run = try Dmctl.run(["bench", "events", "--count", "2000", "--passes", "1", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout)) as? [String: Any])
        #expect((report["rawPerSecond"] as? Double ?? 0) > 0)
        #expect((report["cloudEventsPerSecond"] as? Double ?? 0) > 0)
        #expect((report["eventBytes"] as? Int ?? 0) > 300)
    }

    @Test func nonsenseCountsAreUsageErrors() throws {
        for arguments in [["events", "--count", "0"], ["events", "--passes", "0"], ["commands", "--count", "0"],
                          ["commands", "--in-flight", "0"]] {
            let run = try Dmctl.run(["bench"] + arguments)
            #expect(run.status == 2, "\(arguments)")
            #expect(!run.stderr.isEmpty)
        }
    }
}
