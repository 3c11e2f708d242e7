/// The operations a server starts with Exec on a LAWMO object's `Operations/<name>` nodes.
///
/// Note the spelling `UnLock` with a capital L; ``init(nodeName:)`` ignores case, so `Unlock` is found too.
public enum LAWMOOperation: String, Sendable, Hashable, CaseIterable, Codable {
    /// Lock the whole device.
    case fullyLock = "FullyLock"
    /// Lock part of the device.
    case partiallyLock = "PartiallyLock"
    /// Unlock (node name `UnLock`).
    case unLock = "UnLock"
    /// Reset to factory settings.
    case factoryReset = "FactoryReset"
    /// Wipe the data listed in `AvailableWipeList` with `ToBeWiped` true.
    case wipe = "Wipe"

    /// Looks an operation up by node name, ignoring ASCII case.
    /// - Parameter nodeName: e.g. `UnLock` or `Unlock`.
    public init?(nodeName: String) {
        guard let match = Self.allCases.first(where: { asciiCaseInsensitiveEquals($0.rawValue, nodeName) }) else {
            return nil
        }
        self = match
    }

    /// The Exec target below a LAWMO object, e.g. `./LAWMO/Operations/UnLock`.
    /// - Parameter object: the LAWMO root.
    public func uri(in object: NodeURI) -> NodeURI { object.appending(trustedPath: "Operations/" + rawValue) }

    /// The state the device should reach when the operation succeeds, for the lock operations.
    public var resultingState: LAWMOState? {
        switch self {
        case .fullyLock: .fullyLocked
        case .partiallyLock: .partiallyLocked
        case .unLock: .unlocked
        case .factoryReset, .wipe: nil
        }
    }
}
