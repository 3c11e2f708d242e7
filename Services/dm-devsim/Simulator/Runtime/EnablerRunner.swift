import DMTree
import Download
import Crypto
import SyncML

/// Runs what a device accepted with 202 (FUMO, SCOMO, LAWMO, DIAGMON operations) and returns the Generic Alerts
/// that report each outcome. Downloads go through a ``PackageFetcher``: the descriptor (DL 1.0/2.0) or the
/// package itself, resumed with Range after a dropped connection, checked for size (and SHA-256 when the DD's
/// `installParam` carries `sha256=<hex>`), followed by the install-notify report.
public struct EnablerRunner: Sendable {
    public var fetcher: (any PackageFetcher)?
    /// Download attempts before giving up (each resumes where the last one stopped).
    public var maxAttempts: Int

    public init(fetcher: (any PackageFetcher)?, maxAttempts: Int = 4) {
        self.fetcher = fetcher
        self.maxAttempts = maxAttempts
    }

    /// Runs every pending operation of the device, in order, and queues their Generic Alerts on it.
    public func runPending(on device: inout SimulatedDevice) async {
        while !device.pendingOperations.isEmpty {
            let operation = device.pendingOperations.removeFirst()
            let alerts = await run(operation, on: &device)
            device.pendingAlerts.append(contentsOf: alerts)
        }
    }

    /// Runs one operation and returns its Generic Alerts.
    public func run(_ operation: PendingOperation, on device: inout SimulatedDevice) async -> [PendingAlert] {
        let target = operation.target
        let parent = Self.parent(of: target)
        switch operation.action {
        case .fumoDownload, .fumoUpdate, .fumoDownloadAndUpdate:
            let (code, type) = await fumo(operation, root: parent, device: &device)
            return [
                PendingAlert(
                    type: type.rawValue, mark: code == 200 ? nil : "critical", data: String(code), source: target,
                    correlator: operation.correlator)
            ]
        case .scomoDownload, .scomoDownloadInstall, .scomoDownloadInstallInactive, .scomoInstall,
            .scomoInstallInactive, .scomoRemove, .scomoActivate, .scomoDeactivate:
            let code = await scomo(operation, entry: Self.parent(of: parent), device: &device)
            return [
                PendingAlert(
                    type: SCOMOAlertType.operationComplete.rawValue, mark: code == 1200 ? nil : "warning",
                    data: String(code), source: target, correlator: operation.correlator)
            ]
        case .lawmoFullyLock, .lawmoPartiallyLock, .lawmoUnLock, .lawmoWipe, .lawmoFactoryReset:
            let code = lawmo(operation, root: Self.parent(of: parent), device: &device)
            return [
                PendingAlert(
                    type: LAWMOAlertType.operationComplete.rawValue, mark: code < 1400 ? nil : "warning",
                    data: String(code), source: target, correlator: operation.correlator)
            ]
        case .diagmonCollect, .diagmonRestart:
            let root = Self.parent(of: parent)
            var alerts = [
                PendingAlert(
                    type: DiagMonAlertType.operationComplete.rawValue, data: "1200", source: target,
                    correlator: operation.correlator)
            ]
            if operation.action == .diagmonCollect {
                let values = (device.tree.node("\(root)/Data")?.children ?? []).map {
                    "\($0)=\(device.tree.value("\(root)/Data/\($0)") ?? "")"
                }
                alerts.append(
                    PendingAlert(
                        type: DiagMonAlertType.collectedSimpleDataReport.rawValue, format: "chr",
                        data: values.joined(separator: "&"), source: "\(root)/Data",
                        correlator: operation.correlator))
            } else {
                device.tree.setValue("\(root)/Data/Uptime", "0")
            }
            return alerts
        case .immediate:
            return []
        }
    }

    // MARK: FUMO

