extension NodeFormat {
    /// Checks that `value` is a valid value of this format, as a server would before sending Add or Replace.
    ///
    /// - ``node`` and ``null``: the value must be empty (an interior node has no value of its own).
    /// - ``int``: a decimal 32-bit signed integer; ``bool``: `true`/`false`; ``float``: XML Schema float.
    /// - ``date``: ``DMDate``; ``time``: ``DMTime``; ``b64``: base64 text.
    /// - ``chr``, ``bin`` and ``xml``: anything (an XML value is checked by whoever parses it).
    ///
    /// - Parameter value: the value as text.
    /// - Throws: ``NodeValueError``.
    public func validate(_ value: String) throws(NodeValueError) {
        switch self {
        case .node, .null:
            if !value.isEmpty { throw NodeValueError(format: self, "a \(rawValue) node has no value", value: value) }
        case .int: _ = try NodeValues.parseInt(value)
        case .bool: _ = try NodeValues.parseBool(value)
        case .float: _ = try NodeValues.parseFloat(value)
        case .date: _ = try DMDate(parsing: value)
        case .time: _ = try DMTime(parsing: value)
        case .b64: try NodeValues.validateBase64(value)
        case .chr, .bin, .xml: return
        }
    }

    /// True when `value` is a valid value of this format (see ``validate(_:)``).
    /// - Parameter value: the value as text.
    public func isValid(_ value: String) -> Bool {
        do {
            try validate(value)
            return true
        } catch {
            return false
        }
    }
}
