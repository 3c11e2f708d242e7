import Testing

@testable import XMLStream

@Suite struct XMLPullReaderTests {
    @Test func walksElementsAndText() throws {
        let reader = try XMLPullReader(bytes: Array("<a xmlns='n'><b>hi &amp; bye</b><c/></a>".utf8))
        #expect(try reader.next() == .start(isEmpty: false))
        #expect(reader.localName == "a")
        #expect(reader.namespaceURI == "n")
        #expect(try reader.next() == .start(isEmpty: false))
        #expect(try reader.next() == .text)
        #expect(reader.text == "hi & bye")
        #expect(try reader.next() == .end)
        #expect(try reader.next() == .start(isEmpty: true))
        #expect(reader.localName == "c")
        #expect(try reader.next() == .end)
        #expect(try reader.next() == .endOfDocument)
        #expect(try reader.next() == .endOfDocument)
    }

    @Test(arguments: [
        ("<!DOCTYPE a [<!ENTITY x 'y'>]><a/>", true),
        ("<?xml version='1.0'?>\n<!-- c --><!DOCTYPE a PUBLIC \"-//X//[weird]//EN\" \"u\" [ ]><a/>", true),
        ("<!DOCTYPE SyncML PUBLIC \"-//SYNCML//DTD SyncML 1.2//EN\" \"http://x/y.dtd\"><SyncML/>", false),
        ("<a>[<!DOCTYPE a [</a>", false),
        ("<a/>", false),
    ])
    func findsInternalSubsets(document: String, expected: Bool) {
        #expect(XMLPullReader.hasInternalSubset(Array(document.utf8)) == expected)
    }

    @Test func reportsSyntaxErrorsWithPosition() throws {
        let reader = try XMLPullReader(bytes: Array("<a>\n<b></a>".utf8))
        #expect { while try reader.next() != .endOfDocument {} } throws: { error in
            guard let error = error as? XMLDecodeError else { return false }
            return error.kind == .malformed && error.line == 2
        }
    }

    @Test func enforcesLimits() throws {
        #expect(throws: XMLDecodeError.self) { try XMLPullReader(bytes: Array("<a/>".utf8), limits: XMLLimits(maxBytes: 3)) }
        let deep = try XMLPullReader(bytes: Array("<a><a><a/></a></a>".utf8), limits: XMLLimits(maxDepth: 2))
        #expect { while try deep.next() != .endOfDocument {} } throws: { ($0 as? XMLDecodeError)?.kind == .limitExceeded }
        let many = try XMLPullReader(bytes: Array("<a><b/><b/><b/></a>".utf8), limits: XMLLimits(maxElements: 3))
        #expect { while try many.next() != .endOfDocument {} } throws: { ($0 as? XMLDecodeError)?.kind == .limitExceeded }
    }

    @Test func writerEscapes() {
        var writer = XMLWriter()
        writer.start("a", namespace: "x\"y")
        writer.text("1 < 2 & 3 > 2\r\n")
        writer.empty("b")
        writer.end("a")
        #expect(String(decoding: writer.bytes, as: UTF8.self) == "<a xmlns=\"x&quot;y\">1 &lt; 2 &amp; 3 &gt; 2&#13;\n<b/></a>")
    }
}
