/// Builds a ``SyncMLMessage`` from any ``SyncMLTokenReader`` (XML or WBXML) by recursive descent.
///
/// Children are accepted in any order (real clients differ from the DTD, e.g. Correlator before Data in
/// Alert); a single-valued child given twice, a missing mandatory child, or text where elements belong is an
/// ``SyncMLDecodeError/Kind/invalidStructure`` error. Unknown elements are skipped by the reader.
struct SyncMLModelDecoder<Reader: SyncMLTokenReader> {
    var reader: Reader
    let limits: DecodeLimits
    private var commandCount = 0
    private var itemCount = 0

    init(reader: Reader, limits: DecodeLimits) {
        self.reader = reader
        self.limits = limits
    }

    mutating func decodeMessage() throws(SyncMLDecodeError) -> SyncMLMessage {
        let version = try reader.openRoot()
        var header: SyncHeader?
        var body: [Command] = []
        var isFinal = false
        var sawBody = false
        while let tag = try reader.nextChild() {
            switch tag {
            case .syncHdr:
                guard header == nil else { throw duplicate(tag, in: .syncML) }
                header = try decodeHeader()
            case .syncBody:
                guard !sawBody else { throw duplicate(tag, in: .syncML) }
                sawBody = true
                (body, isFinal) = try decodeBody()
            default:
                throw reader.error(.invalidStructure, "unexpected <\(tag.name)> in <SyncML>", element: tag)
            }
        }
        try reader.close()
        guard let header else { throw missing(.syncHdr, in: .syncML) }
        guard sawBody else { throw missing(.syncBody, in: .syncML) }
        return SyncMLMessage(version: version, header: header, body: body, isFinal: isFinal)
    }

    // MARK: Header and body

    private mutating func decodeHeader() throws(SyncMLDecodeError) -> SyncHeader {
        var verDTD: String?, verProto: String?, sessionID: String?, msgID: String?
        var target: Location?, source: Location?, respURI: String?, cred: Credential?, meta: MetaInfo?
        var noResp = false
        while let tag = try reader.nextChild() {
            switch tag {
            case .verDTD: try setOnce(&verDTD, try reader.readText(), tag, in: .syncHdr)
            case .verProto: try setOnce(&verProto, try reader.readText(), tag, in: .syncHdr)
            case .sessionID: try setOnce(&sessionID, try reader.readText(), tag, in: .syncHdr)
            case .msgID: try setOnce(&msgID, try reader.readText(), tag, in: .syncHdr)
            case .target: try setOnce(&target, try decodeLocation(tag), tag, in: .syncHdr)
            case .source: try setOnce(&source, try decodeLocation(tag), tag, in: .syncHdr)
            case .respURI: try setOnce(&respURI, try reader.readText(), tag, in: .syncHdr)
            case .noResp: try reader.skipElement(); noResp = true
            case .cred: try setOnce(&cred, try decodeCredential(), tag, in: .syncHdr)
            case .meta: try setOnce(&meta, try decodeMeta(tag), tag, in: .syncHdr)
            default: try reader.skipElement()
            }
        }
        guard let verDTD else { throw missing(.verDTD, in: .syncHdr) }
        guard let verProto else { throw missing(.verProto, in: .syncHdr) }
        guard let sessionID else { throw missing(.sessionID, in: .syncHdr) }
        guard let msgID else { throw missing(.msgID, in: .syncHdr) }
        guard let target else { throw missing(.target, in: .syncHdr) }
        guard let source else { throw missing(.source, in: .syncHdr) }
        return SyncHeader(
            verDTD: verDTD, verProto: verProto, sessionID: sessionID, msgID: msgID, target: target, source: source,
            respURI: respURI, noResp: noResp, cred: cred, meta: meta)
    }

    private mutating func decodeBody() throws(SyncMLDecodeError) -> ([Command], Bool) {
        var commands: [Command] = []
        var isFinal = false
        while let tag = try reader.nextChild() {
            if tag == .final {
                try reader.skipElement()
                isFinal = true
                continue
            }
            if isFinal {
                throw reader.error(.invalidStructure, "<\(tag.name)> after <Final/>", element: tag)
            }
            commands.append(try decodeCommand(tag, in: .syncBody))
        }
        return (commands, isFinal)
    }

    // MARK: Commands

