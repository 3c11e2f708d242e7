/// Reading a ``JSONValue`` straight from UTF-8 bytes, without Foundation.
extension JSONValue {
    /// Reads one JSON value (RFC 8259) from UTF-8 bytes, with optional whitespace around it.
    ///
    /// Strict where `JSONDecoder` is lenient: trailing commas, invalid UTF-8, unescaped control characters, lone
    /// surrogates (`\uD800`) and anything after the value are errors. Otherwise it reads what `JSONDecoder` reads
    /// into a `JSONValue`: an integer that fits `Int64` is ``integer(_:)``, and so is a number with a fraction or
    /// exponent whose value is an integer below 2^53 (`2.0`, `1e2`, `-0.0`); other numbers are ``number(_:)``
    /// (parsed by `Double(_:)`), and one beyond `Double`'s range is an error. One difference: a number with a
    /// fraction or exponent at or above 2^53 stays the `Double` it is, where `JSONDecoder` makes an `Int64` of its
    /// decimal text, truncated (`7.553625833454805e+16` becomes 75536258334548050, which is not that `Double`;
    /// `9007199254740993.5` becomes 9007199254740993), so that every value ``jsonBytes()`` writes reads back equal.
    /// A repeated object key keeps its first value, as with `JSONDecoder`. A leading byte order mark is skipped.
    ///
    /// ```swift
    /// let value = try JSONValue(jsonBytes: Array(#"{"a":[1,2.5,"x"]}"#.utf8))  // ["a": [1, 2.5, "x"]]
    /// ```
    /// - Parameters:
    ///   - jsonBytes: the UTF-8 JSON text.
    ///   - maximumDepth: how many arrays and objects may nest (`JSONDecoder` allows 512).
    /// - Throws: ``JSONSyntaxError`` with the byte offset of the problem.
    public init(jsonBytes: some Collection<UInt8>, maximumDepth: Int = 64) throws(JSONSyntaxError) {
        self = try Self.withContiguousBytes(jsonBytes) { buffer throws(JSONSyntaxError) in
            var parser = JSONByteParser(buffer, maximumDepth: maximumDepth)
            return try parser.parseDocument()
        }
    }

    /// Reads the named members of the JSON object in `jsonBytes`: the whole text is checked, but only these members'
    /// values are built (others are checked and skipped). A repeated key keeps its first value. Numbers in these
    /// members are read as `JSONDecoder` reads an `Int64` field when it can (`1e17` and `3.0` are ``integer(_:)``),
    /// so that a header field reads as a `Decodable` struct would read it.
    ///
    /// ```swift
    /// let fields = try JSONValue.members(["id", "sequence"], ofObjectIn: payload)  // [.string(...), .integer(7)]
    /// ```
    /// - Parameters:
    ///   - names: the member names to read.
    ///   - jsonBytes: the UTF-8 JSON text; it must be an object.
    ///   - maximumDepth: how many arrays and objects may nest, the object itself included.
    /// - Returns: each name's value, in the order of `names`; nil for a member that is absent.
    /// - Throws: ``JSONSyntaxError`` when the text is not JSON or not an object.
    public static func members(
        _ names: [String], ofObjectIn jsonBytes: some Collection<UInt8>, maximumDepth: Int = 512
    ) throws(JSONSyntaxError) -> [JSONValue?] {
        try withContiguousBytes(jsonBytes) { buffer throws(JSONSyntaxError) in
            var parser = JSONByteParser(buffer, maximumDepth: maximumDepth)
            parser.decimalIntegers = true
            var values = [JSONValue?](repeating: nil, count: names.count)
            try parser.forEachMember { parser, key throws(JSONSyntaxError) in
                if let position = names.firstIndex(where: { parser.key(key, is: $0) }), values[position] == nil {
                    values[position] = try parser.parseValue()
                } else {
                    try parser.skipValue()
                }
            }
            return values
        }
    }

