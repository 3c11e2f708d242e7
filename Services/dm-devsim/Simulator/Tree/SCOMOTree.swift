import DMTree

/// SCOMO subtree helpers: inventory entries and the Operations nodes a device creates for them.
public enum SCOMOTree {
    static let download = "\(StandardTree.scomoRoot)/Download"
    static let delivered = "\(StandardTree.scomoRoot)/Inventory/Delivered"
    static let deployed = "\(StandardTree.scomoRoot)/Inventory/Deployed"

    /// Adds a deployed (installed) component with its State and Operations (Activate, Deactivate, Remove).
    public static func addDeployed(_ component: Component, to tree: inout DeviceTree, serverID: String) {
        let base = "\(deployed)/\(component.id)"
        tree.set(base, TreeNode(format: .node))
        tree.setValue("\(base)/ID", component.id)
        tree.setValue("\(base)/PkgIDRef", component.id)
        tree.setValue("\(base)/Name", component.name)
        tree.setValue("\(base)/Version", component.version)
        tree.set("\(base)/State", TreeNode(format: .int, value: Array(String(component.active ? 20 : 10).utf8)))
        tree.set("\(base)/Status", TreeNode(format: .int, value: Array("10".utf8)))
        tree.set(
            "\(base)/Operations",
            TreeNode(format: .node, acl: StandardTree.acl("Exec=\(serverID)&Get=\(serverID)"), isPermanent: false))
        for (name, action) in [
            ("Activate", ExecAction.scomoActivate), ("Deactivate", .scomoDeactivate), ("Remove", .scomoRemove),
        ] {
            tree.set("\(base)/Operations/\(name)", TreeNode(format: .null, execAction: action))
        }
    }

    /// Adds a delivered (downloaded, not installed) package with its Operations (Install, InstallInactive,
    /// Remove).
    public static func addDelivered(id: String, name: String, version: String, to tree: inout DeviceTree, serverID: String) {
        let base = "\(delivered)/\(id)"
        tree.set(base, TreeNode(format: .node))
        tree.setValue("\(base)/PkgID", id)
        tree.setValue("\(base)/Name", name)
        tree.setValue("\(base)/Version", version)
        tree.set("\(base)/State", TreeNode(format: .int, value: Array("10".utf8)))
        tree.set("\(base)/Status", TreeNode(format: .int, value: Array("10".utf8)))
        tree.set(
            "\(base)/Operations",
            TreeNode(format: .node, acl: StandardTree.acl("Exec=\(serverID)&Get=\(serverID)")))
        for (name, action) in [
            ("Install", ExecAction.scomoInstall), ("InstallInactive", .scomoInstallInactive), ("Remove", .scomoRemove),
        ] {
            tree.set("\(base)/Operations/\(name)", TreeNode(format: .null, execAction: action))
        }
    }

    /// After a server Add under `SCOMO/Download/<x>`, gives the entry what a device adds itself: Status and the
    /// Download, DownloadInstall and DownloadInstallInactive operations.
    public static func completeDownloadEntries(in tree: inout DeviceTree, serverID: String) {
        guard let root = try? NodeURI(download), let node = tree.node(root) else { return }
        for name in node.children {
            let base = "\(download)/\(name)"
            if tree.node("\(base)/Operations/DownloadInstall") != nil { continue }
            if tree.node("\(base)/Status") == nil {
                tree.set("\(base)/Status", TreeNode(format: .int, value: Array("10".utf8)))
            }
            if tree.node("\(base)/Operations") == nil {
                tree.set(
                    "\(base)/Operations",
                    TreeNode(format: .node, acl: StandardTree.acl("Exec=\(serverID)&Get=\(serverID)")))
            }
            for (op, action) in [
                ("Download", ExecAction.scomoDownload), ("DownloadInstall", .scomoDownloadInstall),
                ("DownloadInstallInactive", .scomoDownloadInstallInactive),
            ] where tree.node("\(base)/Operations/\(op)") == nil {
                tree.set("\(base)/Operations/\(op)", TreeNode(format: .null, execAction: action))
            }
        }
    }
}