    private func fumo(_ operation: PendingOperation, root: String, device: inout SimulatedDevice) async
        -> (Int, FUMOAlertType)
    {
        let state = "\(root)/State"
        switch operation.action {
        case .fumoDownload, .fumoDownloadAndUpdate:
            let isDnU = operation.action == .fumoDownloadAndUpdate
            let type: FUMOAlertType = isDnU ? .downloadAndUpdate : .download
            let url = device.tree.value("\(root)/\(isDnU ? "DownloadAndUpdate" : "Download")/PkgURL") ?? ""
            device.tree.setValue(state, "30")
            let download = await fetchPackage(url: url, device: device)
            guard case .success(let package) = download else {
                if case .failure(let code) = download { device.tree.setValue(state, "20"); return (code.fumo, type) }
                return (409, type)
            }
            device.tree.setValue(state, "40")
            if let uri = try? NodeURI("\(root)/Update/PkgData") { device.tree.setBytes(uri, package) }
            guard isDnU else {
                device.tree.setValue(state, "50")
                return (200, type)
            }
            return (update(root: root, device: &device), type)
        default:
            let data = device.tree.node("\(root)/Update/PkgData")?.value ?? []
            guard !data.isEmpty || device.tree.value(state) == "50" || device.tree.value(state) == "40" else {
                device.tree.setValue(state, "80")
                return (405, .update)
            }
            return (update(root: root, device: &device), .update)
        }
    }

    private func update(root: String, device: inout SimulatedDevice) -> Int {
        let state = "\(root)/State"
        device.tree.setValue(state, "60")
        if device.failures.batteryLow {
            device.tree.setValue(state, "70")
            return 400
        }
        if let code = device.failures.installFailureCode {
            device.tree.setValue(state, "80")
            if let uri = try? NodeURI("\(root)/Update/PkgData") { device.tree.setBytes(uri, []) }
            return code
        }
        let version = device.tree.value("\(root)/PkgVersion") ?? ""
        let newVersion = version.isEmpty ? (device.tree.value("./DevDetail/FwV") ?? "1.0") + ".1" : version
        device.tree.setValue("./DevDetail/FwV", newVersion)
        device.identity.firmwareVersion = newVersion
        if let uri = try? NodeURI("\(root)/Update/PkgData") { device.tree.setBytes(uri, []) }
        device.tree.setValue(state, "100")
        return 200
    }

    // MARK: SCOMO

    private func scomo(_ operation: PendingOperation, entry: String, device: inout SimulatedDevice) async -> Int {
        let serverID = DMAccountView(tree: device.tree)?.serverID ?? "*"
        let name = entry.split(separator: "/").last.map(String.init) ?? "pkg"
        switch operation.action {
        case .scomoDownload, .scomoDownloadInstall, .scomoDownloadInstallInactive:
            device.tree.setValue("\(entry)/Status", "30")
            let url = device.tree.value("\(entry)/PkgURL") ?? ""
            let download = await fetchPackage(url: url, device: device)
            guard case .success = download else {
                device.tree.setValue("\(entry)/Status", "20")
                if case .failure(let code) = download { return code.scomo }
                return 1402
            }
            let id = device.tree.value("\(entry)/PkgID") ?? name
            let label = device.tree.value("\(entry)/Name") ?? name
            let version = device.tree.value("\(entry)/Version") ?? "1.0"
            device.tree.setValue("\(entry)/Status", "40")
            if operation.action == .scomoDownload {
                SCOMOTree.addDelivered(id: name, name: label, version: version, to: &device.tree, serverID: serverID)
                device.tree.setValue("\(SCOMOTree.delivered)/\(name)/PkgID", id)
                device.tree.setValue("\(entry)/Status", "10")
                return 1200
            }
            if let code = device.failures.installFailureCode {
                device.tree.setValue("\(entry)/Status", "60")
                return code
            }
            let active = operation.action == .scomoDownloadInstall
            SCOMOTree.addDeployed(
                Component(id: name, name: label, version: version, active: active), to: &device.tree,
                serverID: serverID)
            device.tree.setValue("\(entry)/Status", "10")
            return 1200
        case .scomoInstall, .scomoInstallInactive:
            if let code = device.failures.installFailureCode {
                device.tree.setValue("\(entry)/Status", "50")
                return code
            }
            let label = device.tree.value("\(entry)/Name") ?? name
            let version = device.tree.value("\(entry)/Version") ?? "1.0"
            SCOMOTree.addDeployed(
                Component(id: name, name: label, version: version, active: operation.action == .scomoInstall),
                to: &device.tree, serverID: serverID)
            device.tree.setValue("\(entry)/State", "20")
            return 1200
        case .scomoRemove:
            guard let uri = try? NodeURI(entry), device.tree.exists(uri) else { return 1408 }
            device.tree.remove(uri)
            return 1200
        case .scomoActivate, .scomoDeactivate:
            guard device.tree.node("\(entry)/State") != nil else { return 1409 }
            device.tree.setValue("\(entry)/State", operation.action == .scomoActivate ? "20" : "10")
            return 1200
        default:
            return 1411
        }
    }

