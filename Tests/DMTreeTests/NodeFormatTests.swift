import DMTree
import Testing

@Suite struct NodeFormatTests {
    @Test func namesAreCaseInsensitive() {
        #expect(NodeFormat(name: "Chr") == .chr)
        #expect(NodeFormat(name: " node ") == .node)
        #expect(NodeFormat(name: "B64") == .b64)
        #expect(NodeFormat(name: "string") == nil)
        #expect(NodeFormat.allCases.count == 11)
        #expect(NodeFormat.default == .chr)
        #expect(NodeFormat.node.isInterior && !NodeFormat.chr.isInterior)
    }

    @Test(arguments: [
        (NodeFormat.int, "0", true), (.int, "-2147483648", true), (.int, "2147483647", true),
        (.int, "2147483648", false), (.int, "+5", true), (.int, "5 ", false), (.int, "", false), (.int, "1e3", false),
        (.int, "-", false), (.int, "99999999999999999999999", false),
        (.bool, "true", true), (.bool, "false", true), (.bool, "TRUE", true), (.bool, "1", false),
        (.bool, "yes", false),
        (.float, "1.5", true), (.float, "-.5", true), (.float, "1E4", true), (.float, "1.2e-3", true),
        (.float, "INF", true), (.float, "NaN", true), (.float, "1.", true), (.float, ".", false),
        (.float, "1e", false), (.float, "abc", false), (.float, "0x10", false),
        (.date, "20010711", true), (.date, "2001-07-11", true), (.date, "20240229", true), (.date, "20230229", false),
        (.date, "20011311", false), (.date, "2001071", false), (.date, "2001/07/11", false), (.date, "19000229", false),
        (.date, "20000229", true),
        (.time, "113000", true), (.time, "113000Z", true), (.time, "113000+0100", true), (.time, "113000-05", true),
        (.time, "11:30:00", true), (.time, "11:30:00+01:00", true), (.time, "240000", false), (.time, "116000", false),
        (.time, "113000X", false), (.time, "1130", false), (.time, "113000+0160", false), (.time, "235960", true),
        (.b64, "AAAA", true), (.b64, "YWJj\nZGVm", true), (.b64, "YQ==", true), (.b64, "YQ=", false),
        (.b64, "Y===", false), (.b64, "YQ==YQ==", false), (.b64, "****", false), (.b64, "", true),
        (.node, "", true), (.node, "child", false), (.null, "", true), (.null, "x", false),
        (.chr, "anything at all", true), (.bin, "\u{1}", true), (.xml, "<a/>", true),
    ])
    func valueValidation(format: NodeFormat, value: String, valid: Bool) {
        #expect(format.isValid(value) == valid, "\(format.rawValue) '\(value)'")
    }

    @Test func validationErrorsNameTheFormat() {
        let error = #expect(throws: NodeValueError.self) { try NodeFormat.int.validate("seven") }
        #expect(error?.format == .int)
        #expect(error?.description.contains("int") == true)
        #expect(error?.description.contains("seven") == true)
    }

    @Test func intRanges() throws {
        #expect(try NodeValues.parseInt("65535", in: 0...65_535) == 65_535)
        #expect(throws: NodeValueError.self) { try NodeValues.parseInt("-1", in: 0...65_535) }
        #expect(try NodeValues.parseInt("-42") == -42)
        #expect(try NodeValues.parseBool("false") == false)
        #expect(try NodeValues.parseFloat("-1.25") == -1.25)
    }

    @Test func dateAndTimeFormatBasic() throws {
        #expect(try DMDate(parsing: "2001-07-11").description == "20010711")
        #expect(try DMDate(year: 99, month: 1, day: 2).description == "00990102")
        #expect(try DMDate(parsing: "20010711") < DMDate(parsing: "20010712"))
        #expect(try DMTime(parsing: "11:30:00+01:30").description == "113000+0130")
        #expect(try DMTime(parsing: "113000-05").zone == .offset(minutes: -300))
        #expect(try DMTime(parsing: "080910Z").description == "080910Z")
        #expect(try DMTime(parsing: "080910").zone == .local)
        #expect(throws: NodeValueError.self) {
            try DMTime(hour: 1, minute: 2, second: 3, zone: .offset(minutes: 15 * 60))
        }
    }

    @Test func timestamps() throws {
        let stamp = try DMTimestamp(parsing: "20010711T163817Z")
        #expect(stamp.date == (try DMDate(year: 2001, month: 7, day: 11)))
        #expect(stamp.time.hour == 16 && stamp.time.zone == .utc)
        #expect(stamp.description == "20010711T163817Z")
        #expect(throws: NodeValueError.self) { try DMTimestamp(parsing: "20010711") }
        #expect(throws: NodeValueError.self) { try DMTimestamp(parsing: "20011311T000000") }
    }
}

@Suite struct NodePropertyTests {
    @Test func propertyNames() {
        #expect(
            NodePropertyName.allCases.map(\.rawValue) == [
                "ACL", "Format", "Name", "Size", "Title", "TStamp", "Type", "VerNo",
            ])
        #expect(NodePropertyName(name: "tstamp") == .tstamp)
        #expect(NodePropertyName(name: "Colour") == nil)
        #expect(NodePropertyName.allCases.filter(\.isReplaceable) == [.acl, .name, .title])
    }

    @Test func settingAndReadingProperties() throws {
        var properties = NodeProperties(name: "FwV")
        #expect(properties.value(of: .format) == "chr")
        #expect(properties.value(of: .acl) == "")
        #expect(properties.value(of: .size) == nil)
        try properties.set(.acl, to: "Get=*")
        try properties.set(.format, to: "Int")
        try properties.set(.size, to: "12")
        try properties.set(.tstamp, to: "20010711T163817Z")
        try properties.set(.verNo, to: "65535")
        try properties.set(.title, to: "Firmware version")
        try properties.set(.type, to: "text/plain")
        #expect(properties.acl.allows("x", .get))
        #expect(properties.format == .int)
        #expect(properties.value(of: .size) == "12")
        #expect(properties.value(of: .tstamp) == "20010711T163817Z")
        #expect(properties.value(of: .verNo) == "65535")
        #expect(properties.value(of: .title) == "Firmware version")
        #expect(properties.value(of: .type) == "text/plain")
        #expect(properties.value(of: .name) == "FwV")
    }

    @Test(arguments: [
        (NodePropertyName.acl, "Copy=*"), (.format, "string"), (.name, ""), (.size, "-1"), (.tstamp, "yesterday"),
        (.verNo, "65536"),
    ])
    func invalidPropertyValues(property: NodePropertyName, value: String) {
        var properties = NodeProperties(name: "n")
        #expect(throws: NodeValueError.self) { try properties.set(property, to: value) }
    }
}
