import Foundation
import Testing

@Suite struct DDCommandTests {
    static let dl1 = """
        <media xmlns="http://www.openmobilealliance.org/xmlns/dd">
          <DDVersion>1.0</DDVersion><name>FW 2.1.0</name><type>application/octet-stream</type>
          <size>1,200,000</size><objectURI>https://dl.example.com/fw/2.1.0.bin</objectURI>
          <installNotifyURI>https://dl.example.com/notify?id=42</installNotifyURI>
          <vendor>Acme</vendor><description>Security update</description>
        </media>
        """

    static let dl2 = """
        <media xmlns="urn:oma:xml:dl:dd:2.0" DDVersion="2.0"><product><mediaObject>
          <meta><name>app</name></meta><size>12345</size><type>application/java-archive</type>
          <objectID>http://h/app.jar</objectID><objectURI><server>http://h/app.jar</server></objectURI>
        </mediaObject></product></media>
        """

    @Test func validateDL1File() throws {
        let directory = try Dmctl.temporaryDirectory()
        let file = directory.appendingPathComponent("fw.dd")
        try Data(Self.dl1.utf8).write(to: file)
        let run = try Dmctl.run(["dd", "validate", file.path])
        #expect(run.status == 0)
        #expect(run.stdoutText.contains("valid DL 1.0 download descriptor"))
        #expect(run.stdoutText.contains("size: 1200000 bytes"))
        #expect(run.stdoutText.contains("objectURI: https://dl.example.com/fw/2.1.0.bin"))
        #expect(run.stderr.isEmpty)
    }

    @Test func validateDL2FromStandardInput() throws {
        let run = try Dmctl.run(["dd", "validate"], stdin: Array(Self.dl2.utf8))
        #expect(run.status == 0)
        #expect(run.stdoutText.contains("valid DL 2.0 download descriptor (application/vnd.oma.dd2+xml)"))
        #expect(run.stdoutText.contains("servers: http://h/app.jar"))
    }

    @Test func validateAsJSON() throws {
        let run = try Dmctl.run(["dd", "validate", "--json", "-"], stdin: Array(Self.dl1.utf8))
        #expect(run.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout)) as? [String: Any]
        #expect(object?["version"] as? String == "1.0")
        #expect((object?["v1"] as? [String: Any])?["size"] as? Int == 1_200_000)
    }

