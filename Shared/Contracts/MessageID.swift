public import Foundation

/// Ids of events and commands: lowercase UUID strings, e.g. `3f1c2a9e-5b7d-4c1e-9a2f-0d6b8e4c7a11`.
///
/// Readers compare ids as exact strings and accept any non-empty string, so integrators may use their own UUID
/// libraries; producers of the stack always write ``random()``.
public enum MessageID {
    /// A new random (version 4) UUID in lowercase.
    /// - Returns: the id.
    public static func random() -> String { UUID().uuidString.lowercased() }
}
