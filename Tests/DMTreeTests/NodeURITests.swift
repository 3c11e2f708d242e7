import DMTree
import Testing

@Suite struct NodeURITests {
    @Test(arguments: [
        ("DevInfo/Mod", "./DevInfo/Mod"),
        ("./DevInfo/Mod", "./DevInfo/Mod"),
        (".", "."),
        ("./DevDetail/URI/MaxDepth", "./DevDetail/URI/MaxDepth"),
        (".hidden/x", "./.hidden/x"),
        ("./a%7eb", "./a~b"),
        ("./a%2fb", "./a%2Fb"),
        ("./My Node/é", "./My Node/é"),
        ("./x..y/...", "./x..y/..."),
    ])
    func validURIsNormalise(input: String, expected: String) throws {
        #expect(try NodeURI(input).description == expected)
    }

    @Test(arguments: [
        ("", NodeURIError.Kind.empty),
        ("/DevInfo", .leadingSlash),
        ("/", .leadingSlash),
        ("./", .trailingSlash),
        ("./DevInfo/", .trailingSlash),
        ("./DevInfo//Mod", .emptySegment),
        ("./DevInfo/../DMAcc", .dotSegment),
        ("./DevInfo/./Mod", .dotSegment),
        ("./a/%2E", .dotSegment),
        ("..", .dotSegment),
        ("./DevInfo?list=Struct", .unexpectedQuery),
        ("./a%2", .invalidEscape),
        ("./a%zz", .invalidEscape),
        ("./a\tb", .invalidCharacter),
        ("./a\u{7F}", .invalidCharacter),
    ])
    func invalidURIsAreRefused(input: String, kind: NodeURIError.Kind) {
        let error = #expect(throws: NodeURIError.self) { try NodeURI(input) }
        #expect(error?.kind == kind)
        #expect(error?.input == input)
    }

    @Test func leadingSlashErrorExplainsWindows() {
        let error = #expect(throws: NodeURIError.self) { try NodeURI("/DevInfo/Mod") }
        #expect(error?.description.contains("Windows") == true)
        #expect(error?.description.contains("./") == true)
    }

    @Test func rootAndNavigation() throws {
        let uri = try NodeURI("./FwUpdate/x1/Download/PkgURL")
        #expect(uri.depth == 4)
        #expect(uri.lastSegment == "PkgURL")
        #expect(uri.parent?.description == "./FwUpdate/x1/Download")
        #expect(NodeURI.root.parent == nil)
        #expect(NodeURI.root.lastSegment == nil)
        #expect(NodeURI.root.isRoot)
        #expect(try NodeURI(".") == NodeURI.root)
        #expect(try NodeURI("./a").parent == NodeURI.root)
        #expect(try NodeURI("a") == NodeURI("./a"))
    }

