// swift-tools-version: 6.1
import PackageDescription

// libFuzzer targets, built by scripts/fuzz.sh. A separate package: the script instruments every
// module with AddressSanitizer and coverage, and only these targets link libFuzzer's driver
// (linked into the rule pack's build tool too, it would take over that tool's `main`).
func fuzzTarget(_ name: String, _ products: [String]) -> Target {
    .executableTarget(
        name: name,
        dependencies: ["FuzzDriver"] + products.map { .product(name: $0, package: "backcheck") },
        // The entry point is libFuzzer's driver (see each target's `<name>_main`).
        swiftSettings: [.unsafeFlags(["-parse-as-library"])],
        linkerSettings: [.unsafeFlags(["-sanitize=fuzzer,address"])]
    )
}

let package = Package(
    name: "backcheck-fuzz",
    dependencies: [.package(name: "backcheck", path: "..")],
    targets: [
        .target(name: "FuzzDriver"),
        fuzzTarget("FuzzLexer", ["BackcheckLexer"]),
        fuzzTarget("FuzzMatcher", ["BackcheckAnalysis"]),
        fuzzTarget("FuzzSQL", ["BackcheckSQL"]),
        fuzzTarget("FuzzRuleLoader", ["BackcheckAnalysis"]),
        fuzzTarget("FuzzConfig", ["BackcheckConfig"]),
        fuzzTarget("FuzzAPI", ["BackcheckAPI"]),
    ]
)
