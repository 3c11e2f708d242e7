import Configuration
import Foundation
import Logging
import ServiceKit
import Testing

@Suite("Configuration")
struct ConfigurationTests {
    @Test("Defaults in code apply when neither the environment nor a file sets a key")
    func defaults() throws {
        let reader = ServiceConfigReader.make(service: "fumo", environment: [:])
        let settings = try ServiceConfiguration(service: "fumo", reader: reader)
        #expect(settings.instanceID == "fumo")
        #expect(settings.dataDirectory == ".data/fumo")
        #expect(settings.databasePath == ".data/fumo/fumo.sqlite")
        #expect(settings.admin == AdminServerConfiguration(host: "127.0.0.1", port: 9083))
        #expect(settings.log == LogConfiguration(level: .info, format: .logfmt))
        #expect(settings.shutdownTimeout == .seconds(30))
        #expect(settings.bus.publishEndpoint == "tcp://127.0.0.1:5550")
        #expect(settings.bus.subscribeEndpoint == "tcp://127.0.0.1:5551")
        #expect(settings.bus.commandEndpoint == "tcp://127.0.0.1:5563")
        #expect(settings.bus.curve == nil)
        #expect(
            settings.bus.commandEndpoints == [
                "session": "tcp://127.0.0.1:5560", "notify": "tcp://127.0.0.1:5561",
                "download": "tcp://127.0.0.1:5562", "fumo": "tcp://127.0.0.1:5563",
                "scomo": "tcp://127.0.0.1:5564", "lawmo": "tcp://127.0.0.1:5565",
                "diagmon": "tcp://127.0.0.1:5566", "scheduler": "tcp://127.0.0.1:5567",
            ])
    }

    @Test("Admin ports follow DESIGN.md per service; services without commands have no ROUTER")
    func perServiceDefaults() throws {
        let expected = [
            "session": 9080, "notify": 9081, "download": 9082, "fumo": 9083, "scomo": 9084, "lawmo": 9085,
            "diagmon": 9086, "scheduler": 8090, "devsim": 9089,
        ]
        for (service, port) in expected {
            let settings = try ServiceConfiguration(
                service: service, reader: ServiceConfigReader.make(service: service, environment: [:]))
            #expect(settings.admin.port == port, "\(service)")
        }
        let bus = try ServiceConfiguration(
            service: "bus", reader: ServiceConfigReader.make(service: "bus", environment: [:]))
        #expect(bus.bus.commandEndpoint == nil)
    }

    @Test("The environment overrides the file, the file overrides the default")
    func precedence() throws {
        let file = InMemoryProvider(values: [
            "admin.port": 19083, "log.level": "debug", "instance-id": "from-file",
        ])
        let environment = ["DM_FUMO_ADMIN_PORT": "29083", "DM_FUMO_INSTANCE_ID": "from-env"]
        let reader = ServiceConfigReader.make(service: "fumo", environment: environment, file: file)
        let settings = try ServiceConfiguration(service: "fumo", reader: reader)
        #expect(settings.admin.port == 29083)
        #expect(settings.instanceID == "from-env")
        #expect(settings.log.level == .debug)
        #expect(settings.log.format == .logfmt)
        #expect(settings.admin.host == "127.0.0.1")
    }

    @Test("A service's own keys follow the same precedence (DM_SESSION_HTTP_PORT is http.port)")
    func serviceOwnKeys() throws {
        let file = InMemoryProvider(values: ["http.port": 18080, "http.path": "/manage"])
        let withEnvironment = ServiceConfigReader.make(
            service: "session", environment: ["DM_SESSION_HTTP_PORT": "28080"], file: file)
        let http = withEnvironment.scoped(to: "http")
        #expect(try http.validatedInt(forKey: "port", default: 8080) == 28080)
        #expect(http.string(forKey: "path", default: "/dm") == "/manage")
        #expect(http.string(forKey: "realm", default: "dm") == "dm")

        let fileOnly = ServiceConfigReader.make(service: "session", environment: [:], file: file)
        #expect(try fileOnly.validatedInt(forKey: "http.port", default: 8080) == 18080)
    }

    @Test("Another service's variables and unprefixed variables are ignored")
    func otherServicesIgnored() throws {
        let environment = [
            "DM_SESSION_ADMIN_PORT": "1", "ADMIN_PORT": "2", "DM_FUMOX_ADMIN_PORT": "3", "dm_fumo_admin_port": "4",
        ]
        let settings = try ServiceConfiguration(
            service: "fumo", reader: ServiceConfigReader.make(service: "fumo", environment: environment))
        #expect(settings.admin.port == 9083)
    }

    @Test("A YAML file named by --config is read, and the environment still wins")
    func yamlFileFromArgument() async throws {
        let directory = TemporaryDirectory()
        defer { directory.cleanUp() }
        try FileManager.default.createDirectory(atPath: directory.path, withIntermediateDirectories: true)
        let path = directory.path + "/fumo.yaml"
        let yaml = """
            instance-id: fumo-eu-1
            data-directory: /var/lib/dm/fumo
            admin:
              host: 0.0.0.0
              port: 19083
            log:
              level: warning
              format: json
            shutdown:
              timeout: 2.5
            bus:
              xsub: tcp://10.0.0.1:5550
              commands:
                session: tcp://10.0.0.2:5560
              router: tcp://0.0.0.0:5563
            """
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)

        let reader = try await ServiceConfigReader.load(
            service: "fumo", arguments: ["dm-fumo", "--config", path], environment: ["DM_FUMO_LOG_LEVEL": "error"])
        let settings = try ServiceConfiguration(service: "fumo", reader: reader)
        #expect(settings.instanceID == "fumo-eu-1")
        #expect(settings.dataDirectory == "/var/lib/dm/fumo")
        #expect(settings.admin == AdminServerConfiguration(host: "0.0.0.0", port: 19083))
        #expect(settings.log == LogConfiguration(level: .error, format: .json))
        #expect(settings.shutdownTimeout == .milliseconds(2500))
        #expect(settings.bus.publishEndpoint == "tcp://10.0.0.1:5550")
        #expect(settings.bus.subscribeEndpoint == "tcp://127.0.0.1:5551")
        #expect(settings.bus.commandEndpoint(of: "session") == "tcp://10.0.0.2:5560")
        #expect(settings.bus.commandEndpoint(of: "notify") == "tcp://127.0.0.1:5561")
        #expect(settings.bus.commandEndpoint == "tcp://0.0.0.0:5563")
    }

    @Test("The file may be named by DM_<SERVICE>_CONFIG; --config takes precedence")
    func configurationFileLocation() throws {
        let environment = ["DM_FUMO_CONFIG": "/etc/dm/fumo.yaml"]
        #expect(
            try ServiceConfigReader.configurationFilePath(
                service: "fumo", arguments: ["dm-fumo"], environment: environment) == "/etc/dm/fumo.yaml")
        #expect(
            try ServiceConfigReader.configurationFilePath(
                service: "fumo", arguments: ["dm-fumo", "--config=/tmp/a.yaml"], environment: environment)
                == "/tmp/a.yaml")
        #expect(
            try ServiceConfigReader.configurationFilePath(
                service: "fumo", arguments: ["dm-fumo", "--config", "/tmp/b.yaml"], environment: environment)
                == "/tmp/b.yaml")
        #expect(
            try ServiceConfigReader.configurationFilePath(service: "fumo", arguments: ["dm-fumo"], environment: [:])
                == nil)
        let error = #expect(throws: ServiceKitError.self) {
            try ServiceConfigReader.configurationFilePath(
                service: "fumo", arguments: ["dm-fumo", "--config"], environment: [:])
        }
        #expect(error?.code == .configurationFile)
    }

    @Test("A named file that does not exist stops the start")
    func missingFile() async throws {
        let error = await #expect(throws: ServiceKitError.self) {
            try await ServiceConfigReader.load(
                service: "fumo", arguments: ["dm-fumo"],
                environment: ["DM_FUMO_CONFIG": "/nonexistent/servicekit/fumo.yaml"])
        }
        #expect(error?.code == .configurationFile)
        #expect(error?.description.contains("/nonexistent/servicekit/fumo.yaml") == true)
    }

    @Test(
        "Malformed values are rejected with the full key instead of falling back to the default",
        arguments: [
            ("DM_FUMO_ADMIN_PORT", "90B3", "admin.port"),
            ("DM_FUMO_ADMIN_PORT", "70000", "admin.port"),
            ("DM_FUMO_LOG_LEVEL", "verbose", "log.level"),
            ("DM_FUMO_LOG_FORMAT", "xml", "log.format"),
            ("DM_FUMO_SHUTDOWN_TIMEOUT", "soon", "shutdown.timeout"),
            ("DM_FUMO_BUS_XPUB", "127.0.0.1:5551", "bus.xpub"),
            ("DM_FUMO_BUS_COMMANDS_SESSION", "session:5560", "bus.commands.session"),
            ("DM_FUMO_INSTANCE_ID", "", "instance-id"),
        ])
    func malformedValues(variable: String, value: String, key: String) throws {
        let reader = ServiceConfigReader.make(service: "fumo", environment: [variable: value])
        let error = #expect(throws: ServiceKitError.self) {
            try ServiceConfiguration(service: "fumo", reader: reader)
        }
        #expect(error?.code == .invalidConfiguration)
        #expect(error?.key == key)
    }

    @Test("A malformed value in the file is rejected too")
    func malformedFileValue() throws {
        let reader = ServiceConfigReader.make(
            service: "fumo", environment: [:], file: InMemoryProvider(values: ["admin.port": "ninety"]))
        let error = #expect(throws: ServiceKitError.self) {
            try ServiceConfiguration(service: "fumo", reader: reader)
        }
        #expect(error?.key == "admin.port")
    }

    @Test("Service names must be usable in variable and file names")
    func serviceNames() {
        #expect(ServiceConfiguration.isValidServiceName("session"))
        #expect(ServiceConfiguration.isValidServiceName("devsim2"))
        #expect(!ServiceConfiguration.isValidServiceName("dm-session"))
        #expect(!ServiceConfiguration.isValidServiceName("Session"))
        #expect(!ServiceConfiguration.isValidServiceName(""))
        #expect(!ServiceConfiguration.isValidServiceName("2fa"))
        #expect(throws: ServiceKitError.self) {
            try ServiceConfiguration(
                service: "dm-fumo", reader: ServiceConfigReader.make(service: "x", environment: [:]))
        }
    }
}

