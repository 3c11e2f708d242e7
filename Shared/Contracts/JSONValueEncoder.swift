internal import Foundation

/// A `Swift.Encoder` that encodes any `Encodable` exactly as ``ContractsJSON``'s `JSONEncoder` would, without
/// Foundation's encoder: ``encodeBytes(_:)`` writes the same bytes, ``encode(_:)`` gives the ``JSONValue`` those
/// bytes read as (so `encode(value).jsonBytes()` is the same bytes too).
///
/// It follows `JSONEncoder`'s rules under the bus configuration: keyed, unkeyed and single-value containers work
/// as they do there (asking twice for the keyed container of one value gives the same object; a nested container
/// asked twice for one key is the same container; a value encoded as an object and then reopened as a container
/// is extended; `superEncoder()` writes under `super`, or at the element's index, when it is released; the last
/// value encoded for a key wins); a nested value that encodes nothing is `{}`; integers are written in full,
/// `Double` as Swift's shortest round-trip text without a trailing `.0` (non-finite ones throw
/// `EncodingError.invalidValue`, as `JSONEncoder` does); `Date` is its ``RFC3339`` string, `Data` base64, `URL`
/// its `absoluteString`; dictionary keys are their coding keys' strings (`Int` keys as decimal text); object
/// members are sorted by the UTF-8 bytes of their names.
///
/// What it cannot promise to write as `JSONEncoder` does it leaves to `JSONEncoder`: it throws ``NeedsFoundation``
/// (and marks the encoding, so that the signal counts even when the value's own code catches it) for a `UInt64`
/// or `UInt` above `Int64.max`, a 128-bit integer outside `Int64`, a `Decimal`, a `Float` whose text is not the
/// text of the `Double` it reads as (`Float(1e10)` is `1e+10`, which a `Double` writes `10000000000`), a top-level
/// value that encodes nothing (`JSONEncoder` throws there), and the uses of containers that `JSONEncoder` refuses
/// with a precondition failure or resolves by rules this encoder does not copy (a second single value, a keyed
/// container after an unkeyed one or a single value, a single value after a container).
///
/// Coding paths, those the value's code sees and those in errors, are the full path, keys of nested containers
/// included (`JSONEncoder` leaves those out of the paths it gives to values inside nested containers).
///
/// ```swift
/// let bytes = try JSONValueEncoder.encodeBytes(event)  // or, on NeedsFoundation, JSONEncoder's
/// ```
final class JSONValueEncoder: Encoder {
    /// Thrown when the value needs `JSONEncoder` itself; the caller encodes it again with Foundation.
    struct NeedsFoundation: Error, CustomStringConvertible {
        /// What in the value needs Foundation.
        var reason: String
        var description: String { "needs JSONEncoder: \(reason)" }
    }

    /// State shared by every encoder of one encoding.
    final class Encoding {
        /// Set at the first thing that needs Foundation; the whole encoding then falls back.
        var needsFoundation: NeedsFoundation?
    }

    /// Where a `superEncoder()` writes its value when it is released.
    enum Destination {
        case element(ArrayRef, Int)
        case member(ObjectRef, String)
    }

    /// The value this encoder holds: at most one of the three once the value's code has run.
    @exclusivity(unchecked) var singleValue: Node?
    @exclusivity(unchecked) var array: ArrayRef?
    @exclusivity(unchecked) var object: ObjectRef?

    let encoding: Encoding
    /// The encoder of the enclosing value (nil for the root).
    @exclusivity(unchecked) var owner: JSONValueEncoder?
    /// The keys of nested containers, inside the owner's value, above this encoder's key.
    @exclusivity(unchecked) var containerPath: [any CodingKey] = []
    /// This value's key in its container (nil for the root).
    @exclusivity(unchecked) var codingKey: (any CodingKey)?
    /// A finished child encoder kept for the next member, as `JSONEncoder` keeps one.
    @exclusivity(unchecked) var spare: JSONValueEncoder?
    /// For a `superEncoder()`: where to write on release.
    var destination: Destination?

    init(encoding: Encoding) {
        self.encoding = encoding
    }

