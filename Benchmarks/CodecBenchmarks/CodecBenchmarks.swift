import Benchmark
import CLibXML2
import SyncML

/// Codec benchmarks for issue 3: XML and WBXML decode and encode of a typical server package and a 30 KB
/// client Results package, with a plain libxml2 parse of the same bytes as the baseline, and the memory a
/// 1 MiB Large Object chunk costs to decode.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.throughput, .wallClock, .mallocCountTotal],
        scalingFactor: .kilo,
        maxDuration: .seconds(3),
        maxIterations: 1_000_000)

    CloudEventBenchmarks.register()

    let cases: [(String, SyncMLMessage)] = [
        ("server package", SampleMessages.serverPackage), ("client results", SampleMessages.clientResults),
    ]
    for (name, message) in cases {
        let xml = message.xml()
        let wbxml = message.wbxml()
        let xmlSize = xml.count, wbxmlSize = wbxml.count

        Benchmark("libxml2 reader parse, \(name) (\(xmlSize) B XML)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(LibXML2Baseline.readerParse(xml)) }
        }
        Benchmark("libxml2 tree parse, \(name) (\(xmlSize) B XML)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(LibXML2Baseline.treeParse(xml)) }
        }
        Benchmark("XML decode, \(name) (\(xmlSize) B)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(try SyncMLMessage(xml: xml)) }
        }
        Benchmark("WBXML decode, \(name) (\(wbxmlSize) B)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(try SyncMLMessage(wbxml: wbxml)) }
        }
        Benchmark("XML encode, \(name) (\(xmlSize) B)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(message.xml()) }
        }
        Benchmark("WBXML encode, \(name) (\(wbxmlSize) B)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(message.wbxml()) }
        }
    }

    let largeXML = SampleMessages.largeObjectChunk(xml: true).xml()
    let largeWBXML = SampleMessages.largeObjectChunk(xml: false).wbxml()
    let memoryConfiguration = Benchmark.Configuration(
        metrics: [.mallocBytesCount, .mallocCountTotal, .peakMemoryResidentDelta, .wallClock], scalingFactor: .one,
        maxDuration: .seconds(3), maxIterations: 50)
    Benchmark("XML decode, 1 MiB Large Object chunk (\(largeXML.count) B)", configuration: memoryConfiguration) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try SyncMLMessage(xml: largeXML)) }
    }
    Benchmark("WBXML decode, 1 MiB Large Object chunk (\(largeWBXML.count) B)", configuration: memoryConfiguration) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try SyncMLMessage(wbxml: largeWBXML)) }
    }
}

/// A plain libxml2 parse of the same bytes: the baseline the XML decoder is measured against.
enum LibXML2Baseline {
    /// Walks every node with libxml2's streaming reader, touching nothing.
    static func readerParse(_ bytes: [UInt8]) -> Int {
        bytes.withUnsafeBufferPointer { buffer -> Int in
            guard let base = buffer.baseAddress,
                let reader = xmlReaderForMemory(
                    UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), Int32(buffer.count), nil, nil,
                    Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue))
            else { return -1 }
            defer { xmlFreeTextReader(reader) }
            var nodes = 0
            while xmlTextReaderRead(reader) == 1 { nodes += 1 }
            return nodes
        }
    }

    /// Builds and frees libxml2's tree of the document.
    static func treeParse(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer -> Bool in
            guard let base = buffer.baseAddress,
                let document = xmlReadMemory(
                    UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), Int32(buffer.count), nil, nil,
                    Int32(XML_PARSE_NONET.rawValue | XML_PARSE_COMPACT.rawValue))
            else { return false }
            xmlFreeDoc(document)
            return true
        }
    }
}
