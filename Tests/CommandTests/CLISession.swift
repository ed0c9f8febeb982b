import Foundation
import TestSupport

/// A temporary directory with a copy of Examples/shop-backend and a database beside it, and the
/// real binary run against them.
struct CLISession {
    let work: URL
    let root: URL
    let db: String

    init(_ name: String) throws {
        work = try TestSupport.temporaryDirectory(name)
        root = work.appendingPathComponent("shop-backend")
        db = work.appendingPathComponent("state/backcheck.sqlite").path
        try TestSupport.copySampleBackend(to: root)
    }

    /// `backcheck <arguments> --db <db>`, run inside the sample's copy.
    @discardableResult
    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> BackcheckProcess.Result {
        try BackcheckProcess.run(arguments + ["--db", db], in: root, environment: environment)
    }

    /// `backcheck audit <root> --fail-on none <extra>`.
    @discardableResult
    func audit(_ extra: [String] = []) throws -> BackcheckProcess.Result {
        try run(["audit", root.path, "--fail-on", "none"] + extra)
    }

    /// Rewrites a file of the sample.
    func edit(_ path: String, _ change: (String) -> String) throws {
        let url = root.appendingPathComponent(path)
        try change(try String(contentsOf: url, encoding: .utf8)).write(to: url, atomically: true, encoding: .utf8)
    }

    /// Decodes JSON printed by the binary.
    func json(_ result: BackcheckProcess.Result) throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] else {
            throw CocoaError(.coderReadCorrupt)
        }
        return object
    }

    func remove() {
        try? FileManager.default.removeItem(at: work)
    }
}

/// The live Stripe key, GitHub token and session secret planted in the sample: never printed.
let plantedSecrets = ["sk_live_4eC39HqLyjWDarjtT1zdp7dc", "ghp_R8sT2uV4wX6yZ8aB0cD2eF4gH6iJ8kL0mN2p", "f3Kq9ZrT1vWx8LmN2pQs7YbC"]
