import DMTree
import Testing

@Suite struct NodeAddressTests {
    @Test func plainURI() throws {
        let address = try NodeAddress("DevInfo/Mod")
        #expect(address.uri.description == "./DevInfo/Mod")
        #expect(address.query == nil)
        #expect(address.description == "./DevInfo/Mod")
    }

    @Test(arguments: [
        ("./DMAcc/x1?prop=ACL", NodeQuery.property(.acl)),
        ("./DMAcc/x1?prop=TStamp", .property(.tstamp)),
        ("./DMAcc/x1?prop=verno", .property(.verNo)),
        ("./DevDetail?list=Struct", .list(.struct)),
        ("./DevDetail?list=StructData", .list(.structData)),
        ("./DevDetail?list=TNDS", .list(.tnds(TNDSSelection()))),
        ("./DevDetail?list=TNDS+ACL+Value", .list(.tnds(TNDSSelection(including: [.property(.acl), .value])))),
        (
            "./DevDetail?list=TNDS+Format-Value",
            .list(.tnds(TNDSSelection(including: [.property(.format)], excluding: [.value])))
        ),
    ])
    func queries(input: String, expected: NodeQuery) throws {
        #expect(try NodeAddress(input).query == expected)
    }

    @Test func canonicalForm() throws {
        #expect(try NodeAddress("DMAcc/x1?prop=acl").description == "./DMAcc/x1?prop=ACL")
        #expect(try NodeAddress("./a?list=tnds+acl-value").description == "./a?list=TNDS+ACL-Value")
        #expect(try NodeAddress(".?list=Struct").description == ".?list=Struct")
    }

    @Test(arguments: [
        "./a?prop", "./a?prop=Colour", "./a?list=Tree", "./a?list=TNDS+Colour", "./a?list=TNDSx",
        "./a?other=1", "./a?prop=ACL&list=Struct", "/a?prop=ACL", "./a/?prop=ACL", "?prop=ACL",
    ])
    func invalidAddresses(input: String) {
        #expect(throws: NodeURIError.self) { try NodeAddress(input) }
    }

    @Test func queryErrorsKeepTheWholeInput() {
        let error = #expect(throws: NodeURIError.self) { try NodeAddress("./a?prop=Colour") }
        #expect(error?.kind == .invalidQuery)
        #expect(error?.input == "./a?prop=Colour")
        #expect(error?.message.contains("Colour") == true)
    }

    @Test func limitsApplyToThePath() {
        #expect(throws: NodeURIError.self) { try NodeAddress("./a/b?prop=ACL", limits: .init(maxDepth: 1)) }
    }
}