    deinit {
        guard let destination else { return }
        let value = takeValue() ?? .value(.object([:]))
        switch destination {
        case .element(let array, let index):
            if index <= array.nodes.count {
                array.nodes.insert(value, at: index)
            } else {
                _ = needsFoundation("a superEncoder's element index is past the end of its array")
            }
        case .member(let object, let key): object.set(value, for: key)
        }
    }

    /// Encodes `value` as compact UTF-8 JSON, byte for byte what `ContractsJSON.makeEncoder().encode(value)` writes.
    /// - Parameter value: the value.
    /// - Returns: the JSON bytes.
    /// - Throws: ``NeedsFoundation`` when `JSONEncoder` must do it; otherwise the errors `JSONEncoder` throws
    ///   (`EncodingError.invalidValue` for a non-finite number) or the value's own.
    static func encodeBytes<T: Encodable>(_ value: T) throws -> [UInt8] {
        let node = try encodeNode(value)
        // Most messages fit; the buffer grows for the others (cheaper than sizing the tree first).
        var writer = JSONByteWriter(capacity: 512)
        writer.write(node)
        return writer.bytes
    }

    /// Encodes `value` as a ``JSONValue``: what `JSONEncoder`'s bytes for it read as.
    /// - Parameter value: the value.
    /// - Returns: its JSON value.
    /// - Throws: as ``encodeBytes(_:)``.
    static func encode<T: Encodable>(_ value: T) throws -> JSONValue {
        try encodeNode(value).jsonValue
    }

    private static func encodeNode<T: Encodable>(_ value: T) throws -> Node {
        let encoding = Encoding()
        let root = JSONValueEncoder(encoding: encoding)
        let result: Node?
        do {
            result = try root.wrap(value, key: nil, path: [])
        } catch {
            if let signal = encoding.needsFoundation { throw signal }
            throw error
        }
        if let signal = encoding.needsFoundation { throw signal }
        // JSONEncoder throws "Top-level T did not encode any values."; let it.
        guard let result else { throw NeedsFoundation(reason: "the top-level \(T.self) encoded nothing") }
        return result
    }

    // MARK: - Encoder

    var codingPath: [any CodingKey] {
        var chain: [JSONValueEncoder] = []
        var encoder: JSONValueEncoder? = self
        while let current = encoder {
            chain.append(current)
            encoder = current.owner
        }
        var path: [any CodingKey] = []
        for encoder in chain.reversed() {
            path += encoder.containerPath
            if let key = encoder.codingKey { path.append(key) }
        }
        return path
    }

    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if let object {
            return KeyedEncodingContainer(KeyedContainer(encoder: self, object: object, path: []))
        }
        if let single = singleValue, let object = single.reopenedAsObject() {
            // A value encoded as an object, then extended (JSONEncoder does the same).
            singleValue = nil
            self.object = object
            return KeyedEncodingContainer(KeyedContainer(encoder: self, object: object, path: []))
        }
        let object = ObjectRef()
        if singleValue == nil, array == nil {
            self.object = object
        } else {
            _ = needsFoundation("a keyed container asked for where something else was already encoded")
        }
        return KeyedEncodingContainer(KeyedContainer(encoder: self, object: object, path: []))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if let array {
            return UnkeyedContainer(encoder: self, array: array, path: [])
        }
        if let single = singleValue, let array = single.reopenedAsArray() {
            singleValue = nil
            self.array = array
            return UnkeyedContainer(encoder: self, array: array, path: [])
        }
        let array = ArrayRef()
        if singleValue == nil, object == nil {
            self.array = array
        } else {
            _ = needsFoundation("an unkeyed container asked for where something else was already encoded")
        }
        return UnkeyedContainer(encoder: self, array: array, path: [])
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { self }

    // MARK: - Values

    /// The value now held, cleared from this encoder; nil when nothing was encoded.
    func takeValue() -> Node? {
        if let object {
            self.object = nil
            return .object(object)
        }
        if let array {
            self.array = nil
            return .array(array)
        }
        defer { singleValue = nil }
        return singleValue
    }