    private mutating func decodeCommand(_ tag: SyncMLTag, in parent: SyncMLTag) throws(SyncMLDecodeError) -> Command {
        commandCount += 1
        if commandCount > limits.maxCommands {
            throw reader.error(.limitExceeded, "more than \(limits.maxCommands) commands", element: tag)
        }
        switch tag {
        case .add: return .add(try decodeItemCommand(tag))
        case .copy: return .copy(try decodeItemCommand(tag))
        case .delete: return .delete(try decodeItemCommand(tag))
        case .get: return .get(try decodeItemCommand(tag))
        case .replace: return .replace(try decodeItemCommand(tag))
        case .alert: return .alert(try decodeAlert())
        case .exec: return .exec(try decodeExec())
        case .atomic: return .atomic(try decodeContainer(tag))
        case .sequence: return .sequence(try decodeContainer(tag))
        case .results: return .results(try decodeResults())
        case .status: return .status(try decodeStatus())
        case .sync, .map, .put, .search, .move:
            var cmdID: String?
            while let child = try reader.nextChild() {
                if child == .cmdID, cmdID == nil { cmdID = try reader.readText() } else { try reader.skipElement() }
            }
            guard let cmdID else { throw missing(.cmdID, in: tag) }
            return .unsupported(UnsupportedCommand(name: tag.name, cmdID: cmdID))
        default:
            throw reader.error(.invalidStructure, "<\(tag.name)> is not a command, in <\(parent.name)>", element: tag)
        }
    }

    private mutating func decodeItemCommand(_ tag: SyncMLTag) throws(SyncMLDecodeError) -> ItemCommand {
        var cmdID: String?, cred: Credential?, meta: MetaInfo?
        var noResp = false
        var items: [Item] = []
        while let child = try reader.nextChild() {
            switch child {
            case .cmdID: try setOnce(&cmdID, try reader.readText(), child, in: tag)
            case .noResp: try reader.skipElement(); noResp = true
            case .cred: try setOnce(&cred, try decodeCredential(), child, in: tag)
            case .meta: try setOnce(&meta, try decodeMeta(child), child, in: tag)
            case .item: items.append(try decodeItem())
            default: try reader.skipElement()
            }
        }
        guard let cmdID else { throw missing(.cmdID, in: tag) }
        return ItemCommand(cmdID: cmdID, noResp: noResp, cred: cred, meta: meta, items: items)
    }

    private mutating func decodeAlert() throws(SyncMLDecodeError) -> AlertCommand {
        var cmdID: String?, cred: Credential?, data: String?, correlator: String?
        var noResp = false
        var items: [Item] = []
        while let child = try reader.nextChild() {
            switch child {
            case .cmdID: try setOnce(&cmdID, try reader.readText(), child, in: .alert)
            case .noResp: try reader.skipElement(); noResp = true
            case .cred: try setOnce(&cred, try decodeCredential(), child, in: .alert)
            case .data: try setOnce(&data, try reader.readText(), child, in: .alert)
            case .correlator: try setOnce(&correlator, try reader.readText(), child, in: .alert)
            case .item: items.append(try decodeItem())
            default: try reader.skipElement()
            }
        }
        guard let cmdID else { throw missing(.cmdID, in: .alert) }
        return AlertCommand(cmdID: cmdID, noResp: noResp, cred: cred, data: data, correlator: correlator, items: items)
    }

    private mutating func decodeExec() throws(SyncMLDecodeError) -> ExecCommand {
        var cmdID: String?, cred: Credential?, meta: MetaInfo?, correlator: String?
        var noResp = false
        var items: [Item] = []
        while let child = try reader.nextChild() {
            switch child {
            case .cmdID: try setOnce(&cmdID, try reader.readText(), child, in: .exec)
            case .noResp: try reader.skipElement(); noResp = true
            case .cred: try setOnce(&cred, try decodeCredential(), child, in: .exec)
            case .meta: try setOnce(&meta, try decodeMeta(child), child, in: .exec)
            case .correlator: try setOnce(&correlator, try reader.readText(), child, in: .exec)
            case .item: items.append(try decodeItem())
            default: try reader.skipElement()
            }
        }
        guard let cmdID else { throw missing(.cmdID, in: .exec) }
        return ExecCommand(cmdID: cmdID, noResp: noResp, cred: cred, meta: meta, correlator: correlator, items: items)
    }

    private mutating func decodeContainer(_ tag: SyncMLTag) throws(SyncMLDecodeError) -> ContainerCommand {
        var cmdID: String?, meta: MetaInfo?
        var noResp = false
        var commands: [Command] = []
        while let child = try reader.nextChild() {
            switch child {
            case .cmdID: try setOnce(&cmdID, try reader.readText(), child, in: tag)
            case .noResp: try reader.skipElement(); noResp = true
            case .meta: try setOnce(&meta, try decodeMeta(child), child, in: tag)
            case .cred: try reader.skipElement()
            default: commands.append(try decodeCommand(child, in: tag))
            }
        }
        guard let cmdID else { throw missing(.cmdID, in: tag) }
        return ContainerCommand(cmdID: cmdID, noResp: noResp, meta: meta, commands: commands)
    }

