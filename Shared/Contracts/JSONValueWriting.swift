/// Writing a ``JSONValue`` straight to UTF-8 bytes, without Foundation.
extension JSONValue {
    /// The value as compact UTF-8 JSON, byte for byte what ``ContractsJSON/encode(_:)`` writes: object keys sorted
    /// by their UTF-8 bytes, `/` not escaped, `"` `\` and control characters escaped as `JSONEncoder` escapes them,
    /// other characters as they are, numbers as `JSONEncoder` formats them.
    ///
    /// A non-finite ``number(_:)`` (NaN, ±infinity), which no JSON text can produce, is written as `null`, where
    /// `JSONEncoder` throws.
    ///
    /// ```swift
    /// let bytes = JSONValue.object(["b": 1, "a": "x/y"]).jsonBytes()  // {"a":"x/y","b":1}
    /// ```
    /// - Returns: the JSON bytes.
    public func jsonBytes() -> [UInt8] {
        var writer = JSONByteWriter(capacity: JSONByteWriter.estimatedCount(of: self))
        writer.write(self)
        return writer.bytes
    }
}