    /// Runs `body` on the bytes as one contiguous buffer (copying only when the collection is not contiguous).
    static func withContiguousBytes<Result>(
        _ bytes: some Collection<UInt8>,
        _ body: (UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> Result
    ) throws(JSONSyntaxError) -> Result {
        let outcome = bytes.withContiguousStorageIfAvailable { buffer -> Swift.Result<Result, JSONSyntaxError> in
            do throws(JSONSyntaxError) { return .success(try body(buffer)) } catch { return .failure(error) }
        }
        if let outcome { return try outcome.get() }
        return try Array(bytes).withUnsafeBufferPointer { buffer -> Swift.Result<Result, JSONSyntaxError> in
            do throws(JSONSyntaxError) { return .success(try body(buffer)) } catch { return .failure(error) }
        }.get()
    }
}

/// The name of a top-level member: where it is in the input when it has no escapes, else the decoded string.
enum JSONMemberKey {
    case bytes(Range<Int>)
    case decoded(String)
}

extension JSONByteParser {
    /// Reads `"key" :` without building a `String` for an ASCII key without escapes.
    mutating func parseMemberKey() throws(JSONSyntaxError) -> JSONMemberKey {
        guard index < input.count, input[index] == UInt8(ascii: "\"") else {
            throw failure(index < input.count ? "expected a string key" : "unexpected end of input in an object")
        }
        let key: JSONMemberKey
        if let range = parseSimpleString() {
            key = .bytes(range)
        } else {
            key = .decoded(try parseString())
        }
        skipWhitespace()
        guard take(UInt8(ascii: ":")) else { throw failure("expected ':' after an object key") }
        skipWhitespace()
        return key
    }

    /// Reads a string of printable ASCII without escapes, returning where its content is; nil (and nothing read)
    /// when the value is not such a string.
    @inline(__always)
    mutating func parseSimpleString() -> Range<Int>? {
        guard index < input.count, input[index] == UInt8(ascii: "\"") else { return nil }
        var position = index + 1
        while position < input.count {
            let byte = input[position]
            if byte == UInt8(ascii: "\"") {
                defer { index = position + 1 }
                return (index + 1)..<position
            }
            guard byte >= 0x20, byte < 0x80, byte != UInt8(ascii: "\\") else { return nil }
            position += 1
        }
        return nil
    }

    /// Whether `key` is `name`.
    func key(_ key: JSONMemberKey, is name: StaticString) -> Bool {
        switch key {
        case .bytes(let range):
            guard range.count == name.utf8CodeUnitCount else { return false }
            let expected = name.utf8Start
            for offset in 0..<range.count where input[range.lowerBound + offset] != expected[offset] { return false }
            return true
        case .decoded(let string):
            return string.utf8.elementsEqual(UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        }
    }

    /// Whether `key` is `name`.
    func key(_ key: JSONMemberKey, is name: String) -> Bool {
        switch key {
        case .bytes(let range):
            name.utf8.count == range.count
                && (name.utf8.withContiguousStorageIfAvailable { name in
                    for offset in 0..<name.count where name[offset] != input[range.lowerBound + offset] { return false }
                    return true
                } ?? name.utf8.elementsEqual(UnsafeBufferPointer(rebasing: input[range])))
        case .decoded(let string): string == name
        }
    }

    /// `key` as a string.
    func string(of key: JSONMemberKey) -> String {
        switch key {
        case .bytes(let range): String(decoding: UnsafeBufferPointer(rebasing: input[range]), as: UTF8.self)
        case .decoded(let string): string
        }
    }

    /// Reads a whole document that must be an object, calling `body` at each member with the index at its value;
    /// `body` must read or skip the value.
    mutating func forEachMember(
        _ body: (inout JSONByteParser, JSONMemberKey) throws(JSONSyntaxError) -> Void
    ) throws(JSONSyntaxError) {
        startDocument()
        guard index < input.count, input[index] == UInt8(ascii: "{") else {
            throw failure(index < input.count ? "expected an object" : "unexpected end of input, expected an object")
        }
        try enterContainer()
        index += 1
        skipWhitespace()
        if !take(UInt8(ascii: "}")) {
            repeat {
                let key = try parseMemberKey()
                try body(&self, key)
            } while try separator(UInt8(ascii: "}"), "an object")
        }
        depth -= 1
        try finishDocument()
    }
}
