// swift-tools-version: 6.1
import PackageDescription

// libFuzzer targets, built by scripts/fuzz.sh with `-sanitize=fuzzer,address`. A separate package,
// since those flags apply to every target of a build, the rule pack's embedding tool included.
let package = Package(
    name: "backcheck-fuzz",
    dependencies: [.package(name: "backcheck", path: "..")],
    targets: [
        // `-parse-as-library`: the entry point is libFuzzer's driver (see each target's `_main`).
        .executableTarget(name: "FuzzLexer", dependencies: [.product(name: "BackcheckLexer", package: "backcheck")],
                          swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
    ]
)
