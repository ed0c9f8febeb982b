import Foundation
import Testing

/// Running the real engines' command-line tools from tests.
enum Executables {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The path of `name` on PATH or under /usr/lib/postgresql/*/bin, or nil.
    static func find(_ name: String) -> String? {
        var directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        if let versions = try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql") {
            directories += versions.sorted().reversed().map { "/usr/lib/postgresql/\($0)/bin" }
        }
        return directories.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// A required tool is missing: a failure in CI (`CI=true`), a silent skip elsewhere.
    static func missing(_ what: String) {
        if ProcessInfo.processInfo.environment["CI"] == "true" {
            Issue.record("\(what) is required in CI but missing; .ci/run installs it")
        }
    }

    /// Runs `path` with `arguments` (and `input` on stdin); its stdout, or a failure with stderr.
    @discardableResult
    static func run(_ path: String, _ arguments: [String], input: String? = nil) throws -> String {
        let scratch = try TemporaryDirectory()
        let errorURL = scratch.url.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: errorURL.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: errorURL)
        if let input {
            let inputURL = scratch.url.appendingPathComponent("stdin")
            try Data(input.utf8).write(to: inputURL)
            process.standardInput = try FileHandle(forReadingFrom: inputURL)
        }
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let errors = (try? String(contentsOf: errorURL, encoding: .utf8)) ?? ""
            throw Failure(description: "\(path) \(arguments.joined(separator: " ")) exited \(process.terminationStatus): \(errors)")
        }
        return String(decoding: data, as: UTF8.self)
    }
}

/// A temporary directory removed when the value is released.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("backcheck-sql-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}
