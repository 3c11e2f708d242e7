/// An alert code valid in OMA DM 1.2 (`Alert/Data`), with its meaning and who may send it.
public struct AlertCode: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    public var rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    public init(_ rawValue: Int) { self.rawValue = rawValue }

    public static let display = AlertCode(1100)
    public static let confirmOrReject = AlertCode(1101)
    public static let textInput = AlertCode(1102)
    public static let singleChoice = AlertCode(1103)
    public static let multipleChoice = AlertCode(1104)
    public static let serverInitiatedManagement = AlertCode(1200)
    public static let clientInitiatedManagement = AlertCode(1201)
    public static let nextMessage = AlertCode(1222)
    public static let sessionAbort = AlertCode(1223)
    public static let clientEvent = AlertCode(1224)
    public static let noEndOfData = AlertCode(1225)
    public static let genericAlert = AlertCode(1226)

    /// The code's meaning, or nil when DM does not define it.
    public var meaning: String? { AlertCode.meanings[rawValue] }

    /// True for the user-interaction alerts 1100-1104, which only a server sends.
    public var isUserInteraction: Bool { (1100...1104).contains(rawValue) }

    public var description: String { "\(rawValue) \(meaning ?? "not a DM alert")" }

    /// Every alert code DM 1.2 defines.
    public static let meanings: [Int: String] = [
        1100: "Display", 1101: "Confirm or reject", 1102: "Text input", 1103: "Single choice",
        1104: "Multiple choice", 1200: "Server-initiated management", 1201: "Client-initiated management",
        1222: "Next message", 1223: "Session abort", 1224: "Client event", 1225: "No end of data",
        1226: "Generic alert",
    ]
}
