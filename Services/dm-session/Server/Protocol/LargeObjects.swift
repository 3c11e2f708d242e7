import Contracts
import SyncML

/// A Large Object the device is sending in chunks (Replace or Results items with MoreData).
struct IncomingLargeObject: Sendable {
    /// What the chunks belong to: the command name and the node.
    var key: String
    var declaredSize: Int
    var data: [UInt8]
    var isText: Bool
    var meta: MetaInfo?
}

/// What a received item amounts to once chunks are taken into account.
enum ChunkVerdict {
    /// A whole item (never chunked, or the last chunk with everything before it).
    case complete(Item)
    /// A chunk was buffered: answer 213.
    case buffered
    /// The object failed: answer with this status (424 size mismatch, 412 no Size, 413 too large).
    case failed(Int)
}

/// A Large Object dm-session is sending in chunks, one per message.
struct OutgoingLargeObject: Sendable {
    var commandID: String
    var kind: SessionCommandSpec.Kind
    var item: SessionCommandItem
    var payload: [UInt8]
    var offset = 0

    /// True when chunk boundaries must fall on base64 groups.
    var isBase64: Bool { item.format?.lowercased() == "b64" }

    /// The length of the next chunk given room for `room` data bytes: whole base64 groups, whole UTF-8
    /// characters.
    func chunkLength(room: Int) -> Int {
        var length = min(room, payload.count - offset)
        if isBase64, offset + length < payload.count { length -= length % 4 }
        // Never split a UTF-8 sequence: step back over continuation bytes.
        while length > 0, offset + length < payload.count, payload[offset + length] & 0xC0 == 0x80 { length -= 1 }
        return max(length, 0)
    }

    /// The command carrying the chunk at the current offset.
    func chunkCommand(cmdID: String, length: Int) -> Command {
        let isFirst = offset == 0
        let isLast = offset + length >= payload.count
        let meta = MetaInfo(format: item.format, type: item.type, size: isFirst ? String(payload.count) : nil)
        let chunk = Array(payload[offset..<(offset + length)])
        let data = String(validating: chunk, as: UTF8.self).map(DataContent.text) ?? .opaque(chunk)
        let built = Item(target: item.target.map { Location($0) }, meta: meta, data: data, moreData: !isLast)
        let command = ItemCommand(cmdID: cmdID, items: [built])
        return kind == .add ? .add(command) : .replace(command)
    }
}

extension DMSession {
    /// Takes an item that may be a chunk; keeps chunks until the last arrives.
    mutating func absorb(_ item: Item, commandName: String) -> ChunkVerdict {
        let uri = item.source?.locURI ?? item.target?.locURI ?? ""
        let key = "\(commandName) \(uri)"
        let bytes = item.data?.bytes ?? []
        let isText: Bool = {
            if case .opaque = item.data { return false }
            return true
        }()
        if var object = incomingObject, object.key == key {
            object.data.append(contentsOf: bytes)
            guard object.data.count <= limits.maxObjectSize else {
                incomingObject = nil
                return .failed(StatusCode.requestEntityTooLarge.rawValue)
            }
            if item.moreData {
                guard object.data.count < object.declaredSize else {
                    incomingObject = nil
                    return .failed(StatusCode.sizeMismatch.rawValue)
                }
                incomingObject = object
                return .buffered
            }
            incomingObject = nil
            guard object.data.count == object.declaredSize else { return .failed(StatusCode.sizeMismatch.rawValue) }
            var whole = item
            whole.meta = item.meta ?? object.meta
            whole.data = object.isText ? .text(String(decoding: object.data, as: UTF8.self)) : .opaque(object.data)
            whole.moreData = false
            return .complete(whole)
        }
        // Anything else interrupts an object in progress: it is dropped (and the device told with Alert 1225).
        if let object = incomingObject { interruptedObject = object }
        incomingObject = nil
        guard item.moreData else { return .complete(item) }
        guard let size = item.meta?.sizeValue else { return .failed(StatusCode.incompleteCommand.rawValue) }
        guard size <= limits.maxObjectSize else { return .failed(StatusCode.requestEntityTooLarge.rawValue) }
        guard bytes.count < size else { return .failed(StatusCode.sizeMismatch.rawValue) }
        incomingObject = IncomingLargeObject(key: key, declaredSize: size, data: bytes, isText: isText, meta: item.meta)
        return .buffered
    }
}