    /// ``takeValue()`` for a value whose code has finished: anything left means it encoded both a container and a
    /// single value, where `JSONEncoder` keeps one of them by its own rules.
    func takeFinalValue() -> Node? {
        let value = takeValue()
        if singleValue != nil || object != nil || array != nil {
            _ = needsFoundation("a value encoded both a container and a single value")
        }
        return value
    }

    /// Marks the encoding as needing Foundation.
    /// - Returns: the signal, to throw where throwing is possible.
    func needsFoundation(_ reason: String) -> NeedsFoundation {
        let signal = NeedsFoundation(reason: reason)
        if encoding.needsFoundation == nil { encoding.needsFoundation = signal }
        return signal
    }

    /// `value`'s JSON; nil when its code encoded nothing (the caller writes `{}` there, or falls back at the top).
    /// - Parameters:
    ///   - value: the value.
    ///   - key: its key in the container holding it; nil when it is encoded through this encoder's own
    ///     single-value container (it then encodes into this encoder, as with `JSONEncoder`).
    ///   - path: the keys of the nested containers between this encoder and `key`.
    func wrap<T: Encodable>(_ value: T, key: (any CodingKey)?, path: [any CodingKey]) throws -> Node? {
        // The leaf types first, by type identity: each gives what its own `encode(to:)` would give.
        if T.self == String.self { return .value(.string(unsafeBitCast(value, to: String.self))) }
        if T.self == JSONValue.self {
            let json = unsafeBitCast(value, to: JSONValue.self)
            // Non-finite numbers go the long way, to throw with their path.
            if json.isFiniteThroughout { return .value(json) }
        }
        if T.self == Int.self { return .value(.integer(Int64(unsafeBitCast(value, to: Int.self)))) }
        if T.self == Int64.self { return .value(.integer(unsafeBitCast(value, to: Int64.self))) }
        if T.self == Bool.self { return .value(.bool(unsafeBitCast(value, to: Bool.self))) }
        if T.self == Double.self {
            return .value(try number(unsafeBitCast(value, to: Double.self), at: key, path))
        }
        // The types JSONEncoder writes its own way (ContractsJSON's date strategy for Date).
        if T.self == Date.self { return .date(unsafeBitCast(value, to: Date.self)) }
        if T.self == Data.self { return .value(.string((value as! Data).base64EncodedString())) }
        if T.self == URL.self { return .value(.string((value as! URL).absoluteString)) }
        if T.self == Decimal.self { throw needsFoundation("Decimal") }

        guard let key else {
            try value.encode(to: self)
            return takeFinalValue()
        }
        var encoder = child(key: key, path: path)
        defer { recycle(&encoder) }
        try value.encode(to: encoder)
        return encoder.takeFinalValue()
    }

    /// A child encoder for the value at `key`: the spare one when there is one.
    private func child(key: any CodingKey, path: [any CodingKey]) -> JSONValueEncoder {
        let encoder: JSONValueEncoder
        if let spare {
            self.spare = nil
            encoder = spare
        } else {
            encoder = JSONValueEncoder(encoding: encoding)
        }
        encoder.owner = self
        encoder.codingKey = key
        encoder.containerPath = path
        return encoder
    }

    /// Keeps a finished child for the next value, unless the value's code kept a reference to it.
    private func recycle(_ encoder: inout JSONValueEncoder) {
        guard spare == nil, isKnownUniquelyReferenced(&encoder), encoder.singleValue == nil, encoder.object == nil,
            encoder.array == nil
        else { return }
        encoder.owner = nil
        encoder.codingKey = nil
        encoder.containerPath = []
        spare = encoder
    }

    /// A `Double` as JSON: `EncodingError.invalidValue` when it is not finite, as `JSONEncoder` throws.
    func number(_ value: Double, at key: (any CodingKey)?, _ path: [any CodingKey]) throws -> JSONValue {
        guard value.isFinite else { throw nonFinite(value, at: key, path) }
        return .number(value)
    }