    // MARK: LAWMO

    private func lawmo(_ operation: PendingOperation, root: String, device: inout SimulatedDevice) -> Int {
        switch operation.action {
        case .lawmoFullyLock:
            device.tree.setValue("\(root)/State", "10")
            return 1200
        case .lawmoPartiallyLock:
            device.tree.setValue("\(root)/State", "20")
            return 1200
        case .lawmoUnLock:
            device.tree.setValue("\(root)/State", "30")
            return 1200
        case .lawmoWipe:
            var wiped = 0
            for item in device.tree.node("\(root)/AvailableWipeList")?.children ?? [] {
                let flag = "\(root)/AvailableWipeList/\(item)/ToBeWiped"
                if device.tree.value(flag)?.lowercased() == "true" {
                    wiped += 1
                    device.tree.setValue(flag, "false")
                }
            }
            return wiped > 0 ? 1202 : 1201
        default:
            // Factory reset: the standard objects go back to their first state; the account stays.
            device.tree.setValue("\(root)/State", "30")
            for fumo in device.tree.node("./FwUpdate")?.children ?? [] {
                device.tree.setValue("./FwUpdate/\(fumo)/State", "10")
            }
            if let vendor = try? NodeURI("./Vendor") { device.tree.remove(vendor) }
            return 1200
        }
    }

    // MARK: Downloads

    enum DownloadFailure {
        case malformedURL, serverUnavailable, corrupted, authentication, networkFailure, notAcceptable

        var fumo: Int {
            switch self {
            case .malformedURL: 411
            case .serverUnavailable: 412
            case .corrupted: 402
            case .authentication: 406
            case .networkFailure: 503
            case .notAcceptable: 405
            }
        }

        var scomo: Int {
            switch self {
            case .malformedURL, .networkFailure, .notAcceptable: 1402
            case .serverUnavailable: 1501
            case .corrupted: 1407
            case .authentication: 1403
            }
        }
    }

    enum DownloadOutcome {
        case success([UInt8])
        case failure(DownloadFailure)
    }

    /// Fetches a package, through its descriptor when the URL returns one.
    ///
    /// An injected interruption (``DeviceFailures/downloadInterruptAt``) stops the package's first GET after that
    /// many bytes; the download then resumes with `Range: bytes=<N>-`. When the URL names the package itself, that
    /// first GET is the download, and the size the server announced (`Content-Length`) is what the package is
    /// checked against.
    func fetchPackage(url: String, device: SimulatedDevice) async -> DownloadOutcome {
        guard let fetcher else { return .failure(.serverUnavailable) }
        guard url.hasPrefix("http://") || url.hasPrefix("https://") else { return .failure(.malformedURL) }
        let interruptAt = device.failures.downloadInterruptAt
        var first: FetchResponse
        do {
            first = try await fetcher.get(url: url, offset: 0, stopAfter: interruptAt)
        } catch {
            return .failure(.serverUnavailable)
        }
        switch first.status {
        case 200: break
        case 401, 403: return .failure(.authentication)
        case 404, 410: return .failure(.malformedURL)
        default: return .failure(.serverUnavailable)
        }
        let type = (first.contentType ?? "").lowercased()
        let looksLikeDD =
            type.contains("vnd.oma.dd") || String(decoding: first.body.prefix(400), as: UTF8.self).contains("<media")
        if looksLikeDD && !first.complete {
            // The interruption is meant for the package: a descriptor longer than it is fetched again, whole.
            guard let again = try? await fetcher.get(url: url, offset: 0, stopAfter: nil), again.status == 200 else {
                return .failure(.serverUnavailable)
            }
            first = again
        }
        guard looksLikeDD, let document = try? DownloadDescriptorDocument.parse(first.body, baseURL: url) else {
            // The URL is the package itself: the first GET was the download (interrupted or not); resume it.
            return await resumable(
                url: url, size: first.length, started: first, stopAt: nil, notify: nil, sha256: nil, device: device)
        }
        let (objectURI, size, notify, param) = Self.fields(of: document)
        guard let objectURI else { return .failure(.corrupted) }
        let sha = param.flatMap(Self.sha256(fromInstallParam:))
        return await resumable(
            url: objectURI, size: size, started: nil, stopAt: interruptAt, notify: notify, sha256: sha, device: device)
    }