    private mutating func decodeResults() throws(SyncMLDecodeError) -> ResultsCommand {
        var cmdID: String?, msgRef: String?, cmdRef: String?, meta: MetaInfo?, targetRef: String?
        var sourceRef: String?
        var items: [Item] = []
        while let child = try reader.nextChild() {
            switch child {
            case .cmdID: try setOnce(&cmdID, try reader.readText(), child, in: .results)
            case .msgRef: try setOnce(&msgRef, try reader.readText(), child, in: .results)
            case .cmdRef: try setOnce(&cmdRef, try reader.readText(), child, in: .results)
            case .meta: try setOnce(&meta, try decodeMeta(child), child, in: .results)
            case .targetRef: try setOnce(&targetRef, try reader.readText(), child, in: .results)
            case .sourceRef: try setOnce(&sourceRef, try reader.readText(), child, in: .results)
            case .item: items.append(try decodeItem())
            default: try reader.skipElement()
            }
        }
        guard let cmdID else { throw missing(.cmdID, in: .results) }
        guard let cmdRef else { throw missing(.cmdRef, in: .results) }
        return ResultsCommand(
            cmdID: cmdID, msgRef: msgRef, cmdRef: cmdRef, meta: meta, targetRef: targetRef, sourceRef: sourceRef,
            items: items)
    }

    private mutating func decodeStatus() throws(SyncMLDecodeError) -> StatusCommand {
        var cmdID: String?, msgRef: String?, cmdRef: String?, cmd: String?, data: String?
        var cred: Credential?, chal: Challenge?
        var targetRefs: [String] = [], sourceRefs: [String] = []
        var items: [Item] = []
        while let child = try reader.nextChild() {
            switch child {
            case .cmdID: try setOnce(&cmdID, try reader.readText(), child, in: .status)
            case .msgRef: try setOnce(&msgRef, try reader.readText(), child, in: .status)
            case .cmdRef: try setOnce(&cmdRef, try reader.readText(), child, in: .status)
            case .cmd: try setOnce(&cmd, try reader.readText(), child, in: .status)
            case .targetRef: targetRefs.append(try reader.readText())
            case .sourceRef: sourceRefs.append(try reader.readText())
            case .cred: try setOnce(&cred, try decodeCredential(), child, in: .status)
            case .chal: try setOnce(&chal, Challenge(meta: try decodeChallengeMeta()), child, in: .status)
            case .data: try setOnce(&data, try reader.readText(), child, in: .status)
            case .item: items.append(try decodeItem())
            default: try reader.skipElement()
            }
        }
        guard let cmdID else { throw missing(.cmdID, in: .status) }
        guard let cmdRef else { throw missing(.cmdRef, in: .status) }
        guard let cmd else { throw missing(.cmd, in: .status) }
        guard let data else { throw missing(.data, in: .status) }
        return StatusCommand(
            cmdID: cmdID, msgRef: msgRef, cmdRef: cmdRef, cmd: cmd, targetRefs: targetRefs, sourceRefs: sourceRefs,
            cred: cred, chal: chal, data: data, items: items)
    }

    // MARK: Parts

    private mutating func decodeItem() throws(SyncMLDecodeError) -> Item {
        itemCount += 1
        if itemCount > limits.maxItems {
            throw reader.error(.limitExceeded, "more than \(limits.maxItems) items", element: .item)
        }
        var item = Item()
        var sawData = false
        while let child = try reader.nextChild() {
            switch child {
            case .target: try setOnce(&item.target, try decodeLocation(child), child, in: .item)
            case .source: try setOnce(&item.source, try decodeLocation(child), child, in: .item)
            case .sourceParent: try setOnce(&item.sourceParent, try decodeLocation(child), child, in: .item)
            case .targetParent: try setOnce(&item.targetParent, try decodeLocation(child), child, in: .item)
            case .meta: try setOnce(&item.meta, try decodeMeta(child), child, in: .item)
            case .data:
                guard !sawData else { throw duplicate(child, in: .item) }
                sawData = true
                item.data = try reader.readData()
            case .moreData: try reader.skipElement(); item.moreData = true
            default: try reader.skipElement()
            }
        }
        return item
    }

