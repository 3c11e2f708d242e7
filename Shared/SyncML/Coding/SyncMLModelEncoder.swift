/// Writes a ``SyncMLMessage`` to any ``SyncMLTokenWriter`` in DTD order.
struct SyncMLModelEncoder<Writer: SyncMLTokenWriter> {
    var writer: Writer

    mutating func encode(_ message: SyncMLMessage) -> [UInt8] {
        writer.begin(version: message.version)
        encodeHeader(message.header)
        writer.start(.syncBody)
        for command in message.body { encode(command) }
        if message.isFinal { writer.empty(.final) }
        writer.end(.syncBody)
        return writer.finish()
    }

    private mutating func encodeHeader(_ header: SyncHeader) {
        writer.start(.syncHdr)
        writer.leaf(.verDTD, header.verDTD)
        writer.leaf(.verProto, header.verProto)
        writer.leaf(.sessionID, header.sessionID)
        writer.leaf(.msgID, header.msgID)
        encode(header.target, as: .target)
        encode(header.source, as: .source)
        if let respURI = header.respURI { writer.leaf(.respURI, respURI) }
        if header.noResp { writer.empty(.noResp) }
        if let cred = header.cred { encode(cred) }
        if let meta = header.meta { encode(meta) }
        writer.end(.syncHdr)
    }

    private mutating func encode(_ command: Command) {
        switch command {
        case .add(let c): encode(c, as: .add)
        case .copy(let c): encode(c, as: .copy)
        case .delete(let c): encode(c, as: .delete)
        case .get(let c): encode(c, as: .get)
        case .replace(let c): encode(c, as: .replace)
        case .alert(let c):
            writer.start(.alert)
            writer.leaf(.cmdID, c.cmdID)
            if c.noResp { writer.empty(.noResp) }
            if let cred = c.cred { encode(cred) }
            if let data = c.data { writer.leaf(.data, data) }
            if let correlator = c.correlator { writer.leaf(.correlator, correlator) }
            for item in c.items { encode(item) }
            writer.end(.alert)
        case .exec(let c):
            writer.start(.exec)
            writer.leaf(.cmdID, c.cmdID)
            if c.noResp { writer.empty(.noResp) }
            if let cred = c.cred { encode(cred) }
            if let meta = c.meta { encode(meta) }
            if let correlator = c.correlator { writer.leaf(.correlator, correlator) }
            for item in c.items { encode(item) }
            writer.end(.exec)
        case .atomic(let c): encode(c, as: .atomic)
        case .sequence(let c): encode(c, as: .sequence)
        case .results(let c):
            writer.start(.results)
            writer.leaf(.cmdID, c.cmdID)
            if let msgRef = c.msgRef { writer.leaf(.msgRef, msgRef) }
            writer.leaf(.cmdRef, c.cmdRef)
            if let meta = c.meta { encode(meta) }
            if let targetRef = c.targetRef { writer.leaf(.targetRef, targetRef) }
            if let sourceRef = c.sourceRef { writer.leaf(.sourceRef, sourceRef) }
            for item in c.items { encode(item) }
            writer.end(.results)
        case .status(let c):
            writer.start(.status)
            writer.leaf(.cmdID, c.cmdID)
            if let msgRef = c.msgRef { writer.leaf(.msgRef, msgRef) }
            writer.leaf(.cmdRef, c.cmdRef)
            writer.leaf(.cmd, c.cmd)
            for targetRef in c.targetRefs { writer.leaf(.targetRef, targetRef) }
            for sourceRef in c.sourceRefs { writer.leaf(.sourceRef, sourceRef) }
            if let cred = c.cred { encode(cred) }
            if let chal = c.chal {
                writer.start(.chal)
                encode(chal.meta)
                writer.end(.chal)
            }
            writer.leaf(.data, c.data)
            for item in c.items { encode(item) }
            writer.end(.status)
        case .unsupported(let c):
            if let tag = SyncMLTag(name: c.name) {
                writer.start(tag)
                writer.leaf(.cmdID, c.cmdID)
                writer.end(tag)
            }
        }
    }

    private mutating func encode(_ command: ItemCommand, as tag: SyncMLTag) {
        writer.start(tag)
        writer.leaf(.cmdID, command.cmdID)
        if command.noResp { writer.empty(.noResp) }
        if let cred = command.cred { encode(cred) }
        if let meta = command.meta { encode(meta) }
        for item in command.items { encode(item) }
        writer.end(tag)
    }

    private mutating func encode(_ command: ContainerCommand, as tag: SyncMLTag) {
        writer.start(tag)
        writer.leaf(.cmdID, command.cmdID)
        if command.noResp { writer.empty(.noResp) }
        if let meta = command.meta { encode(meta) }
        for child in command.commands { encode(child) }
        writer.end(tag)
    }

    private mutating func encode(_ item: Item) {
        writer.start(.item)
        if let target = item.target { encode(target, as: .target) }
        if let source = item.source { encode(source, as: .source) }
        if let sourceParent = item.sourceParent { encode(sourceParent, as: .sourceParent) }
        if let targetParent = item.targetParent { encode(targetParent, as: .targetParent) }
        if let meta = item.meta { encode(meta) }
        if let data = item.data { writer.data(.data, data) }
        if item.moreData { writer.empty(.moreData) }
        writer.end(.item)
    }

    private mutating func encode(_ location: Location, as tag: SyncMLTag) {
        writer.start(tag)
        writer.leaf(.locURI, location.locURI)
        if let locName = location.locName { writer.leaf(.locName, locName) }
        writer.end(tag)
    }

    private mutating func encode(_ cred: Credential) {
        writer.start(.cred)
        if let meta = cred.meta { encode(meta) }
        writer.leaf(.data, cred.data)
        writer.end(.cred)
    }

    /// MetInf children in the MetInf DTD order.
    private mutating func encode(_ meta: MetaInfo) {
        writer.start(.meta)
        if let format = meta.format { writer.leaf(.format, format) }
        if let type = meta.type { writer.leaf(.type, type) }
        if let mark = meta.mark { writer.leaf(.mark, mark) }
        if let size = meta.size { writer.leaf(.size, size) }
        if let anchor = meta.anchor {
            writer.start(.anchor)
            if let last = anchor.last { writer.leaf(.last, last) }
            if let next = anchor.next { writer.leaf(.next, next) }
            writer.end(.anchor)
        }
        if let version = meta.version { writer.leaf(.version, version) }
        if let nextNonce = meta.nextNonce { writer.leaf(.nextNonce, nextNonce) }
        if let maxMsgSize = meta.maxMsgSize { writer.leaf(.maxMsgSize, maxMsgSize) }
        if let maxObjSize = meta.maxObjSize { writer.leaf(.maxObjSize, maxObjSize) }
        for emi in meta.emi { writer.leaf(.emi, emi) }
        if let mem = meta.mem {
            writer.start(.mem)
            if mem.sharedMem { writer.empty(.sharedMem) }
            if let freeMem = mem.freeMem { writer.leaf(.freeMem, freeMem) }
            if let freeID = mem.freeID { writer.leaf(.freeID, freeID) }
            writer.end(.mem)
        }
        if meta.fieldLevel { writer.empty(.fieldLevel) }
        writer.end(.meta)
    }
}
