// swift-tools-version: 6.2
import PackageDescription

/// Warnings are errors in every Parley target: the house rule is "no warnings".
let strictSettings: [SwiftSetting] = [
    .treatAllWarnings(as: .error),
]

let package = Package(
    name: "Parley",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "SIPCore", targets: ["SIPCore"]),
        .library(name: "MediaMixer", targets: ["MediaMixer"]),
        .library(name: "ConferenceModel", targets: ["ConferenceModel"]),
        .library(name: "VoiceBridge", targets: ["VoiceBridge"]),
        .library(name: "IMCCommands", targets: ["IMCCommands"]),
        .library(name: "ControlAPI", targets: ["ControlAPI"]),
        .executable(name: "parley-bridge", targets: ["ParleyBridge"]),
        .executable(name: "parley-imc", targets: ["ParleyIMC"]),
        .executable(name: "sip-echo-server", targets: ["SIPEchoServer"]),
        .executable(name: "embedded-bridge", targets: ["EmbeddedBridge"]),
        .executable(name: "parley-bench", targets: ["ParleyBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/ordo-one/malloc-interposer.git", from: "1.6.1"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-configuration.git", from: "1.4.0", traits: [.defaults, "YAML"]),
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // C libraries from Debian, one system-library target each.
        .systemLibrary(name: "COSIP2", pkgConfig: "libosip2", providers: [.apt(["libosip2-dev"])]),
        .systemLibrary(name: "CORTP", pkgConfig: "ortp", providers: [.apt(["libortp-dev"])]),
        .systemLibrary(name: "COpus", pkgConfig: "opus", providers: [.apt(["libopus-dev"])]),
        .systemLibrary(name: "CSpeexDSP", pkgConfig: "speexdsp", providers: [.apt(["libspeexdsp-dev"])]),
        .systemLibrary(name: "CSpanDSP", pkgConfig: "spandsp", providers: [.apt(["libspandsp-dev"])]),
        .systemLibrary(name: "CSndFile", pkgConfig: "sndfile", providers: [.apt(["libsndfile1-dev"])]),

        // Libraries.
        .target(
            name: "SIPCore",
            dependencies: [
                "COSIP2",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "MediaMixer",
            dependencies: ["CORTP", "COpus", "CSpeexDSP", "CSpanDSP", "CSndFile"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "ConferenceModel",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // The voice bridge's calls: ConferenceModel's call machine driven by SIPCore's sessions
        // and MediaMixer's engine. A target of its own so that ConferenceModel (and parley-imc)
        // link neither the SIP nor the media stack's C libraries.
        .target(
            name: "VoiceBridge",
            dependencies: [
                "ConferenceModel",
                "SIPCore",
                "MediaMixer",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        .target(name: "IMCCommands", dependencies: ["ConferenceModel", "SIPCore"], swiftSettings: strictSettings),
        .target(
            name: "ControlAPI",
            dependencies: [
                "ConferenceModel",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),

        // Test helpers.
        .target(name: "SIPTesting", swiftSettings: strictSettings),
        .target(name: "MediaTesting", dependencies: ["MediaMixer", "SIPTesting"], swiftSettings: strictSettings),

        // Executables.
        .executableTarget(
            name: "SIPEchoServer",
            dependencies: [
                "SIPCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Examples/SIPEchoServer",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "EmbeddedBridge",
            dependencies: [
                "ConferenceModel",
                "SIPCore",
                "VoiceBridge",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Examples/EmbeddedBridge",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "ParleyBridge",
            dependencies: [
                "SIPCore",
                "ConferenceModel",
                "VoiceBridge",
                "ControlAPI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "ParleyIMC",
            dependencies: [
                "SIPCore",
                "ConferenceModel",
                "IMCCommands",
                "ControlAPI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "SystemPackage", package: "swift-system"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "ParleyBench",
            dependencies: [
                "SIPCore",
                "MediaMixer",
                "MediaTesting",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "MallocInterposerSwift", package: "malloc-interposer"),
            ],
            swiftSettings: strictSettings
        ),

        // Tests.
        .testTarget(
            name: "SIPCoreTests",
            dependencies: [
                "SIPCore",
                "SIPTesting",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "MediaMixerTests", dependencies: ["MediaMixer", "MediaTesting", "SIPTesting"], swiftSettings: strictSettings),
        .testTarget(
            name: "ConferenceModelTests",
            dependencies: ["ConferenceModel", "SIPTesting", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "IMCCommandsTests", dependencies: ["IMCCommands", "ConferenceModel", "SIPCore", "SIPTesting"], swiftSettings: strictSettings),
        .testTarget(
            name: "VoiceBridgeTests",
            dependencies: [
                "VoiceBridge", "SIPCore", "MediaMixer", "ConferenceModel", "MediaTesting", "SIPTesting",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ControlAPITests",
            dependencies: [
                "ControlAPI",
                "ConferenceModel",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "BlackBoxTests",
            dependencies: [
                "SIPCore",
                "SIPTesting",
                "MediaMixer",
                "MediaTesting",
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            // SIPp scenario files, read from the source tree by path; not resources of the bundle.
            exclude: ["Scenarios"],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
