// swift-tools-version: 6.1
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "backcheck",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "backcheck", targets: ["backcheck"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    ],
    targets: [
        .executableTarget(
            name: "backcheck",
            dependencies: [
                "BackcheckPipeline", "BackcheckReport", "BackcheckRules", "BackcheckAnalysis", "BackcheckLexer", "BackcheckSQL",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .target(name: "BackcheckLexer", swiftSettings: strict),
        .target(
            name: "BackcheckRules",
            dependencies: ["BackcheckLexer", "BackcheckRulePack", "Yams"],
            swiftSettings: strict
        ),
        .target(
            name: "BackcheckRulePack",
            swiftSettings: strict,
            plugins: ["EmbedRulePack"]
        ),
        .target(
            name: "BackcheckConfig",
            dependencies: ["BackcheckLexer", "BackcheckRulePack", "Yams"],
            swiftSettings: strict
        ),
        .target(
            name: "BackcheckAnalysis",
            dependencies: [
                "BackcheckLexer", "BackcheckRules",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "BackcheckSQL",
            dependencies: ["BackcheckLexer", "BackcheckRules", "BackcheckAnalysis"],
            swiftSettings: strict
        ),
        .target(
            name: "BackcheckStore",
            dependencies: ["BackcheckAnalysis", "BackcheckRules", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),
        .target(
            name: "BackcheckWatch",
            dependencies: ["BackcheckLexer", "BackcheckConfig"],
            swiftSettings: strict
        ),
        .target(
            name: "BackcheckReport",
            dependencies: ["BackcheckAnalysis", "BackcheckRules", "BackcheckLexer", "BackcheckStore"],
            swiftSettings: strict
        ),
        .target(
            name: "BackcheckPipeline",
            dependencies: [
                "BackcheckAnalysis", "BackcheckStore", "BackcheckWatch", "BackcheckConfig",
                "BackcheckRules", "BackcheckReport", "BackcheckSQL", "CMemory",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .target(name: "CMemory"),
        .executableTarget(name: "RulePackEmbedder", swiftSettings: strict),
        .executableTarget(
            name: "backcheck-bench",
            dependencies: ["BackcheckLexer", "BackcheckRules", "BackcheckAnalysis", "BackcheckSQL"],
            path: "Benchmarks/Bench",
            swiftSettings: strict
        ),
        .plugin(
            name: "EmbedRulePack",
            capability: .buildTool(),
            dependencies: ["RulePackEmbedder"]
        ),
        .target(
            name: "TestSupport",
            dependencies: ["BackcheckLexer", "BackcheckRules", "BackcheckAnalysis"],
            path: "Tests/TestSupport",
            swiftSettings: strict
        ),
        .testTarget(name: "LexerTests", dependencies: ["BackcheckLexer", "TestSupport"], swiftSettings: strict),
        .testTarget(
            name: "RulesTests",
            dependencies: ["BackcheckRules", "BackcheckAnalysis", "BackcheckReport", "BackcheckLexer", "BackcheckSQL", "TestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "SQLTests",
            dependencies: ["BackcheckSQL", "BackcheckRules", "BackcheckAnalysis", "BackcheckLexer", "TestSupport",
                           .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),
        .testTarget(name: "WatchTests", dependencies: ["BackcheckWatch", "TestSupport"], swiftSettings: strict),
        .testTarget(
            name: "StoreTests",
            dependencies: ["BackcheckStore", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),
        .testTarget(name: "ReportTests", dependencies: ["BackcheckReport", "BackcheckStore"], swiftSettings: strict),
        .testTarget(
            name: "PipelineTests",
            dependencies: ["backcheck", "BackcheckPipeline", "BackcheckStore", "TestSupport"],
            swiftSettings: strict
        ),
    ],
    swiftLanguageModes: [.v6]
)
