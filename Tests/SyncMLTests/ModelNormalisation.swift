@testable import SyncML

extension SyncMLMessage {
    /// The message with every Data value reduced to its bytes: text, opaque and markup that carry the same
    /// bytes compare equal. WBXML cannot mark OPAQUE bytes as markup or text, so this is the equality that
    /// holds across encodings.
    var dataAsBytes: SyncMLMessage {
        mappingItems { item in
            var copy = item
            copy.data = item.data.map { .opaque($0.bytes) }
            return copy
        }
    }
}
