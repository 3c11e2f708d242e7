import Testing

@Suite struct DmctlUsageTests {
    @Test func helpSucceeds() throws {
        let run = try Dmctl.run(["--help"])
        #expect(run.status == 0)
        #expect(run.stdoutText.contains("dmctl"))
    }

    @Test func unknownSubcommandIsAUsageError() throws {
        let run = try Dmctl.run(["no-such-command"])
        #expect(run.status == 2)
        #expect(!run.stderr.isEmpty)
    }
}
