/// Writing a ``CloudEvent`` straight to UTF-8 JSON bytes: the envelope by hand, in `JSONEncoder`'s sorted order.
///
/// A ``RawCloudEvent``'s `data` is a ``JSONValue`` and is written by hand too.
extension CloudEvent where Payload == JSONValue {
    /// The event as structured-mode JSON, byte for byte what ``ContractsJSON/encode(_:)`` writes: compact, members
    /// sorted by name (extensions among them; names of CloudEvents attributes in ``extensions`` are left out),
    /// `time` in UTC with milliseconds, absent `subject`/`dataschema` omitted. A non-finite number in `data` or an
    /// extension is written as `null` (see ``JSONValue/jsonBytes()``), where `JSONEncoder` throws.
    ///
    /// ```swift
    /// let frames = [Array(event.type.utf8), event.jsonBytes()]
    /// ```
    /// - Returns: the JSON bytes.
    public func jsonBytes() -> [UInt8] {
        envelopeBytes(dataCount: JSONByteWriter.estimatedCount(of: data)) { $0.write(data) }
    }
}

extension CloudEvent {
    /// The event as structured-mode JSON, byte for byte what ``ContractsJSON/encode(_:)`` writes; the envelope
    /// is written directly and only `data` goes through an encoder (``ContractsJSON/encodeBytes(_:)``'s fast one,
    /// or `JSONEncoder` for the whole event when the payload needs it).
    ///
    /// ```swift
    /// let payload = try CloudEvent(ended, source: "dm-session", sequence: 7, subject: deviceID).jsonBytes()
    /// ```
    /// - Returns: the JSON bytes.
    /// - Throws: what `JSONEncoder` would throw for the event.
    public func jsonBytes() throws -> [UInt8] {
        guard let dataBytes = try ContractsJSON.fastBytes(data) else { return try ContractsJSON.encodeBytes(self) }
        return envelopeBytes(dataCount: dataBytes.count) { $0.bytes.append(contentsOf: dataBytes) }
    }

    /// The envelope in JSONEncoder's sorted member order around `data`, which `writeData` writes.
    fileprivate func envelopeBytes(dataCount: Int, writeData: (inout JSONByteWriter) -> Void) -> [UInt8] {
        var names: [String] = []
        var capacity = 200 + id.utf8.count + source.utf8.count + type.utf8.count + (subject?.utf8.count ?? 0)
            + (dataschema?.utf8.count ?? 0) + dataCount
        if !extensions.isEmpty {
            names = extensions.keys.filter { !CloudEventAttributeKey.reserved.contains($0) }
            names.sort(by: JSONByteWriter.precedes)
            for name in names { capacity += name.utf8.count + 4 + JSONByteWriter.estimatedCount(of: extensions[name]!) }
        }
        var writer = CloudEventWriter(writer: JSONByteWriter(capacity: capacity), extensions: extensions, names: names)
        writer.writer.bytes.append(UInt8(ascii: "{"))
        // The attributes in JSONEncoder's sorted order, each after the extensions that sort before it.
        writer.member("data", #""data":"#)
        writeData(&writer.writer)
        writer.member("datacontenttype", #""datacontenttype":"#)
        writer.writer.write(datacontenttype)
        if let dataschema {
            writer.member("dataschema", #""dataschema":"#)
            writer.writer.write(dataschema)
        }
        writer.member("id", #""id":"#)
        writer.writer.write(id)
        writer.member("sequence", #""sequence":"#)
        writer.writer.write(sequence)
        writer.member("source", #""source":"#)
        writer.writer.write(source)
        writer.member("specversion", #""specversion":"1.0""#)
        if let subject {
            writer.member("subject", #""subject":"#)
            writer.writer.write(subject)
        }
        writer.member("time", #""time":""#)
        RFC3339.appendUTF8(of: time, to: &writer.writer.bytes)
        writer.writer.bytes.append(UInt8(ascii: "\""))
        writer.member("type", #""type":"#)
        writer.writer.write(type)
        writer.extensions(before: nil)
        writer.writer.bytes.append(UInt8(ascii: "}"))
        return writer.writer.bytes
    }
}

/// Members of an event object in sorted order: the attributes, with the extensions merged in.
private struct CloudEventWriter {
    var writer: JSONByteWriter
    let extensions: [String: JSONValue]
    /// Extension names to write, sorted.
    let names: [String]
    var next = 0
    var first = true

    /// Writes the extensions that sort before `name` (all that are left when nil), then `prefix` (`"name":`).
    @inline(__always)
    mutating func member(_ name: String, _ prefix: StaticString) {
        extensions(before: name)
        if !first { writer.bytes.append(UInt8(ascii: ",")) }
        first = false
        writer.writeRaw(prefix)
    }

    mutating func extensions(before name: String?) {
        while next < names.count, name.map({ JSONByteWriter.precedes(names[next], $0) }) ?? true {
            if !first { writer.bytes.append(UInt8(ascii: ",")) }
            first = false
            writer.write(names[next])
            writer.bytes.append(UInt8(ascii: ":"))
            writer.write(extensions[names[next]]!)
            next += 1
        }
    }
}