    /// Downloads `url`, resuming with Range after each interrupted attempt, then checks the bytes against the
    /// size (and SHA-256) and posts the install-notify report when there is an address for it.
    /// - Parameters:
    ///   - size: the size from the descriptor or the server; nil when unknown.
    ///   - started: the first attempt when the caller already made it.
    ///   - stopAt: the injected interruption of the first attempt this function makes.
    private func resumable(
        url: String, size: Int64?, started: FetchResponse?, stopAt: Int?, notify: String?, sha256: String?,
        device: SimulatedDevice
    ) async -> DownloadOutcome {
        guard let fetcher else { return .failure(.serverUnavailable) }
        var bytes: [UInt8] = []
        var stop = stopAt
        var attempts = 0
        var complete = false
        if let started {
            attempts = 1
            bytes = started.body
            complete = started.complete && (size.map { Int64(bytes.count) >= $0 } ?? true)
        }
        while attempts < maxAttempts && !complete {
            attempts += 1
            do {
                let response = try await fetcher.get(url: url, offset: bytes.count, stopAfter: stop)
                stop = nil
                if bytes.isEmpty || response.status == 200 {
                    guard response.status == 200 || response.status == 206 else { return .failure(.serverUnavailable) }
                    bytes = response.status == 206 ? bytes + response.body : response.body
                } else if response.status == 206 {
                    bytes += response.body
                } else {
                    return .failure(.serverUnavailable)
                }
                complete = response.complete && (size.map { Int64(bytes.count) >= $0 } ?? true)
            } catch {
                stop = nil
            }
        }
        guard complete else {
            if let notify { _ = try? await fetcher.postInstallNotify(url: notify, body: "903 Loss of Service") }
            return .failure(.networkFailure)
        }
        if device.failures.corruptPackage { bytes = Self.corrupt(bytes) }
        var verdict: InstallNotifyStatus = .success
        if let size, Int64(bytes.count) != size { verdict = .attributeMismatch }
        if let sha256, Self.hex(SHA256.hash(data: bytes)) != sha256.lowercased() { verdict = .nonAcceptableContent }
        // With neither a size nor a hash to check against, the package's own integrity check (its CRC) finds it.
        if verdict == .success && device.failures.corruptPackage { verdict = .nonAcceptableContent }
        if let notify {
            _ = try? await fetcher.postInstallNotify(url: notify, body: verdict.reportBody)
        }
        return verdict == .success ? .success(bytes) : .failure(.corrupted)
    }

    static func fields(of document: DownloadDescriptorDocument) -> (String?, Int64?, String?, String?) {
        switch document {
        case .v1(let dd):
            return (dd.objectURI, dd.size, dd.installNotifyURI, dd.installParam)
        case .v2(let dd):
            let object = dd.products.first?.mediaObjects.first
            return (
                object?.servers.first, object?.size,
                object?.meta?.installNotifyURI ?? dd.products.first?.meta?.installNotifyURI,
                object?.meta?.installParam ?? dd.products.first?.meta?.installParam
            )
        }
    }

    static func sha256(fromInstallParam param: String) -> String? {
        for part in param.split(whereSeparator: { $0 == ";" || $0 == "&" || $0 == " " }) {
            let pair = part.split(separator: "=", maxSplits: 1)
            if pair.count == 2, pair[0].lowercased() == "sha256" { return String(pair[1]) }
        }
        return nil
    }

    static func corrupt(_ bytes: [UInt8]) -> [UInt8] {
        guard !bytes.isEmpty else { return [0] }
        var copy = bytes
        copy[copy.count / 2] ^= 0xFF
        copy.removeLast()
        return copy
    }

    static func hex(_ digest: some Sequence<UInt8>) -> String {
        digest.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    }

    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[..<slash])
    }
}
