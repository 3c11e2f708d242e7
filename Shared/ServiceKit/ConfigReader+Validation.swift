public import Configuration

/// Readers that reject a malformed value instead of quietly falling back to the default.
///
/// `ConfigReader.int(forKey:default:)` returns the default both when a key is absent and when its value cannot be
/// converted, so `DM_FUMO_ADMIN_PORT=90B3` would silently start on the default port. These variants return the
/// default only when no provider has the key, and throw ``ServiceKitError/Code/invalidConfiguration`` naming the
/// key otherwise.
///
/// ```swift
/// let port = try reader.validatedInt(forKey: "port", default: 8080, in: 0...65535)
/// let level = try reader.validatedString(forKey: "level", as: Logger.Level.self, default: .info)
/// let http = try reader.scopedConfiguration("http") { try HTTPConfiguration(reader: $0) }
/// ```
extension ConfigReader {
    /// Reads an integer, throwing when a value is present but is not an integer or lies outside `range`.
    ///
    /// - Parameters:
    ///   - key: The key, relative to this reader's scope.
    ///   - defaultValue: The value when no provider has the key.
    ///   - range: The accepted values; `nil` accepts any integer.
    /// - Returns: The configured value or the default.
    /// - Throws: ``ServiceKitError`` with code ``ServiceKitError/Code/invalidConfiguration``.
    public func validatedInt(
        forKey key: String, default defaultValue: Int, in range: ClosedRange<Int>? = nil
    ) throws -> Int {
        let configKey = ConfigKey(key)
        guard let value = int(forKey: configKey) else {
            if let raw = string(forKey: configKey) {
                throw ServiceKitError.invalidConfiguration(key: key, "\"\(raw)\" is not an integer")
            }
            return defaultValue
        }
        if let range, !range.contains(value) {
            throw ServiceKitError.invalidConfiguration(
                key: key, "\(value) is outside \(range.lowerBound)...\(range.upperBound)")
        }
        return value
    }

    /// Reads a number, throwing when a value is present but is not a number or lies outside `range`.
    ///
    /// - Parameters:
    ///   - key: The key, relative to this reader's scope.
    ///   - defaultValue: The value when no provider has the key.
    ///   - range: The accepted values; `nil` accepts any finite number.
    /// - Returns: The configured value or the default.
    /// - Throws: ``ServiceKitError`` with code ``ServiceKitError/Code/invalidConfiguration``.
    public func validatedDouble(
        forKey key: String, default defaultValue: Double, in range: ClosedRange<Double>? = nil
    ) throws -> Double {
        let configKey = ConfigKey(key)
        guard let value = double(forKey: configKey) else {
            if let raw = string(forKey: configKey) {
                throw ServiceKitError.invalidConfiguration(key: key, "\"\(raw)\" is not a number")
            }
            return defaultValue
        }
        guard value.isFinite else {
            throw ServiceKitError.invalidConfiguration(key: key, "\(value) is not a finite number")
        }
        if let range, !range.contains(value) {
            throw ServiceKitError.invalidConfiguration(
                key: key, "\(value) is outside \(range.lowerBound)...\(range.upperBound)")
        }
        return value
    }

    /// Reads a value of a string-backed type (an enum, usually), throwing when the value is not one it accepts.
    ///
    /// - Parameters:
    ///   - key: The key, relative to this reader's scope.
    ///   - type: The type to convert to.
    ///   - defaultValue: The value when no provider has the key.
    ///   - isSecret: Whether the value is redacted in access logs.
    /// - Returns: The configured value or the default.
    /// - Throws: ``ServiceKitError`` with code ``ServiceKitError/Code/invalidConfiguration``; the message lists the
    ///   accepted values when `Value` is `CaseIterable`.
    public func validatedString<Value: RawRepresentable<String>>(
        forKey key: String, as type: Value.Type = Value.self, default defaultValue: Value, isSecret: Bool = false
    ) throws -> Value {
        guard let raw = string(forKey: ConfigKey(key), isSecret: isSecret) else { return defaultValue }
        guard let value = Value(rawValue: raw) else {
            throw ServiceKitError.invalidConfiguration(
                key: key, "\"\(isSecret ? "<redacted>" : raw)\" is not one of \(Self.acceptedValues(of: type))")
        }
        return value
    }

    /// Reads a component's configuration from the scope `scope`, so that an error names the full key.
    ///
    /// - Parameters:
    ///   - scope: The dotted scope, for example `"admin"` or `"bus.curve"`.
    ///   - body: Builds the component from the scoped reader.
    /// - Returns: What `body` returns.
    /// - Throws: What `body` throws; a ``ServiceKitError`` has `scope` put in front of its key.
    public func scopedConfiguration<Component>(
        _ scope: String, _ body: (ConfigReader) throws -> Component
    ) throws -> Component {
        do {
            return try body(scoped(to: ConfigKey(scope)))
        } catch let error as ServiceKitError {
            throw error.prefixingKey(with: scope)
        }
    }

    private static func acceptedValues(of type: Any.Type) -> String {
        guard let cases = type as? any CaseIterable.Type else { return "the accepted values of \(type)" }
        return caseNames(of: cases).joined(separator: ", ")
    }

    private static func caseNames<Cases: CaseIterable>(of type: Cases.Type) -> [String] {
        type.allCases.compactMap { ($0 as? any RawRepresentable<String>)?.rawValue }
    }
}
