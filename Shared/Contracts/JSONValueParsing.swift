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
                if let position = names.firstIndex(of: key), values[position] == nil {
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

extension JSONByteParser {
    /// Reads a whole document that must be an object, calling `body` at each member with the index at its value;
    /// `body` must read or skip the value.
    mutating func forEachMember(
        _ body: (inout JSONByteParser, String) throws(JSONSyntaxError) -> Void
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
                let key = try parseKey()
                try body(&self, key)
            } while try separator(UInt8(ascii: "}"), "an object")
        }
        depth -= 1
        try finishDocument()
    }
}
