import Foundation
import Logging
import ServiceKit
import Testing

@Suite("Log lines")
struct LogFormatTests {
    /// 2023-11-14T22:13:20.250Z
    static let fixedTime = Date(timeIntervalSince1970: 1_700_000_000.25)

    struct Refused: Error, CustomStringConvertible {
        var description: String { "peer refused" }
    }

    func logger(_ format: LogFormat, level: Logger.Level = .info, collector: LineCollector) -> Logger {
        let telemetry = Telemetry.local(
            configuration: LogConfiguration(level: level, format: format), sink: collector.sink,
            clock: { Self.fixedTime })
        return telemetry.logger(label: "dm-test")
    }

    @Test("logfmt: fixed fields first, metadata sorted, nested keys dotted, values quoted when needed")
    func logfmtLine() throws {
        let collector = LineCollector()
        var logger = logger(.logfmt, collector: collector)
        logger[metadataKey: "dm.instance"] = "fumo-1"
        logger.info(
            "request done",
            metadata: [
                "http": .dictionary(["route": "/dm", "status": .stringConvertible(200)]),
                "note": "say \"hi\"\nnow",
                "empty": "",
                "list": .array(["a", "b"]),
            ])
        #expect(
            collector.lines == [
                #"ts=2023-11-14T22:13:20.250Z level=info label=dm-test msg="request done" dm.instance=fumo-1 "#
                    + #"empty="" http.route=/dm http.status=200 list=[a,b] note="say \"hi\"\nnow""#
            ])
    }

    @Test("logfmt: an error is its own field; metadata cannot shadow the fixed fields")
    func logfmtErrorAndReservedKeys() {
        let collector = LineCollector()
        let logger = logger(.logfmt, collector: collector)
        logger.error("send failed", error: Refused(), metadata: ["msg": "other", "level": "x"])
        #expect(
            collector.lines == [
                #"ts=2023-11-14T22:13:20.250Z level=error label=dm-test msg="send failed" error="peer refused" "#
                    + #"metadata.level=x metadata.msg=other"#
            ])
    }

    @Test("JSON: one object per line with the same fields")
    func jsonLine() throws {
        let collector = LineCollector()
        var logger = logger(.json, collector: collector)
        logger[metadataKey: "dm.instance"] = "fumo-1"
        logger.warning(
            "slow \"device\"",
            error: Refused(),
            metadata: [
                "dm": .dictionary(["session": .dictionary(["id": "7"])]),
                "tags": .array(["a", .dictionary(["k": "v"])]),
                "ctl": "tab\there\u{1}",
            ])
        let line = try #require(collector.lines.first)
        #expect(collector.lines.count == 1)
        #expect(!line.contains("\n"))
        #expect(line.hasPrefix(#"{"ts":"2023-11-14T22:13:20.250Z","level":"warning","label":"dm-test","#))
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["ts"] as? String == "2023-11-14T22:13:20.250Z")
        #expect(object["level"] as? String == "warning")
        #expect(object["label"] as? String == "dm-test")
        #expect(object["msg"] as? String == "slow \"device\"")
        #expect(object["error"] as? String == "peer refused")
        #expect(object["dm.instance"] as? String == "fumo-1")
        #expect(object["dm.session.id"] as? String == "7")
        #expect(object["ctl"] as? String == "tab\there\u{1}")
        let tags = try #require(object["tags"] as? [Any])
        #expect(tags.first as? String == "a")
        #expect((tags.last as? [String: String]) == ["k": "v"])
        #expect(object.count == 9)
    }

    @Test("Records below the configured level are not written")
    func levelFilter() {
        let collector = LineCollector()
        let logger = logger(.logfmt, level: .notice, collector: collector)
        logger.info("hidden")
        logger.notice("shown")
        #expect(collector.lines.count == 1)
        #expect(collector.lines.first?.contains("msg=shown") == true)
    }

    @Test("Record metadata overrides the logger's; the provider's comes lowest")
    func metadataPrecedence() {
        let collector = LineCollector()
        let provider = Logger.MetadataProvider { ["source.a": "provider", "source.b": "provider"] }
        var handler = StructuredLogHandler(
            label: "dm-test", format: .logfmt, level: .info, sink: collector.sink, metadataProvider: provider,
            clock: { Self.fixedTime })
        handler[metadataKey: "source.b"] = "handler"
        handler[metadataKey: "source.c"] = "handler"
        let logger = Logger(label: "dm-test") { _ in handler }
        logger.info("merged", metadata: ["source.c": "record"])
        #expect(
            collector.lines == [
                "ts=2023-11-14T22:13:20.250Z level=info label=dm-test msg=merged "
                    + "source.a=provider source.b=handler source.c=record"
            ])
    }
}