    /// A `Float` as JSON. `JSONEncoder` writes `Float`'s own `description`; when the `Double` that text reads as is
    /// written differently (`1e+10` is `10000000000` for a `Double`), Foundation does it.
    func number(_ value: Float, at key: (any CodingKey)?, _ path: [any CodingKey]) throws -> JSONValue {
        guard value.isFinite else { throw nonFinite(value, at: key, path) }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        if let double = Double(text) {
            var doubleText = double.description
            if doubleText.hasSuffix(".0") { doubleText.removeLast(2) }
            if doubleText == text { return .number(double) }
        }
        throw needsFoundation("Float \(text), which a Double writes differently")
    }

    /// An integer as JSON: Foundation writes what does not fit `Int64`.
    func integer(_ value: some FixedWidthInteger) throws -> JSONValue {
        guard let integer = Int64(exactly: value) else {
            throw needsFoundation("\(type(of: value)) \(value), beyond Int64")
        }
        return .integer(integer)
    }

    private func nonFinite<F: BinaryFloatingPoint>(
        _ value: F, at key: (any CodingKey)?, _ path: [any CodingKey]
    ) -> EncodingError {
        let name = value.isNaN ? "\(F.self).nan" : value < 0 ? "-\(F.self).infinity" : "\(F.self).infinity"
        return EncodingError.invalidValue(
            value,
            EncodingError.Context(
                codingPath: codingPath + path + (key.map { [$0] } ?? []),
                debugDescription: "Unable to encode \(name) directly in JSON."))
    }

    // MARK: - Storage

    /// A value being built: a finished JSON value, a date (written as RFC 3339 text), or a container that may
    /// still be filled (a nested container or a `superEncoder()` writes into it later).
    enum Node {
        case value(JSONValue)
        case date(Date)
        case array(ArrayRef)
        case object(ObjectRef)

        /// The object this value is, to extend as a keyed container; nil when it is not an object.
        func reopenedAsObject() -> ObjectRef? {
            switch self {
            case .object(let object): object
            case .value(.object(let members)): ObjectRef(members)
            default: nil
            }
        }

        /// The array this value is, to extend as an unkeyed container; nil when it is not an array.
        func reopenedAsArray() -> ArrayRef? {
            switch self {
            case .array(let array): array
            case .value(.array(let elements)): ArrayRef(elements)
            default: nil
            }
        }

        var jsonValue: JSONValue {
            switch self {
            case .value(let value): value
            case .date(let date): .string(RFC3339.string(from: date))
            case .array(let array): .array(array.nodes.map(\.jsonValue))
            case .object(let object):
                .object(Dictionary(uniqueKeysWithValues: object.members.map { ($0.key, $0.node.jsonValue) }))
            }
        }
    }

    /// An array being built.
    final class ArrayRef {
        @exclusivity(unchecked) var nodes: [Node]

        init() { nodes = [] }
        init(_ elements: [JSONValue]) { nodes = elements.map(Node.value) }
    }

    /// An object being built: its members in the order first encoded, each key once (a later value for a key
    /// replaces the earlier one, as in `JSONEncoder`'s dictionary).
    final class ObjectRef {
        @exclusivity(unchecked) var members: [(key: String, node: Node)] = []
        /// Positions of the keys, once there are too many members to look keys up one by one.
        @exclusivity(unchecked) var positions: [String: Int]?
        /// Bit `n % 64` is set when a key of `n` UTF-8 bytes is among the members: most new keys need no search.
        @exclusivity(unchecked) var lengths: UInt64 = 0

        init() {}

        init(_ members: [String: JSONValue]) {
            self.members = members.map { ($0.key, Node.value($0.value)) }
            for member in self.members { lengths |= Self.lengthBit(member.key) }
            if self.members.count > Self.linearLimit { indexPositions() }
        }

        static var linearLimit: Int { 16 }

        @inline(__always)
        static func lengthBit(_ key: String) -> UInt64 { 1 &<< UInt64(key.utf8.count & 63) }

        func position(of key: String) -> Int? {
            guard lengths & Self.lengthBit(key) != 0 else { return nil }
            if let positions { return positions[key] }
            return members.withUnsafeBufferPointer { members in
                for position in members.indices where members[position].key == key { return position }
                return nil
            }
        }

