/// How ``WBXMLTokenWriter`` writes the document's public identifier.
public enum WBXMLPublicIDForm: Sendable, Hashable {
    /// The well-known number: `A4 01` for SyncML 1.2, `9F 53` for SyncML 1.1. What the reference toolkit sends
    /// for 1.1 and 1.2.
    case numeric
    /// `00 00` (see the string table, index 0) and a string table holding only the formal public identifier,
    /// without a trailing NUL (`-//SYNCML//DTD SyncML 1.2//EN`, 29 bytes).
    case stringTable
}
