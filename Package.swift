// swift-tools-version: 6.1
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

// The modules are the pipeline's stages; dependencies point one way, from the command line down
// to the model (docs/DESIGN.md §3 draws the graph).
let package = Package(
    name: "backcheck",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "backcheck", targets: ["backcheck"]),
        // For Fuzz/ (scripts/fuzz.sh): its targets link the stages they fuzz.
        .library(name: "BackcheckLexer", targets: ["BackcheckLexer", "BackcheckModel"]),
        .library(name: "BackcheckAnalysis", targets: ["BackcheckAnalysis", "BackcheckRules", "BackcheckModel"]),
        .library(name: "BackcheckSQL", targets: ["BackcheckSQL", "BackcheckRules", "BackcheckModel"]),
        .library(name: "BackcheckConfig", targets: ["BackcheckConfig"]),
        .library(name: "BackcheckAPI", targets: ["BackcheckAPI", "BackcheckRules", "BackcheckLexer", "BackcheckModel"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    ],
    targets: [
        .executableTarget(
            name: "backcheck",
            dependencies: [
                "BackcheckAudit", "BackcheckDaemon", "BackcheckQuery", "BackcheckReport", "BackcheckScan",
                "BackcheckRules", "BackcheckConfig", "BackcheckLexer", "BackcheckStore", "BackcheckModel",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),

        // The vocabulary every stage shares: severities, checklist items, languages, findings.
        .target(name: "BackcheckModel", swiftSettings: strict),
        // Bytes to tokens.
        .target(name: "BackcheckLexer", dependencies: ["BackcheckModel"], swiftSettings: strict),
        // Patterns compiled and matched over tokens; taint; the statement model.
        .target(name: "BackcheckEngine", dependencies: ["BackcheckLexer", "BackcheckModel"], swiftSettings: strict),
        // YAML files read alike: one error at a file's line, typed node access, text to nodes.
        .target(name: "BackcheckYAML", dependencies: ["BackcheckModel", "Yams"], swiftSettings: strict),
        // Rules as declared in YAML, loaded and compiled; the embedded pack.
        .target(
            name: "BackcheckRules",
            dependencies: ["BackcheckEngine", "BackcheckLexer", "BackcheckModel", "BackcheckRulePack", "BackcheckYAML", "Yams"],
            swiftSettings: strict
        ),
        .target(name: "BackcheckRulePack", swiftSettings: strict, plugins: ["EmbedRulePack"]),
        // One file's findings: matches become findings, suppressions, fingerprints, masking.
        .target(
            name: "BackcheckAnalysis",
            dependencies: [
                "BackcheckRules", "BackcheckEngine", "BackcheckLexer", "BackcheckModel",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        // SQL facts from .sql files and code strings; the schema and its analyzers.
        .target(
            name: "BackcheckSQL",
            dependencies: ["BackcheckAnalysis", "BackcheckRules", "BackcheckLexer", "BackcheckModel"],
            swiftSettings: strict
        ),
        // Routes in code, OpenAPI documents and tests: facts per file and the api-docs and
        // testing analyzers over them.
        .target(
            name: "BackcheckAPI",
            dependencies: ["BackcheckAnalysis", "BackcheckRules", "BackcheckLexer", "BackcheckModel", "BackcheckYAML", "Yams"],
            swiftSettings: strict
        ),
        // `.backcheck.yml` and the embedded defaults.
        .target(
            name: "BackcheckConfig",
            dependencies: ["BackcheckModel", "BackcheckRulePack", "BackcheckYAML", "Yams"],
            swiftSettings: strict
        ),
        // The repository walk and gitignore semantics.
        .target(name: "BackcheckWalk", dependencies: ["BackcheckModel"], swiftSettings: strict),
        // SQLite: files, findings and their lifecycle, scans, facts.
        .target(
            name: "BackcheckStore",
            dependencies: ["BackcheckAnalysis", "BackcheckModel", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),
        // Output formats over view models.
        .target(name: "BackcheckReport", dependencies: ["BackcheckRules", "BackcheckModel"], swiftSettings: strict),
        // What every scan of a root does, audit or daemon: rules, reading a file, the schema step.
        .target(
            name: "BackcheckScan",
            dependencies: [
                "BackcheckAPI",
                "BackcheckAnalysis", "BackcheckSQL", "BackcheckConfig", "BackcheckRules", "BackcheckRulePack",
                "BackcheckStore", "BackcheckWalk", "BackcheckModel",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        // `backcheck audit`.
        .target(
            name: "BackcheckAudit",
            dependencies: [
                "BackcheckAPI",
                "BackcheckScan", "BackcheckStore", "BackcheckWalk", "BackcheckReport", "BackcheckConfig",
                "BackcheckRules", "BackcheckAnalysis", "BackcheckModel",
            ],
            swiftSettings: strict
        ),
        // `backcheck watch`: watchers, the settle loop, the service protocol.
        .target(
            name: "BackcheckDaemon",
            dependencies: [
                "BackcheckAPI",
                "BackcheckScan", "BackcheckStore", "BackcheckWalk", "BackcheckAnalysis", "BackcheckSQL",
                "BackcheckConfig", "BackcheckModel", "CMemory",
            ],
            swiftSettings: strict
        ),
        // `backcheck findings`, `show`, `stats`: reading the store.
        .target(
            name: "BackcheckQuery",
            dependencies: [
                "BackcheckStore", "BackcheckReport", "BackcheckRules", "BackcheckConfig", "BackcheckAnalysis",
                "BackcheckLexer", "BackcheckModel",
            ],
            swiftSettings: strict
        ),
        .target(name: "CMemory"),

        .executableTarget(name: "RulePackEmbedder", swiftSettings: strict),
        .plugin(name: "EmbedRulePack", capability: .buildTool(), dependencies: ["RulePackEmbedder"]),
        .executableTarget(
            name: "backcheck-bench",
            dependencies: ["BackcheckLexer", "BackcheckRules", "BackcheckAnalysis", "BackcheckSQL", "BackcheckModel"],
            path: "Benchmarks/Bench",
            swiftSettings: strict
        ),

        .target(
            name: "TestSupport",
            dependencies: ["BackcheckLexer", "BackcheckRules", "BackcheckAnalysis", "BackcheckModel"],
            path: "Tests/TestSupport",
            swiftSettings: strict
        ),
        .testTarget(name: "ModelTests", dependencies: ["BackcheckModel"], swiftSettings: strict),
        .testTarget(name: "YAMLTests", dependencies: ["BackcheckYAML", "Yams"], swiftSettings: strict),
        .testTarget(name: "LexerTests", dependencies: ["BackcheckLexer", "BackcheckModel", "TestSupport"], swiftSettings: strict),
        .testTarget(
            name: "EngineTests",
            dependencies: ["BackcheckEngine", "BackcheckRules", "BackcheckAnalysis", "BackcheckLexer", "BackcheckModel", "TestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "RulesTests",
            dependencies: ["BackcheckRules", "BackcheckEngine", "BackcheckAnalysis", "BackcheckReport", "BackcheckScan", "BackcheckWalk",
                           "BackcheckLexer", "BackcheckModel", "TestSupport"],
            swiftSettings: strict
        ),
        .testTarget(name: "AnalysisTests", dependencies: ["BackcheckAnalysis", "BackcheckRules", "BackcheckModel", "TestSupport"], swiftSettings: strict),
        .testTarget(
            name: "SQLTests",
            dependencies: ["BackcheckSQL", "BackcheckRules", "BackcheckAnalysis", "BackcheckLexer", "BackcheckModel", "TestSupport",
                           .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "APITests",
            dependencies: ["BackcheckAPI", "BackcheckRules", "BackcheckAnalysis", "BackcheckLexer", "BackcheckModel", "TestSupport"],
            swiftSettings: strict
        ),
        .testTarget(name: "WalkTests", dependencies: ["BackcheckWalk", "BackcheckModel", "TestSupport"], swiftSettings: strict),
        .testTarget(
            name: "StoreTests",
            dependencies: ["BackcheckStore", "BackcheckAnalysis", "BackcheckModel", "TestSupport",
                           .product(name: "GRDB", package: "GRDB.swift"),
                           .product(name: "GRDBSQLite", package: "GRDB.swift")],
            swiftSettings: strict
        ),
        .testTarget(name: "ReportTests", dependencies: ["BackcheckReport", "BackcheckModel"], swiftSettings: strict),
        .testTarget(name: "DaemonTests", dependencies: ["BackcheckDaemon", "TestSupport"], swiftSettings: strict),
        .testTarget(
            name: "CommandTests",
            dependencies: ["backcheck", "BackcheckStore", "BackcheckModel", "TestSupport"],
            exclude: ["Fixtures"],
            swiftSettings: strict
        ),
    ],
    swiftLanguageModes: [.v6]
)