        private func indexPositions() {
            var positions: [String: Int] = [:]
            positions.reserveCapacity(members.count * 2)
            for (position, member) in members.enumerated() { positions[member.key] = position }
            self.positions = positions
        }

        func set(_ node: Node, for key: String) {
            if let position = position(of: key) {
                members[position].node = node
                return
            }
            if members.isEmpty { members.reserveCapacity(8) }
            members.append((key, node))
            lengths |= Self.lengthBit(key)
            if positions != nil {
                positions![key] = members.count - 1
            } else if members.count > Self.linearLimit {
                indexPositions()
            }
        }

        /// The object nested under `key`, as `JSONEncoder` finds or makes it; nil when `key` holds something else.
        func nestedObject(for key: String) -> ObjectRef? {
            guard let position = position(of: key) else {
                let object = ObjectRef()
                set(.object(object), for: key)
                return object
            }
            guard let object = members[position].node.reopenedAsObject() else { return nil }
            members[position].node = .object(object)
            return object
        }

        /// The array nested under `key`, as `JSONEncoder` finds or makes it; nil when `key` holds something else.
        func nestedArray(for key: String) -> ArrayRef? {
            guard let position = position(of: key) else {
                let array = ArrayRef()
                set(.array(array), for: key)
                return array
            }
            guard let array = members[position].node.reopenedAsArray() else { return nil }
            members[position].node = .array(array)
            return array
        }
    }

    /// The keys `JSONEncoder` uses for array elements (`Index 3`) and `superEncoder()` (`super`).
    struct JSONKey: CodingKey {
        var stringValue: String
        var intValue: Int?

        init(stringValue: String) { self.stringValue = stringValue }
        init(intValue: Int) {
            stringValue = "Index \(intValue)"
            self.intValue = intValue
        }

        static let `super` = JSONKey(stringValue: "super")
    }

    // MARK: - Containers

    struct KeyedContainer<K: CodingKey>: KeyedEncodingContainerProtocol {
        let encoder: JSONValueEncoder
        let object: ObjectRef
        /// Keys of the nested containers between the encoder and this one.
        let path: [any CodingKey]

        var codingPath: [any CodingKey] { encoder.codingPath + path }

        private func set(_ value: JSONValue, _ key: K) { object.set(.value(value), for: key.stringValue) }

        mutating func encodeNil(forKey key: K) throws { set(.null, key) }
        mutating func encode(_ value: Bool, forKey key: K) throws { set(.bool(value), key) }
        mutating func encode(_ value: String, forKey key: K) throws { set(.string(value), key) }
        mutating func encode(_ value: Double, forKey key: K) throws { set(try encoder.number(value, at: key, path), key) }
        mutating func encode(_ value: Float, forKey key: K) throws { set(try encoder.number(value, at: key, path), key) }
        mutating func encode(_ value: Int, forKey key: K) throws { set(.integer(Int64(value)), key) }
        mutating func encode(_ value: Int8, forKey key: K) throws { set(.integer(Int64(value)), key) }
        mutating func encode(_ value: Int16, forKey key: K) throws { set(.integer(Int64(value)), key) }
        mutating func encode(_ value: Int32, forKey key: K) throws { set(.integer(Int64(value)), key) }
        mutating func encode(_ value: Int64, forKey key: K) throws { set(.integer(value), key) }
        mutating func encode(_ value: Int128, forKey key: K) throws { set(try encoder.integer(value), key) }
        mutating func encode(_ value: UInt, forKey key: K) throws { set(try encoder.integer(value), key) }
        mutating func encode(_ value: UInt8, forKey key: K) throws { set(.integer(Int64(value)), key) }
        mutating func encode(_ value: UInt16, forKey key: K) throws { set(.integer(Int64(value)), key) }
        mutating func encode(_ value: UInt32, forKey key: K) throws { set(.integer(Int64(value)), key) }
        mutating func encode(_ value: UInt64, forKey key: K) throws { set(try encoder.integer(value), key) }
        mutating func encode(_ value: UInt128, forKey key: K) throws { set(try encoder.integer(value), key) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: K) throws {
            let node = try encoder.wrap(value, key: key, path: path) ?? .value(.object([:]))
            object.set(node, for: key.stringValue)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type, forKey key: K
        ) -> KeyedEncodingContainer<NestedKey> {
            var nested = object.nestedObject(for: key.stringValue)
            if nested == nil {
                _ = encoder.needsFoundation("a keyed container nested under \"\(key.stringValue)\", which holds another kind")
                nested = ObjectRef()
            }
            return KeyedEncodingContainer(KeyedContainer<NestedKey>(encoder: encoder, object: nested!, path: path + [key]))
        }

