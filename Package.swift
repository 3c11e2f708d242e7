// swift-tools-version:6.1
// The OMA DM 1.2 server stack: services under Services/, shared libraries under Shared/ (see DESIGN.md).
import PackageDescription

/// Settings every Swift target of the stack shares: Swift 6 mode with the upcoming features that keep
/// module boundaries honest.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "oma-dm-stack",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "dmctl", targets: ["dmctl"]),
        .library(name: "Contracts", targets: ["Contracts"]),
        .executable(name: "dm-bus", targets: ["dm-bus"]),
        .executable(name: "dm-session", targets: ["dm-session"]),
        .executable(name: "dm-devsim", targets: ["dm-devsim"]),
        .library(name: "DeviceSimulator", targets: ["DeviceSimulator"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // Service kit: HTTP, SQLite, metrics, lifecycle, configuration, logging.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-configuration", from: "1.4.0", traits: [.defaults, "YAML"]),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.5.1"),
        // dm-devsim: HTTP client, SMPP server (NIO), latency histograms, YAML profiles.
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // System libraries, found through pkg-config.
        .systemLibrary(
            name: "CZeroMQ", path: "Shared/CZeroMQ", pkgConfig: "libzmq",
            providers: [.apt(["libzmq3-dev"])]),
        .systemLibrary(
            name: "CLibXML2", path: "Shared/CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]),

        // Pure protocol code: bytes and values in, bytes and values out.
        .target(
            name: "XMLStream", dependencies: ["CLibXML2"], path: "Shared/XMLStream",
            swiftSettings: swiftSettings),
        .target(
            name: "SyncML",
            dependencies: ["XMLStream", .product(name: "Crypto", package: "swift-crypto")],
            path: "Shared/SyncML", swiftSettings: swiftSettings),
        .target(name: "DMTree", path: "Shared/DMTree", swiftSettings: swiftSettings),
        .target(
            name: "Notification",
            dependencies: ["SyncML", "XMLStream"],
            path: "Shared/Notification", swiftSettings: swiftSettings),
        .target(
            name: "Download", dependencies: ["XMLStream"], path: "Shared/Download",
            swiftSettings: swiftSettings),
        .target(name: "Contracts", path: "Shared/Contracts", swiftSettings: swiftSettings),

        // Reliable messaging on the bus: event outbox and replay, command outbox and inbox (SQLite).
        .target(
            name: "Messaging", dependencies: ["Bus", "Contracts", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Shared/Messaging", swiftSettings: swiftSettings),

        // I/O: the ZeroMQ bus (the only importer of CZeroMQ).
        .target(name: "Bus", dependencies: ["CZeroMQ"], path: "Shared/Bus", swiftSettings: swiftSettings),

        // I/O: what every long-running service is built on.
        .target(
            name: "ServiceKit",
            dependencies: [
                "Bus", "Messaging", "Contracts",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "SystemPackage", package: "swift-system"),
            ],
            path: "Shared/ServiceKit", swiftSettings: swiftSettings),

        // Executables.
        .executableTarget(
            name: "dm-bus", dependencies: ["Bus", "ServiceKit"], path: "Services/dm-bus", swiftSettings: swiftSettings),
        .executableTarget(
            name: "dmctl",
            dependencies: [
                "SyncML", "DMTree", "Notification", "Download", "Contracts", "Bus", "Messaging",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Services/dmctl", swiftSettings: swiftSettings),

        // dm-session: the DM session server (library, so tests and dm-devsim can run it in process) and its
        // executable.
        .target(
            name: "DMSessionServer",
            dependencies: [
                "SyncML", "DMTree", "Notification", "Contracts", "Messaging", "Bus", "ServiceKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Services/dm-session/Server", swiftSettings: swiftSettings),
        .executableTarget(
            name: "dm-session",
            dependencies: [
                "DMSessionServer", "ServiceKit",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Configuration", package: "swift-configuration"),
            ],
            path: "Services/dm-session/Main", swiftSettings: swiftSettings),
        // dm-devsim: simulated OMA DM 1.2 devices. The library holds the pure device engine and client session
        // (Engine/, Tree/, Session/), the enabler and notification logic, and the I/O edges (IO/).
        .target(
            name: "DeviceSimulator",
            dependencies: [
                "SyncML", "DMTree", "Notification", "Download",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Services/dm-devsim/Simulator", swiftSettings: swiftSettings),
        .executableTarget(
            name: "dm-devsim",
            dependencies: [
                "DeviceSimulator", "SyncML",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Services/dm-devsim/Main", swiftSettings: swiftSettings),

        // Tests.
        .executableTarget(
            name: "bus-test-peer",
            dependencies: ["Bus", "Messaging", "Contracts", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Tests/BusTestPeer", swiftSettings: swiftSettings),
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "bus-test-peer", "dm-bus", "dm-session", "dm-devsim", "dmctl", "DeviceSimulator", "Notification",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Tests/EndToEndTests", swiftSettings: swiftSettings),
        .testTarget(
            name: "XMLStreamTests", dependencies: ["XMLStream"], path: "Tests/XMLStreamTests",
            swiftSettings: swiftSettings),
        .testTarget(
            name: "SyncMLTests", dependencies: ["SyncML"], path: "Tests/SyncMLTests",
            resources: [.copy("Fixtures")], swiftSettings: swiftSettings),
        .testTarget(
            name: "DMTreeTests", dependencies: ["DMTree"], path: "Tests/DMTreeTests",
            swiftSettings: swiftSettings),
        .testTarget(
            name: "NotificationTests", dependencies: ["Notification"], path: "Tests/NotificationTests",
            swiftSettings: swiftSettings),
        .testTarget(
            name: "DownloadTests", dependencies: ["Download", "XMLStream"], path: "Tests/DownloadTests",
            swiftSettings: swiftSettings),
        .testTarget(
            name: "MessagingTests", dependencies: ["Messaging", "Contracts", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Tests/MessagingTests", swiftSettings: swiftSettings),
        .testTarget(
            name: "ContractsTests", dependencies: ["Contracts"], path: "Tests/ContractsTests",
            exclude: ["validate_samples.py"], swiftSettings: swiftSettings),
        .testTarget(
            name: "BusTests", dependencies: ["Bus"], path: "Tests/BusTests", swiftSettings: swiftSettings),
        .testTarget(
            name: "ServiceKitTests",
            dependencies: [
                "ServiceKit", "Bus", "Messaging", "Contracts",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "ServiceLifecycleTestKit", package: "swift-service-lifecycle"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
            ],
            path: "Tests/ServiceKitTests", swiftSettings: swiftSettings),
        .testTarget(
            name: "DMSessionTests",
            dependencies: [
                "DMSessionServer", "SyncML", "Contracts", "Messaging", "ServiceKit", "Notification", "Bus",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/DMSessionTests", swiftSettings: swiftSettings),
        .testTarget(
            name: "DmctlTests",
            dependencies: [
                "dmctl", "Contracts", "Bus", "DMSessionServer", "ServiceKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/DmctlTests",
            swiftSettings: swiftSettings),
        .testTarget(
            name: "DevSimTests",
            dependencies: [
                "DeviceSimulator", "SyncML", "DMTree", "Notification", "Download",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/DevSimTests", swiftSettings: swiftSettings),
    ],
    swiftLanguageModes: [.v6]
)

// Micro benchmarks (package-benchmark) build only on request, so that `swift build` and CI stay lean:
//   DM_BENCHMARKS=1 swift package --disable-sandbox benchmark
if Context.environment["DM_BENCHMARKS"] != nil {
    package.dependencies.append(
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]))
    package.targets.append(
        .executableTarget(
            name: "CodecBenchmarks",
            dependencies: ["SyncML", "CLibXML2", "Contracts", .product(name: "Benchmark", package: "benchmark")],
            path: "Benchmarks/CodecBenchmarks",
            swiftSettings: swiftSettings,
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]))
}
