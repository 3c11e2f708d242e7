/// The SyncML representation protocol version of a message: DM 1.2 (`SYNCML:SYNCML1.2`) or DM 1.1.2
/// (`SYNCML:SYNCML1.1`).
public enum SyncMLVersion: String, Sendable, Hashable, CaseIterable {
    case v1_1 = "1.1"
    case v1_2 = "1.2"

    /// The XML namespace of the root element.
    public var namespace: String { "SYNCML:SYNCML\(rawValue)" }

    /// `VerProto` for a DM message of this version.
    public var dmProtocol: String { "DM/\(rawValue)" }

    /// The WBXML public identifier number (0x0FD3 for 1.1, 0x1201 for 1.2).
    public var wbxmlPublicID: UInt32 { self == .v1_2 ? 0x1201 : 0x0FD3 }

    /// The formal public identifier, as carried in a WBXML string table or an XML DOCTYPE.
    public var formalPublicIdentifier: String { "-//SYNCML//DTD SyncML \(rawValue)//EN" }

    /// The version named by an XML root namespace, compared without regard to case.
    public init?(namespace: String) {
        switch namespace.uppercased() {
        case "SYNCML:SYNCML1.2": self = .v1_2
        case "SYNCML:SYNCML1.1": self = .v1_1
        default: return nil
        }
    }

    /// The version named by a WBXML public identifier number.
    public init?(wbxmlPublicID: UInt32) {
        switch wbxmlPublicID {
        case 0x1201: self = .v1_2
        case 0x0FD3: self = .v1_1
        default: return nil
        }
    }

    /// The version named by a formal public identifier (string-table form), compared without regard to case.
    public init?(formalPublicIdentifier: String) {
        switch formalPublicIdentifier.uppercased() {
        case "-//SYNCML//DTD SYNCML 1.2//EN": self = .v1_2
        case "-//SYNCML//DTD SYNCML 1.1//EN": self = .v1_1
        default: return nil
        }
    }
}