        mutating func nestedUnkeyedContainer(forKey key: K) -> any UnkeyedEncodingContainer {
            var nested = object.nestedArray(for: key.stringValue)
            if nested == nil {
                _ = encoder.needsFoundation("an unkeyed container nested under \"\(key.stringValue)\", which holds another kind")
                nested = ArrayRef()
            }
            return UnkeyedContainer(encoder: encoder, array: nested!, path: path + [key])
        }

        mutating func superEncoder() -> any Encoder {
            referencing(JSONKey.super, named: JSONKey.super.stringValue)
        }

        mutating func superEncoder(forKey key: K) -> any Encoder {
            referencing(key, named: key.stringValue)
        }

        private func referencing(_ key: any CodingKey, named name: String) -> any Encoder {
            let referencing = JSONValueEncoder(encoding: encoder.encoding)
            referencing.owner = encoder
            referencing.containerPath = path
            referencing.codingKey = key
            referencing.destination = .member(object, name)
            return referencing
        }
    }

    struct UnkeyedContainer: UnkeyedEncodingContainer {
        let encoder: JSONValueEncoder
        let array: ArrayRef
        /// Keys of the nested containers between the encoder and this one.
        let path: [any CodingKey]

        var codingPath: [any CodingKey] { encoder.codingPath + path }
        var count: Int { array.nodes.count }

        private func append(_ value: JSONValue) { array.nodes.append(.value(value)) }

        mutating func encodeNil() throws { append(.null) }
        mutating func encode(_ value: Bool) throws { append(.bool(value)) }
        mutating func encode(_ value: String) throws { append(.string(value)) }
        mutating func encode(_ value: Double) throws {
            append(try encoder.number(value, at: JSONKey(intValue: count), path))
        }
        mutating func encode(_ value: Float) throws {
            append(try encoder.number(value, at: JSONKey(intValue: count), path))
        }
        mutating func encode(_ value: Int) throws { append(.integer(Int64(value))) }
        mutating func encode(_ value: Int8) throws { append(.integer(Int64(value))) }
        mutating func encode(_ value: Int16) throws { append(.integer(Int64(value))) }
        mutating func encode(_ value: Int32) throws { append(.integer(Int64(value))) }
        mutating func encode(_ value: Int64) throws { append(.integer(value)) }
        mutating func encode(_ value: Int128) throws { append(try encoder.integer(value)) }
        mutating func encode(_ value: UInt) throws { append(try encoder.integer(value)) }
        mutating func encode(_ value: UInt8) throws { append(.integer(Int64(value))) }
        mutating func encode(_ value: UInt16) throws { append(.integer(Int64(value))) }
        mutating func encode(_ value: UInt32) throws { append(.integer(Int64(value))) }
        mutating func encode(_ value: UInt64) throws { append(try encoder.integer(value)) }
        mutating func encode(_ value: UInt128) throws { append(try encoder.integer(value)) }
        mutating func encode<T: Encodable>(_ value: T) throws {
            let node = try encoder.wrap(value, key: JSONKey(intValue: count), path: path) ?? .value(.object([:]))
            array.nodes.append(node)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type
        ) -> KeyedEncodingContainer<NestedKey> {
            let key = JSONKey(intValue: count)
            let nested = ObjectRef()
            array.nodes.append(.object(nested))
            return KeyedEncodingContainer(KeyedContainer<NestedKey>(encoder: encoder, object: nested, path: path + [key]))
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let key = JSONKey(intValue: count)
            let nested = ArrayRef()
            array.nodes.append(.array(nested))
            return UnkeyedContainer(encoder: encoder, array: nested, path: path + [key])
        }

