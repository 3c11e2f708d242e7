import DMTree

/// Builds the tree a freshly provisioned device has: DevInfo, DevDetail, DMAcc, FUMO (`./FwUpdate/x1`), SCOMO,
/// LAWMO, DIAGMON and the Inbox, with the Formats, Types and ACLs of the standard objects.
///
/// ACLs: DevInfo, DevDetail and the MO roots are `Get=*`; the DM account is managed only by its own server;
/// secrets (`AAuthSecret`, `AAuthData`) can be replaced but never read; executable nodes grant `Exec` to the
/// account's server.
public enum StandardTree {
    /// The FUMO object's location.
    public static let fumoRoot = "./FwUpdate/x1"
    /// The SCOMO object's location.
    public static let scomoRoot = "./SCOMO"
    /// The LAWMO object's location.
    public static let lawmoRoot = "./LAWMO"
    /// The DIAGMON object's location (its structure is this simulator's: the DDF was not available).
    public static let diagmonRoot = "./DiagMon"

    /// The tree of a new device.
    /// - Parameters:
    ///   - fumoInstance: the FUMO instance's name (`./FwUpdate/<fumoInstance>`).
    public static func build(
        identity: DeviceIdentity, account: AccountConfig, components: [Component], fumoInstance: String = "x1"
    ) -> DeviceTree {
        var tree = DeviceTree()
        let srv = account.serverID
        let getAll = acl("Get=*")
        let manage = acl("Get=\(srv)&Replace=\(srv)")
        let exec = acl("Exec=\(srv)&Get=\(srv)")

        func interior(_ path: String, acl: AccessControlList = AccessControlList(), type: String? = nil) {
            tree.set(path, TreeNode(format: .node, type: type, acl: acl, isPermanent: true))
        }
        func leaf(
            _ path: String, _ value: String, format: NodeFormat = .chr, acl: AccessControlList = AccessControlList(),
            permanent: Bool = true
        ) {
            tree.set(path, TreeNode(format: format, acl: acl, value: Array(value.utf8), isPermanent: permanent))
        }

        // DevInfo
        interior("./DevInfo", acl: getAll, type: ManagementObjectID.devInfo.rawValue)
        leaf("./DevInfo/DevId", identity.deviceID)
        leaf("./DevInfo/Man", identity.manufacturer)
        leaf("./DevInfo/Mod", identity.model)
        leaf("./DevInfo/DmV", identity.dmVersion)
        leaf("./DevInfo/Lang", identity.language)
        interior("./DevInfo/Ext")

        // DevDetail
        interior("./DevDetail", acl: getAll, type: ManagementObjectID.devDetail.rawValue)
        interior("./DevDetail/URI")
        leaf("./DevDetail/URI/MaxDepth", "0")
        leaf("./DevDetail/URI/MaxTotLen", "0")
        leaf("./DevDetail/URI/MaxSegLen", "0")
        leaf("./DevDetail/DevTyp", identity.deviceType)
        leaf("./DevDetail/OEM", identity.oem)
        leaf("./DevDetail/FwV", identity.firmwareVersion)
        leaf("./DevDetail/SwV", identity.softwareVersion)
        leaf("./DevDetail/HwV", identity.hardwareVersion)
        leaf("./DevDetail/LrgObj", "true", format: .bool)
        interior("./DevDetail/Ext")
        interior("./DevDetail/Ext/Battery")
        leaf("./DevDetail/Ext/Battery/Level", "87", format: .int)

        // DMAcc
        interior("./DMAcc", acl: acl("Get=*&Add=\(srv)&Replace=\(srv)&Delete=\(srv)"), type: nil)
        let accountPath = "./DMAcc/\(account.accountName)"
        tree.set(
            accountPath,
            TreeNode(
                format: .node, type: ManagementObjectID.dmAcc.rawValue,
                acl: acl("Get=\(srv)&Replace=\(srv)&Add=\(srv)&Delete=\(srv)"), isPermanent: false))
        leaf("\(accountPath)/AppID", "w7", permanent: false)
        leaf("\(accountPath)/ServerID", account.serverID, permanent: false)
        leaf("\(accountPath)/Name", "DM server", permanent: false)
        leaf("\(accountPath)/PrefConRef", "", permanent: false)
        tree.set("\(accountPath)/AppAddr", TreeNode(format: .node))
        tree.set("\(accountPath)/AppAddr/1", TreeNode(format: .node))
        leaf("\(accountPath)/AppAddr/1/Addr", account.serverURL, permanent: false)
        leaf("\(accountPath)/AppAddr/1/AddrType", "URI", permanent: false)
        leaf("\(accountPath)/AAuthPref", account.clientAuth.aAuthType, permanent: false)
        tree.set("\(accountPath)/AppAuth", TreeNode(format: .node))
        for (name, level, type, user, secret, nonce) in [
            ("CLCRED", "CLCRED", account.clientAuth, account.clientName, account.clientSecret, account.clientNonce),
            ("SRVCRED", "SRVCRED", account.serverAuth, account.serverID, account.serverSecret, account.serverNonce),
        ] {
            let base = "\(accountPath)/AppAuth/\(name)"
            tree.set(base, TreeNode(format: .node))
            leaf("\(base)/AAuthLevel", level, permanent: false)
            leaf("\(base)/AAuthType", type.aAuthType, permanent: false)
            leaf("\(base)/AAuthName", user, permanent: false)
            tree.set(
                "\(base)/AAuthSecret",
                TreeNode(format: .chr, acl: acl("Replace=\(srv)"), value: Array(secret.utf8)))
            tree.set("\(base)/AAuthData", TreeNode(format: .bin, acl: acl("Replace=\(srv)"), value: nonce))
        }
        tree.set("\(accountPath)/Ext", TreeNode(format: .node))

        // FUMO
        interior("./FwUpdate", acl: getAll)
        let fumo = "./FwUpdate/\(fumoInstance)"
        interior(fumo, acl: manage, type: ManagementObjectID.fumo.rawValue)
        leaf("\(fumo)/PkgName", "")
        leaf("\(fumo)/PkgVersion", "")
        tree.set("\(fumo)/Download", TreeNode(format: .node, acl: exec, isPermanent: true, execAction: .fumoDownload))
        leaf("\(fumo)/Download/PkgURL", "", acl: manage)
        tree.set("\(fumo)/Update", TreeNode(format: .node, acl: exec, isPermanent: true, execAction: .fumoUpdate))
        tree.set(
            "\(fumo)/Update/PkgData",
            TreeNode(format: .bin, acl: acl("Replace=\(srv)"), value: [], isPermanent: true))
        tree.set(
            "\(fumo)/DownloadAndUpdate",
            TreeNode(format: .node, acl: exec, isPermanent: true, execAction: .fumoDownloadAndUpdate))
        leaf("\(fumo)/DownloadAndUpdate/PkgURL", "", acl: manage)
        leaf("\(fumo)/State", String(FUMOState.idle.rawValue), format: .int, acl: getAll)
        interior("\(fumo)/Ext")

        // SCOMO
        interior(scomoRoot, acl: getAll, type: ManagementObjectID.scomo.rawValue)
        interior("\(scomoRoot)/Download", acl: acl("Get=\(srv)&Add=\(srv)&Delete=\(srv)&Replace=\(srv)"))
        interior("\(scomoRoot)/Inventory", acl: getAll)
        interior("\(scomoRoot)/Inventory/Delivered", acl: acl("Get=\(srv)&Add=\(srv)&Delete=\(srv)&Replace=\(srv)"))
        interior("\(scomoRoot)/Inventory/Deployed", acl: acl("Get=\(srv)&Replace=\(srv)"))
        for component in components {
            SCOMOTree.addDeployed(component, to: &tree, serverID: srv)
        }
        interior("\(scomoRoot)/Ext")

        // LAWMO
        interior(lawmoRoot, acl: getAll, type: ManagementObjectID.lawmo.rawValue)
        leaf("\(lawmoRoot)/State", String(LAWMOState.unlocked.rawValue), format: .int)
        interior("\(lawmoRoot)/AvailableWipeList", acl: acl("Get=\(srv)&Replace=\(srv)"))
        for name in ["Contacts", "Photos", "Messages", "SDCard"] {
            let item = "\(lawmoRoot)/AvailableWipeList/\(name.lowercased())"
            interior(item)
            leaf("\(item)/ListItemName", name)
            leaf("\(item)/ToBeWiped", "false", format: .bool, acl: manage)
        }
        interior("\(lawmoRoot)/LAWMOConfig")
        leaf("\(lawmoRoot)/LAWMOConfig/NotifyUser", "true", format: .bool, acl: manage)
        interior("\(lawmoRoot)/Operations", acl: exec)
        for (name, action) in [
            ("FullyLock", ExecAction.lawmoFullyLock), ("PartiallyLock", .lawmoPartiallyLock), ("UnLock", .lawmoUnLock),
            ("FactoryReset", .lawmoFactoryReset), ("Wipe", .lawmoWipe),
        ] {
            tree.set(
                "\(lawmoRoot)/Operations/\(name)", TreeNode(format: .null, isPermanent: true, execAction: action))
        }
        interior("\(lawmoRoot)/Ext")

        // DIAGMON (this simulator's layout; see the README)
        interior(diagmonRoot, acl: getAll, type: ManagementObjectID.diagMon.rawValue)
        interior("\(diagmonRoot)/Data")
        leaf("\(diagmonRoot)/Data/BatteryLevel", "87", format: .int)
        leaf("\(diagmonRoot)/Data/SignalStrength", "-71", format: .int)
        leaf("\(diagmonRoot)/Data/FreeMemory", "183500800", format: .int)
        leaf("\(diagmonRoot)/Data/Uptime", "86400", format: .int)
        interior("\(diagmonRoot)/Reporting", acl: manage)
        leaf("\(diagmonRoot)/Reporting/ServerID", account.serverID, acl: manage)
        interior("\(diagmonRoot)/Operations", acl: exec)
        tree.set("\(diagmonRoot)/Operations/Collect", TreeNode(format: .null, isPermanent: true, execAction: .diagmonCollect))
        tree.set("\(diagmonRoot)/Operations/Restart", TreeNode(format: .null, isPermanent: true, execAction: .diagmonRestart))

        // Inbox
        interior("./Inbox", acl: acl("Add=*"), type: ManagementObjectID.inbox.rawValue)
        return tree
    }

    /// An ACL from its text form, or the empty ACL when the text does not parse.
    static func acl(_ text: String) -> AccessControlList {
        (try? AccessControlList(parsing: text)) ?? AccessControlList()
    }
}
