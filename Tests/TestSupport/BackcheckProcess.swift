import Foundation

/// Runs the built `backcheck` binary, as a user would, and captures what it prints.
public struct BackcheckProcess {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// The binary built next to the test bundle.
    public static var executable: URL {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("backcheck")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        for configuration in ["debug", "release"] {
            let candidate = TestSupport.packageRoot.appendingPathComponent(".build/\(configuration)/backcheck")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return beside
    }

    /// The user `unprivileged` runs run as when the tests run as root (CI does): nobody.
    public static let unprivilegedUser: (uid: UInt32, gid: UInt32) = (65534, 65534)

    /// A copy of ``executable`` that ``unprivilegedUser`` can run: the build directory may sit
    /// under a home directory only root may enter.
    private static func unprivilegedExecutable() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("backcheck-unprivileged")
        let copy = directory.appendingPathComponent("backcheck")
        let built = try FileManager.default.attributesOfItem(atPath: executable.path)[.modificationDate] as? Date
        let copied = (try? FileManager.default.attributesOfItem(atPath: copy.path))?[.modificationDate] as? Date
        // One copy, replaced when the binary was rebuilt since.
        if copied == nil || built.map({ $0 > copied! }) == true {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o755])
            let staging = directory.appendingPathComponent("backcheck.\(UUID().uuidString)")
            try FileManager.default.copyItem(at: executable, to: staging)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: staging.path)
            // A rename, so a concurrent test never runs a half-copied binary.
            guard rename(staging.path, copy.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
        }
        return copy
    }

    /// Runs `backcheck arguments...` in `directory` with `environment` added to a clean one;
    /// with `fileSizeLimit`, under `ulimit -f` of that many 1 KiB blocks (a disk that is full);
    /// `unprivileged`, as ``unprivilegedUser`` when the tests run as root (through `setpriv`), so
    /// that permissions apply to it.
    public static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
                           fileSizeLimit: Int? = nil, unprivileged: Bool = false) throws -> Result {
        let process = Process()
        if unprivileged, geteuid() == 0 {
            let (uid, gid) = unprivilegedUser
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=\(uid)", "--regid=\(gid)", "--clear-groups", "--", try unprivilegedExecutable().path] + arguments
        } else if let fileSizeLimit {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "ulimit -f \(fileSizeLimit) && exec \"$0\" \"$@\"", executable.path] + arguments
        } else {
            process.executableURL = executable
            process.arguments = arguments
        }
        if let directory { process.currentDirectoryURL = directory }
        var env = ["PATH": "/usr/bin:/bin", "HOME": FileManager.default.temporaryDirectory.path, "NO_COLOR": "1"]
        env.merge(environment) { $1 }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes before waiting, so a large report cannot block the child.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }
}