        mutating func superEncoder() -> any Encoder {
            let referencing = JSONValueEncoder(encoding: encoder.encoding)
            referencing.owner = encoder
            referencing.containerPath = path
            referencing.codingKey = JSONKey(intValue: count)
            referencing.destination = .element(array, count)
            return referencing
        }
    }
}

// MARK: - Single value

extension JSONValueEncoder: SingleValueEncodingContainer {
    /// Sets the single value; a second value, or one after a container, is left to Foundation.
    private func setSingle(_ value: JSONValue) throws {
        try checkCanEncodeSingle()
        singleValue = .value(value)
    }

    private func checkCanEncodeSingle() throws {
        guard singleValue == nil, object == nil, array == nil else {
            throw needsFoundation("a single value encoded where a value or container was already encoded")
        }
    }

    func encodeNil() throws { try setSingle(.null) }
    func encode(_ value: Bool) throws { try setSingle(.bool(value)) }
    func encode(_ value: String) throws { try setSingle(.string(value)) }
    func encode(_ value: Double) throws { try setSingle(try number(value, at: nil, [])) }
    func encode(_ value: Float) throws { try setSingle(try number(value, at: nil, [])) }
    func encode(_ value: Int) throws { try setSingle(.integer(Int64(value))) }
    func encode(_ value: Int8) throws { try setSingle(.integer(Int64(value))) }
    func encode(_ value: Int16) throws { try setSingle(.integer(Int64(value))) }
    func encode(_ value: Int32) throws { try setSingle(.integer(Int64(value))) }
    func encode(_ value: Int64) throws { try setSingle(.integer(value)) }
    func encode(_ value: Int128) throws { try setSingle(try integer(value)) }
    func encode(_ value: UInt) throws { try setSingle(try integer(value)) }
    func encode(_ value: UInt8) throws { try setSingle(.integer(Int64(value))) }
    func encode(_ value: UInt16) throws { try setSingle(.integer(Int64(value))) }
    func encode(_ value: UInt32) throws { try setSingle(.integer(Int64(value))) }
    func encode(_ value: UInt64) throws { try setSingle(try integer(value)) }
    func encode(_ value: UInt128) throws { try setSingle(try integer(value)) }
    func encode<T: Encodable>(_ value: T) throws {
        try checkCanEncodeSingle()
        // The value encodes into this same encoder, as with JSONEncoder.
        singleValue = try wrap(value, key: nil, path: []) ?? .value(.object([:]))
    }
}

// MARK: - Writing

extension JSONByteWriter {
    /// Writes a value the encoder built, formatted as a ``JSONValue`` is: members sorted by their names' UTF-8 bytes.
    mutating func write(_ node: JSONValueEncoder.Node) {
        switch node {
        case .value(let value): write(value)
        case .date(let date):
            bytes.append(UInt8(ascii: "\""))
            RFC3339.appendUTF8(of: date, to: &bytes)
            bytes.append(UInt8(ascii: "\""))
        case .array(let array):
            bytes.append(UInt8(ascii: "["))
            var first = true
            for element in array.nodes {
                if !first { bytes.append(UInt8(ascii: ",")) }
                first = false
                write(element)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let object):
            bytes.append(UInt8(ascii: "{"))
            // Sorting in place is harmless: member order means nothing once the value is built.
            if object.members.count > 1 {
                object.members.sort { Self.precedes($0.key, $1.key) }
                object.positions = nil
            }
            var first = true
            for member in object.members {
                if !first { bytes.append(UInt8(ascii: ",")) }
                first = false
                write(member.key)
                bytes.append(UInt8(ascii: ":"))
                write(member.node)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }
}

extension JSONValue {
    /// Whether every number in the value is finite (what `JSONEncoder` accepts).
    var isFiniteThroughout: Bool {
        switch self {
        case .number(let number): number.isFinite
        case .array(let array): array.allSatisfy(\.isFiniteThroughout)
        case .object(let object): object.values.allSatisfy(\.isFiniteThroughout)
        case .null, .bool, .integer, .string: true
        }
    }
}