    @Test func appending() throws {
        let account = try NodeURI.root.appending("DMAcc").appending(name: "srv/1")
        #expect(account.description == "./DMAcc/srv%2F1")
        #expect(account.unescapedSegments == ["DMAcc", "srv/1"])
        #expect(
            try account.appending(path: "AppAuth/cl/AAuthName").description == "./DMAcc/srv%2F1/AppAuth/cl/AAuthName")
        #expect(throws: NodeURIError.self) { try account.appending("a/b") }
        #expect(throws: NodeURIError.self) { try account.appending("") }
        #expect(throws: NodeURIError.self) { try account.appending("..") }
        #expect(throws: NodeURIError.self) { try account.appending(name: ".") }
        #expect(throws: NodeURIError.self) { try account.appending("a?b") }
        #expect(throws: NodeURIError.self) { try account.appending(path: "a//b") }
    }

    @Test func hasPrefixComparesWholeSegments() throws {
        let object = try NodeURI("./FwUpdate/x1")
        #expect(try NodeURI("./FwUpdate/x1/DownloadAndUpdate").hasPrefix(object))
        #expect(object.hasPrefix(object))
        #expect(object.hasPrefix(.root))
        #expect(try !NodeURI("./FwUpdate/x10").hasPrefix(object))
        #expect(try !NodeURI("./FwUpdate").hasPrefix(object))
        #expect(try NodeURI("./FwUpdate/x1/State").segments(below: object) == ["State"])
        #expect(try NodeURI("./Other").segments(below: object) == nil)
    }

    @Test func escapingRoundTrips() {
        let name = "a/b?c%d\u{1}e"
        let segment = NodeURI.escape(name: name)
        #expect(segment == "a%2Fb%3Fc%25d%01e")
        #expect(NodeURI.unescape(segment) == name)
        #expect(NodeURI.unescape("100%") == "100%")
        #expect(NodeURI.escape(name: "plain") == "plain")
    }

    @Test func segmentsInitialiser() throws {
        #expect(try NodeURI(segments: ["DevInfo", "Mod"]).description == "./DevInfo/Mod")
        #expect(try NodeURI(segments: []) == .root)
        #expect(throws: NodeURIError.self) { try NodeURI(segments: ["a/b"]) }
    }

    @Test func codableValidates() throws {
        struct Box: Codable, Equatable { var uri: NodeURI }
        let encoded = try JSONRoundTrip.encode(Box(uri: try NodeURI("DevInfo/Mod")))
        #expect(encoded == #"{"uri":"./DevInfo/Mod"}"#)
        #expect(try JSONRoundTrip.decode(Box.self, from: encoded) == Box(uri: try NodeURI("./DevInfo/Mod")))
        #expect(throws: DecodingError.self) { try JSONRoundTrip.decode(Box.self, from: #"{"uri":"/bad"}"#) }
    }
}

@Suite struct NodeURILimitTests {
    @Test func depthLimit() throws {
        let limits = NodeURI.Limits(maxDepth: 3)
        #expect(try NodeURI("./a/b/c", limits: limits).depth == 3)
        let error = #expect(throws: NodeURIError.self) { try NodeURI("./a/b/c/d", limits: limits) }
        #expect(error?.kind == .tooDeep)
    }

    @Test func totalLengthCountsTheDotSlashForm() throws {
        // "./DevInfo/Mod" is 13 bytes, even when written without "./".
        #expect(try NodeURI("DevInfo/Mod", limits: .init(maxTotalLength: 13)).description == "./DevInfo/Mod")
        let error = #expect(throws: NodeURIError.self) { try NodeURI("DevInfo/Mod", limits: .init(maxTotalLength: 12)) }
        #expect(error?.kind == .tooLong)
    }

    @Test func segmentLengthLimitNamesTheSegment() throws {
        let limits = NodeURI.Limits(maxSegmentLength: 8)
        #expect(try NodeURI("./DevDetail/URI", limits: .init(maxSegmentLength: 9)).depth == 2)
        let error = #expect(throws: NodeURIError.self) { try NodeURI("./DevDetail/URI", limits: limits) }
        #expect(error?.kind == .segmentTooLong)
        #expect(error?.message.contains("DevDetail") == true)
    }

    @Test func zeroMeansUnlimited() throws {
        let deep = (1...300).map { "n\($0)" }.joined(separator: "/")
        #expect(try NodeURI(deep, limits: .init(maxDepth: 0, maxTotalLength: 0, maxSegmentLength: 0)).depth == 300)
        #expect(NodeURI.Limits.unlimited.isUnlimited)
    }

    @Test func limitsFromDevDetail() throws {
        let limits = try NodeURI.Limits(devDetailMaxDepth: "8", maxTotLen: "127", maxSegLen: nil)
        #expect(limits == NodeURI.Limits(maxDepth: 8, maxTotalLength: 127, maxSegmentLength: 0))
        #expect(throws: NodeValueError.self) {
            try NodeURI.Limits(devDetailMaxDepth: "70000", maxTotLen: nil, maxSegLen: nil)
        }
        #expect(throws: NodeValueError.self) {
            try NodeURI.Limits(devDetailMaxDepth: "x", maxTotLen: nil, maxSegLen: nil)
        }
    }

    @Test func validateAgainstLimits() throws {
        let uri = try NodeURI("./a/b/c")
        try uri.validate(against: .init(maxDepth: 3))
        #expect(throws: NodeURIError.self) { try uri.validate(against: .init(maxDepth: 2)) }
    }
}
