import ArgumentParser
import Contracts
import Foundation

/// `dmctl devices`: devices in dm-session (admin REST API).
struct DevicesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "devices",
        abstract: "Register, import, list, show and delete devices in dm-session.",
        subcommands: [DevicesAdd.self, DevicesImport.self, DevicesList.self, DevicesShow.self, DevicesDelete.self])
}

/// The authentication schemes a device account names.
enum AuthName: String, ExpressibleByArgument, CaseIterable {
    case basic, md5, hmac
}

/// `dmctl devices add`.
struct DevicesAdd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Create a device, or replace its account.")

    @OptionGroup var admin: AdminOptions
    @Option(help: "The device id (./DevInfo/DevId), e.g. IMEI:493005100592800.") var id: String
    @Option(help: "The phone number for SMS notifications.") var msisdn: String?
    @Option(help: "Another notification address (HTTP push URL).") var notificationAddress: String?
    @Option(help: "How the device authenticates: basic, md5 or hmac.") var clientAuth: AuthName
    @Option(help: "The device's user name.") var clientName: String
    @Option(help: "The device's secret.") var clientSecret: String
    @Option(help: "The DM account's ServerID.") var serverId: String
    @Option(help: "How dm-session authenticates to the device: basic, md5 or hmac.") var serverAuth: AuthName
    @Option(help: "dm-session's user name towards the device (default: the server id).") var serverName: String?
    @Option(help: "dm-session's secret towards the device.") var serverSecret: String
    @Option(help: "Base64 nonce for the device's first MD5/HMAC credential.") var clientNonce: String?
    @Option(help: "Base64 nonce for the server's first credential and package #0.") var serverNonce: String?

    func run() async throws {
        try await failingOnInvalidInputAsync {
            let registration = SessionDeviceRegister(
                deviceID: id, msisdn: msisdn, notificationAddress: notificationAddress, serverID: serverId,
                clientAuth: clientAuth.rawValue, clientName: clientName, clientSecret: clientSecret,
                serverAuth: serverAuth.rawValue, serverName: serverName, serverSecret: serverSecret,
                clientNonce: clientNonce, serverNonce: serverNonce)
            let data = try await AdminHTTP.call("POST", admin.baseURL, "/devices", body: try ContractsJSON.encode(registration))
            let result = try ContractsJSON.decode(SessionDeviceRegistered.self, from: data)
            try CommandIO.writeLine("\(result.created ? "created" : "updated") \(result.deviceID)")
        }
    }
}

/// `dmctl devices import FILE`.
struct DevicesImport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import devices from a CSV file (header line with the field names) or a JSON array.",
        discussion: """
            Fields: deviceID, msisdn, notificationAddress, serverID, clientAuth, clientName, clientSecret, serverAuth, \
            serverName, serverSecret, clientNonce, serverNonce. A file ending in .json (or starting with `[`) is JSON.
            """)

    @OptionGroup var admin: AdminOptions
    @Argument(help: "The CSV or JSON file, or - for standard input.") var file: String

    func run() async throws {
        try await failingOnInvalidInputAsync {
            let body = try CommandIO.readInput(file)
            let isJSON = file.lowercased().hasSuffix(".json") || body.first(where: { $0 > 0x20 }) == UInt8(ascii: "[")
            let data = try await AdminHTTP.call(
                "POST", admin.baseURL, "/devices/import", body: Data(body), contentType: isJSON ? "application/json" : "text/csv")
            struct Imported: Decodable { var imported: Int; var created: Int }
            let result = try JSONDecoder().decode(Imported.self, from: data)
            try CommandIO.writeLine("imported \(result.imported) devices (\(result.created) new)")
        }
    }
}

/// A device as the admin API lists it.
struct DeviceListing: Codable {
    var deviceID: String
    var msisdn: String?
    var serverID: String
    var clientAuth: String
    var clientName: String
    var serverAuth: String
}

/// `dmctl devices list`.
struct DevicesList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the devices.")
    @OptionGroup var admin: AdminOptions
    @Flag(help: "Print JSON.") var json = false

    func run() async throws {
        try await failingOnInvalidInputAsync {
            let data = try await AdminHTTP.call("GET", admin.baseURL, "/devices")
            if json { return try AdminHTTP.printJSON(data) }
            for device in try JSONDecoder().decode([DeviceListing].self, from: data) {
                try CommandIO.writeLine(
                    "\(device.deviceID)\t\(device.msisdn ?? "-")\t\(device.serverID)\tclient \(device.clientAuth) \(device.clientName)\tserver \(device.serverAuth)")
            }
        }
    }
}

/// `dmctl devices show ID`.
struct DevicesShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one device (JSON, no secrets).")
    @OptionGroup var admin: AdminOptions
    @Argument(help: "The device id.") var id: String

    func run() async throws {
        try await failingOnInvalidInputAsync {
            try AdminHTTP.printJSON(try await AdminHTTP.call("GET", admin.baseURL, "/devices/\(AdminHTTP.segment(id))"))
        }
    }
}

/// `dmctl devices delete ID`.
struct DevicesDelete: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete", abstract: "Delete a device with its queue, results and last-known tree.")
    @OptionGroup var admin: AdminOptions
    @Argument(help: "The device id.") var id: String

    func run() async throws {
        try await failingOnInvalidInputAsync {
            _ = try await AdminHTTP.call("DELETE", admin.baseURL, "/devices/\(AdminHTTP.segment(id))")
            try CommandIO.writeLine("deleted \(id)")
        }
    }
}