    @Test func validateResolvesAgainstBaseURL() throws {
        let relative = Self.dl1.replacingOccurrences(of: "https://dl.example.com/fw/2.1.0.bin", with: "2.1.0.bin")
        let refused = try Dmctl.run(["dd", "validate"], stdin: Array(relative.utf8))
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("objectURI"))
        let resolved = try Dmctl.run(
            ["dd", "validate", "--base-url", "https://dl.example.com/fw/dd/42"], stdin: Array(relative.utf8))
        #expect(resolved.status == 0)
        #expect(resolved.stdoutText.contains("objectURI: https://dl.example.com/fw/dd/2.1.0.bin"))
    }

    @Test(arguments: [
        ("<media><type>a/b</type><objectURI>http://h/o</objectURI></media>", "size"),
        ("<media><type>a/b</type><size>0</size><objectURI>http://h/o</objectURI></media>", "size"),
        ("<media><DDVersion>2.0</DDVersion></media>", "951"),
        ("<html/>", "<media>"),
        ("<media><type>a/b</type>", "invalid download descriptor"),
        (
            "<!DOCTYPE media [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><media><type>&x;</type></media>",
            "DOCTYPE"
        ),
    ])
    func invalidDescriptorsExitWithOne(document: String, reasonPart: String) throws {
        let run = try Dmctl.run(["dd", "validate"], stdin: Array(document.utf8))
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("dmctl: "))
        #expect(run.stderr.contains(reasonPart))
        #expect(run.stdout.isEmpty)
    }

    @Test func missingFileExitsWithOne() throws {
        let run = try Dmctl.run(["dd", "validate", "/nonexistent/descriptor.dd"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("cannot read"))
    }

    @Test func createDL1RoundTripsThroughValidate() throws {
        let create = try Dmctl.run([
            "dd", "create", "--version", "1", "--object-uri", "https://dl.example.com/fw.bin", "--size", "1200000",
            "--type", "application/octet-stream", "--name", "FW 2.1", "--install-notify-uri",
            "https://dl.example.com/notify?id=1&x=2", "--vendor", "Acme", "--description", "Security <update>",
        ])
        #expect(create.status == 0)
        #expect(
            create.stdoutText.hasPrefix(
                #"<?xml version="1.0" encoding="UTF-8"?><media xmlns="http://www.openmobilealliance.org/xmlns/dd">"#))
        #expect(
            create.stdoutText.contains(
                "<installNotifyURI>https://dl.example.com/notify?id=1&amp;x=2</installNotifyURI>"))
        #expect(create.stdoutText.contains("<description>Security &lt;update&gt;</description>"))
        let validate = try Dmctl.run(["dd", "validate"], stdin: create.stdout)
        #expect(validate.status == 0)
        #expect(validate.stdoutText.contains("vendor: Acme"))
        #expect(validate.stdoutText.contains("installNotifyURI: https://dl.example.com/notify?id=1&x=2"))
    }

    @Test func createDL2ToFile() throws {
        let directory = try Dmctl.temporaryDirectory()
        let file = directory.appendingPathComponent("app.dd2")
        let create = try Dmctl.run([
            "dd", "create", "--version", "2", "--object-uri", "https://dl.example.com/app.jar", "--size", "12345",
            "--type", "application/java-archive", "--type", "application/octet-stream", "--name", "app",
            "--vendor", "Acme", "-o", file.path,
        ])
        #expect(create.status == 0)
        #expect(create.stdout.isEmpty)
        let written = try String(contentsOf: file, encoding: .utf8)
        #expect(written.contains(#"<media xmlns="urn:oma:xml:dl:dd:2.0" DDVersion="2.0">"#))
        let validate = try Dmctl.run(["dd", "validate", file.path])
        #expect(validate.status == 0)
        #expect(validate.stdoutText.contains("valid DL 2.0"))
        #expect(validate.stdoutText.contains("type: application/java-archive, application/octet-stream"))
        #expect(validate.stdoutText.contains("vendor: Acme"))
    }

    @Test(arguments: [
        (["--size", "0", "--object-uri", "https://h/o"], "size"),
        (["--size", "10", "--object-uri", "relative/o.bin"], "objectURI"),
        (["--size", "10", "--object-uri", "https://h/o", "--install-notify-uri", "notify"], "installNotifyURI"),
        (["--size", "10", "--object-uri", "https://h/o", "--type", "notamimetype"], "type"),
    ])
    func createRefusesInvalidDescriptorsWithOne(arguments: [String], reasonPart: String) throws {
        for version in ["1", "2"] {
            let run = try Dmctl.run(["dd", "create", "--version", version, "--type", "a/b"] + arguments)
            #expect(run.status == 1, "version \(version)")
            #expect(run.stderr.contains(reasonPart), "version \(version): \(run.stderr)")
            #expect(run.stdout.isEmpty)
        }
    }

    @Test(arguments: [
        ["--version", "3", "--object-uri", "https://h/o", "--size", "1", "--type", "a/b"],
        ["--version", "1", "--object-uri", "https://h/o", "--size", "ten", "--type", "a/b"],
        ["--version", "1", "--size", "1", "--type", "a/b"],
        ["--version", "1", "--object-uri", "https://h/o", "--size", "1"],
        ["--object-uri", "https://h/o", "--size", "1", "--type", "a/b"],
    ])
    func createUsageErrorsExitWithTwo(arguments: [String]) throws {
        let run = try Dmctl.run(["dd", "create"] + arguments)
        #expect(run.status == 2)
        #expect(!run.stderr.isEmpty)
    }

    @Test func unknownDDSubcommandIsAUsageError() throws {
        let run = try Dmctl.run(["dd", "sign"])
        #expect(run.status == 2)
    }
}
