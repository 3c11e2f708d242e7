import SyncML

/// The messages the codec benchmarks decode and encode, built deterministically.
enum SampleMessages {
    static let server = "https://dm.example.com/dm"
    static let device = "IMEI:356938035643809"

    /// A typical server package (about 3 KB of XML): header status with a challenge, a FUMO Replace and
    /// Exec, a few Gets, an Add in an Atomic, and a UI confirm alert.
    static let serverPackage: SyncMLMessage = {
        var body: [Command] = [
            .status(
                StatusCommand(
                    cmdID: "1", msgRef: "1", cmdRef: "0", cmd: "SyncHdr", targetRefs: [server], sourceRefs: [device],
                    chal: Challenge(meta: MetaInfo(format: "b64", type: "syncml:auth-md5", nextNonce: "q1w2e3r4t5y6u7i8o9p0a1s2")),
                    data: "212")),
            .status(StatusCommand(cmdID: "2", msgRef: "1", cmdRef: "1", cmd: "Alert", data: "200")),
            .status(StatusCommand(cmdID: "3", msgRef: "1", cmdRef: "2", cmd: "Replace", data: "200")),
            .replace(
                ItemCommand(
                    cmdID: "4", meta: MetaInfo(format: "chr", type: "text/plain"),
                    items: [
                        Item(
                            target: "./FwUpdate/x1/DownloadAndUpdate/PkgURL",
                            data: .text("https://dl.example.com/dd/7f3a9c1e-5b2d-4e8f-9a6c-1d2e3f4a5b6c.dd"))
                    ])),
            .exec(ExecCommand(cmdID: "5", correlator: "fumo-op-000123", items: [Item(target: "./FwUpdate/x1/DownloadAndUpdate")])),
        ]
        var cmdID = 6
        for node in ["./DevDetail/FwV", "./DevDetail/SwV", "./DevDetail/HwV", "./DevInfo/Lang", "./DevDetail/DevTyp", "./DevDetail/OEM"] {
            body.append(.get(ItemCommand(cmdID: String(cmdID), items: [Item(target: Location(node))])))
            cmdID += 1
        }
        body.append(
            .atomic(
                ContainerCommand(
                    cmdID: String(cmdID),
                    commands: (1...6).map { index in
                        .add(
                            ItemCommand(
                                cmdID: String(cmdID + index), meta: MetaInfo(format: "chr"),
                                items: [
                                    Item(
                                        target: Location("./DMAcc/acme/AppAddr/srv\(index)/Addr"),
                                        data: .text("https://dm\(index).example.com:443/oma-dm/endpoint"))
                                ]))
                    })))
        cmdID += 7
        body.append(
            .alert(
                AlertCommand(
                    cmdID: String(cmdID), data: "1101",
                    items: [Item(data: .text("MINDT=5&MAXDT=60&DR=1")), Item(data: .text("A firmware update (42 MB) is ready. Install tonight?"))])))
        return SyncMLMessage(
            header: SyncHeader(
                sessionID: "1A2B", msgID: "2", target: Location(device), source: Location(server),
                respURI: "https://dm.example.com/dm?s=Zk9vYmFyQmF6cXV4MTIzNDU2", meta: MetaInfo(maxMsgSize: "65536", maxObjSize: "1048576")),
            body: body)
    }()

    /// A client Results package of about 30 KB: statuses and a Results with a hundred tree values.
    static let clientResults: SyncMLMessage = {
        var body: [Command] = [
            .status(StatusCommand(cmdID: "1", msgRef: "2", cmdRef: "0", cmd: "SyncHdr", targetRefs: [device], sourceRefs: [server], data: "200"))
        ]
        for index in 0..<20 {
            body.append(.status(StatusCommand(cmdID: String(index + 2), msgRef: "2", cmdRef: String(index + 4), cmd: "Get", data: "200")))
        }
        let items = (0..<110).map { index in
            Item(
                source: Location("./Vendor/Acme/Diagnostics/Counters/\(index)/Value"),
                meta: MetaInfo(format: index % 3 == 0 ? "int" : "chr", type: "text/plain"),
                data: .text(index % 3 == 0 ? String(index * 7919) : "radio=LTE band=\(index % 40) rsrp=-\(80 + index % 30) sinr=\(index % 25) cell=0x\(String(index * 4099, radix: 16))"))
        }
        body.append(.results(ResultsCommand(cmdID: "22", msgRef: "2", cmdRef: "4", items: items)))
        return SyncMLMessage(
            header: SyncHeader(
                sessionID: "1A2B", msgID: "3", target: Location(server), source: Location(device, name: "acme-device")),
            body: body)
    }()

    /// A Large Object chunk of 1 MiB: in-band firmware data for FUMO, base64 in XML, raw (opaque) in WBXML.
    static let largeObjectBytes: [UInt8] = (0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) }

    static func largeObjectChunk(xml: Bool) -> SyncMLMessage {
        let data: DataContent = xml ? .text(Base64.encode(largeObjectBytes)) : .opaque(largeObjectBytes)
        return SyncMLMessage(
            header: SyncHeader(sessionID: "1A2B", msgID: "4", target: Location(device), source: Location(server)),
            body: [
                .replace(
                    ItemCommand(
                        cmdID: "2", meta: MetaInfo(format: xml ? "b64" : "bin", type: "application/octet-stream"),
                        items: [
                            Item(
                                target: "./FwUpdate/x1/Update/PkgData", meta: MetaInfo(size: "4194304"), data: data,
                                moreData: true)
                        ]))
            ], isFinal: false)
    }
}
