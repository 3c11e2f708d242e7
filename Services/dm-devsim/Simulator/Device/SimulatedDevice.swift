import DMTree
public import SyncML

/// An operation a device accepted with 202 (an Exec on a FUMO, SCOMO, LAWMO or DIAGMON node) and runs after the
/// session, reporting the outcome with a Generic Alert.
public struct PendingOperation: Sendable, Hashable, Codable {
    public var action: ExecAction
    /// The Exec target (`./FwUpdate/x1/DownloadAndUpdate`).
    public var target: String
    /// The Exec's Correlator, echoed in the Generic Alert.
    public var correlator: String?
    /// The Exec Item's Data, if any.
    public var data: String?

    public init(action: ExecAction, target: String, correlator: String?, data: String?) {
        self.action = action
        self.target = target
        self.correlator = correlator
        self.data = data
    }
}

/// A Generic Alert (1226) waiting to be delivered in the device's next session.
public struct PendingAlert: Sendable, Hashable, Codable {
    public var type: String
    public var format: String
    public var mark: String?
    public var data: String
    public var source: String?
    public var correlator: String?

    public init(
        type: String, format: String = "int", mark: String? = nil, data: String, source: String? = nil,
        correlator: String? = nil
    ) {
        self.type = type
        self.format = format
        self.mark = mark
        self.data = data
        self.source = source
        self.correlator = correlator
    }
}

/// One simulated device: its tree, how it talks, how its user answers and how it fails, and the work it still
/// owes the server (operations to run, Generic Alerts to send). A plain value with no I/O.
public struct SimulatedDevice: Sendable, Hashable, Codable {
    public var identity: DeviceIdentity
    public var tree: DeviceTree
    public var uiPolicy: UIPolicy
    public var failures: DeviceFailures
    /// The encoding the device speaks (it answers in the encoding the server used).
    public var encoding: SyncMLEncoding
    /// `MaxMsgSize` the device announces: the largest message it accepts.
    public var maxMsgSize: Int
    /// `MaxObjSize` the device announces: the largest object it accepts.
    public var maxObjSize: Int
    /// Operations accepted with 202 that have not finished yet.
    public var pendingOperations: [PendingOperation]
    /// Generic Alerts not yet acknowledged by the server.
    public var pendingAlerts: [PendingAlert]
    /// The last client-initiated session number (SessionIDs are its hex form).
    public var sessionCounter: UInt16

    public init(
        identity: DeviceIdentity, tree: DeviceTree, uiPolicy: UIPolicy = UIPolicy(), failures: DeviceFailures = .none,
        encoding: SyncMLEncoding = .xml, maxMsgSize: Int = 16_384, maxObjSize: Int = 1_048_576
    ) {
        self.identity = identity
        self.tree = tree
        self.uiPolicy = uiPolicy
        self.failures = failures
        self.encoding = encoding
        self.maxMsgSize = maxMsgSize
        self.maxObjSize = maxObjSize
        self.pendingOperations = []
        self.pendingAlerts = []
        self.sessionCounter = 0
    }

    /// A new device with the standard tree.
    public static func provisioned(
        identity: DeviceIdentity, account: AccountConfig, components: [Component] = [], fumoInstance: String = "x1",
        uiPolicy: UIPolicy = UIPolicy(), failures: DeviceFailures = .none, encoding: SyncMLEncoding = .xml,
        maxMsgSize: Int = 16_384, maxObjSize: Int = 1_048_576
    ) -> SimulatedDevice {
        SimulatedDevice(
            identity: identity,
            tree: StandardTree.build(
                identity: identity, account: account, components: components, fumoInstance: fumoInstance),
            uiPolicy: uiPolicy, failures: failures, encoding: encoding, maxMsgSize: maxMsgSize,
            maxObjSize: maxObjSize)
    }

    /// The device id (`./DevInfo/DevId`).
    public var deviceID: String { tree.value("./DevInfo/DevId") ?? identity.deviceID }

    /// The next client-initiated SessionID (uppercase hex, no leading zeros, never 0).
    public mutating func nextSessionID() -> String {
        sessionCounter = sessionCounter == .max ? 1 : sessionCounter + 1
        return String(sessionCounter, radix: 16, uppercase: true)
    }
}