    private mutating func decodeLocation(_ tag: SyncMLTag) throws(SyncMLDecodeError) -> Location {
        var locURI: String?, locName: String?
        while let child = try reader.nextChild() {
            switch child {
            case .locURI: try setOnce(&locURI, try reader.readText(), child, in: tag)
            case .locName: try setOnce(&locName, try reader.readText(), child, in: tag)
            default: try reader.skipElement()
            }
        }
        guard let locURI else { throw missing(.locURI, in: tag) }
        return Location(locURI, name: locName)
    }

    private mutating func decodeCredential() throws(SyncMLDecodeError) -> Credential {
        var meta: MetaInfo?, data: String?
        while let child = try reader.nextChild() {
            switch child {
            case .meta: try setOnce(&meta, try decodeMeta(child), child, in: .cred)
            case .data: try setOnce(&data, try reader.readText(), child, in: .cred)
            default: try reader.skipElement()
            }
        }
        guard let data else { throw missing(.data, in: .cred) }
        return Credential(meta: meta, data: data)
    }

    private mutating func decodeChallengeMeta() throws(SyncMLDecodeError) -> MetaInfo {
        var meta: MetaInfo?
        while let child = try reader.nextChild() {
            if child == .meta { try setOnce(&meta, try decodeMeta(child), child, in: .chal) } else { try reader.skipElement() }
        }
        guard let meta else { throw missing(.meta, in: .chal) }
        return meta
    }

    /// Reads a Meta element. An optional `MetInf` wrapper (WBXML page 1, 0x0E) is transparent.
    private mutating func decodeMeta(_ tag: SyncMLTag) throws(SyncMLDecodeError) -> MetaInfo {
        var meta = MetaInfo()
        try decodeMetaChildren(into: &meta, parent: tag)
        return meta
    }

    private mutating func decodeMetaChildren(into meta: inout MetaInfo, parent: SyncMLTag) throws(SyncMLDecodeError) {
        while let child = try reader.nextChild() {
            switch child {
            case .format: try setOnce(&meta.format, try reader.readText(), child, in: parent)
            case .type: try setOnce(&meta.type, try reader.readText(), child, in: parent)
            case .mark: try setOnce(&meta.mark, try reader.readText(), child, in: parent)
            case .size: try setOnce(&meta.size, try reader.readText(), child, in: parent)
            case .version: try setOnce(&meta.version, try reader.readText(), child, in: parent)
            case .nextNonce: try setOnce(&meta.nextNonce, try reader.readText(), child, in: parent)
            case .maxMsgSize: try setOnce(&meta.maxMsgSize, try reader.readText(), child, in: parent)
            case .maxObjSize: try setOnce(&meta.maxObjSize, try reader.readText(), child, in: parent)
            case .emi: meta.emi.append(try reader.readText())
            case .fieldLevel: try reader.skipElement(); meta.fieldLevel = true
            case .metInf: try decodeMetaChildren(into: &meta, parent: child)
            case .anchor:
                var anchor = MetaInfo.Anchor()
                while let part = try reader.nextChild() {
                    switch part {
                    case .last: try setOnce(&anchor.last, try reader.readText(), part, in: child)
                    case .next: try setOnce(&anchor.next, try reader.readText(), part, in: child)
                    default: try reader.skipElement()
                    }
                }
                try setOnce(&meta.anchor, anchor, child, in: parent)
            case .mem:
                var memory = MetaInfo.Memory()
                while let part = try reader.nextChild() {
                    switch part {
                    case .sharedMem: try reader.skipElement(); memory.sharedMem = true
                    case .freeMem: try setOnce(&memory.freeMem, try reader.readText(), part, in: child)
                    case .freeID: try setOnce(&memory.freeID, try reader.readText(), part, in: child)
                    default: try reader.skipElement()
                    }
                }
                try setOnce(&meta.mem, memory, child, in: parent)
            default: try reader.skipElement()
            }
        }
    }

    // MARK: Helpers

    // `mutating` so that `self` is accessed only after the arguments (which read through `reader`) are evaluated;
    // a non-mutating call would borrow `self` first and force a copy of the whole decoder on every field.
    private mutating func setOnce<T>(_ slot: inout T?, _ value: T, _ tag: SyncMLTag, in parent: SyncMLTag) throws(SyncMLDecodeError) {
        guard slot == nil else { throw duplicate(tag, in: parent) }
        slot = value
    }

    private func duplicate(_ tag: SyncMLTag, in parent: SyncMLTag) -> SyncMLDecodeError {
        reader.error(.invalidStructure, "<\(tag.name)> appears twice in <\(parent.name)>", element: tag)
    }

    private func missing(_ tag: SyncMLTag, in parent: SyncMLTag) -> SyncMLDecodeError {
        reader.error(.invalidStructure, "<\(parent.name)> has no <\(tag.name)>", element: parent)
    }
}