@Suite("Curve configuration")
struct CurveConfigurationTests {
    static let publicKey = "rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7"
    static let secretKey = "JTKVSB%%)wK0E.X)V>+}o?pNmC{O&4W4b!Ni{Lh6"
    static let busKey = "Yne@$w-vo<fVvi]a<NY6T1ed:M$fCG*[IaLV{hID"
    static let clientKey = "D:)Q[IlAW!ahhC2ac:9*A}h:p?([4%wOTJ%JR%cs"

    @Test("Curve is off unless a key pair is configured")
    func off() throws {
        let reader = ServiceConfigReader.make(service: "fumo", environment: [:])
        #expect(try BusConfiguration(reader: reader.scoped(to: "bus"), service: "fumo").curve == nil)
    }

    @Test("Keys are read from the environment, and the secret key stays out of descriptions")
    func keys() throws {
        let environment = [
            "DM_FUMO_BUS_CURVE_PUBLIC_KEY": Self.publicKey,
            "DM_FUMO_BUS_CURVE_SECRET_KEY": Self.secretKey,
            "DM_FUMO_BUS_CURVE_SERVER_KEYS_BUS": Self.busKey,
            "DM_FUMO_BUS_CURVE_AUTHORIZED_KEYS": "\(Self.clientKey),\(Self.busKey)",
        ]
        let settings = try ServiceConfiguration(
            service: "fumo", reader: ServiceConfigReader.make(service: "fumo", environment: environment))
        let curve = try #require(settings.bus.curve)
        #expect(curve.publicKey == Self.publicKey)
        #expect(curve.secretKey == Self.secretKey)
        #expect(curve.serverKeys == ["bus": Self.busKey])
        #expect(curve.authorizedClientKeys == [Self.clientKey, Self.busKey])
        #expect(!curve.description.contains(Self.secretKey))
        #expect(!String(describing: settings).contains(Self.secretKey))
    }

    @Test("Half a key pair, or a key that is not Z85, is rejected without echoing the secret")
    func rejected() throws {
        let halfPair = ServiceConfigReader.make(
            service: "fumo", environment: ["DM_FUMO_BUS_CURVE_SECRET_KEY": Self.secretKey])
        let missing = #expect(throws: ServiceKitError.self) {
            try ServiceConfiguration(service: "fumo", reader: halfPair)
        }
        #expect(missing?.key == "bus.curve.public-key")

        let badSecret = "short-secret"
        let malformed = ServiceConfigReader.make(
            service: "fumo",
            environment: ["DM_FUMO_BUS_CURVE_PUBLIC_KEY": Self.publicKey, "DM_FUMO_BUS_CURVE_SECRET_KEY": badSecret])
        let invalid = #expect(throws: ServiceKitError.self) {
            try ServiceConfiguration(service: "fumo", reader: malformed)
        }
        #expect(invalid?.key == "bus.curve.secret-key")
        #expect(invalid?.description.contains(badSecret) == false)
    }
}
