import Foundation
import Testing
import TestSupport

/// The unit files under systemd/, checked by the real `systemd-analyze verify` (docs/DESIGN.md §11).
@Suite struct SystemdUnitTests {
    static let units = ["backcheck.service", "backcheck-audit.service", "backcheck-audit.timer"]

    /// A scratch HOME (with `~/.local/bin/backcheck` when `withBinary`) and runtime directory,
    /// so the user manager behind `verify` resolves `%h` there instead of the tester's home.
    struct Sandbox {
        let home: URL

        init(withBinary: Bool) throws {
            home = try TestSupport.temporaryDirectory("backcheck-systemd")
            let bin = home.appendingPathComponent(".local/bin")
            try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: home.appendingPathComponent("run"), withIntermediateDirectories: true)
            try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: home.appendingPathComponent("run").path)
            if withBinary {
                let binary = bin.appendingPathComponent("backcheck")
                try Data("#!/bin/sh\n".utf8).write(to: binary)
                try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: binary.path)
            }
        }

        /// Runs `systemd-analyze --user verify` on `files`; its exit status and combined output.
        func verify(_ files: [String]) throws -> (status: Int32, output: String) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: SystemdUnitTests.analyze!)
            process.arguments = ["--user", "verify"] + files
            process.environment = ["PATH": "/usr/bin:/bin", "HOME": home.path, "XDG_RUNTIME_DIR": home.appendingPathComponent("run").path]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = output
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: data, as: UTF8.self))
        }

        func remove() { try? FileManager.default.removeItem(at: home) }
    }

    static let analyze: String? = ["/usr/bin/systemd-analyze", "/bin/systemd-analyze"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    static func unitPath(_ name: String) -> String {
        TestSupport.packageRoot.appendingPathComponent("systemd/\(name)").path
    }

    /// A missing tool fails in CI (`.ci/run` installs it) and skips elsewhere.
    static func toolAvailable() -> Bool {
        if analyze != nil { return true }
        if ProcessInfo.processInfo.environment["CI"] == "true" {
            Issue.record("systemd-analyze is required in CI but missing; .ci/run installs systemd")
        }
        return false
    }

    @Test func unitsPassVerify() throws {
        guard Self.toolAvailable() else { return }
        let sandbox = try Sandbox(withBinary: true)
        defer { sandbox.remove() }
        let result = try sandbox.verify(Self.units.map(Self.unitPath))
        #expect(result.status == 0, "systemd-analyze verify: \(result.output)")
        #expect(result.output.isEmpty, "verify warned: \(result.output)")
    }

    /// Proves verify really inspects the units: without the ExecStart binary it fails.
    @Test func verifyRejectsMissingBinary() throws {
        guard Self.toolAvailable() else { return }
        let sandbox = try Sandbox(withBinary: false)
        defer { sandbox.remove() }
        let result = try sandbox.verify([Self.unitPath("backcheck.service")])
        #expect(result.status != 0)
        #expect(result.output.contains("backcheck"))
    }

    @Test func daemonUnitIsANotifyServiceWithHardening() throws {
        let text = try String(contentsOfFile: Self.unitPath("backcheck.service"), encoding: .utf8)
        let settings = Set(text.split(separator: "\n").map { String($0) }.filter { !$0.hasPrefix("#") })
        for required in [
            "Type=notify", "Restart=on-failure", "StateDirectory=backcheck", "PrivateUsers=yes", "ProtectSystem=strict",
            "ProtectHome=read-only", "PrivateTmp=yes", "NoNewPrivileges=yes", "RestrictAddressFamilies=AF_UNIX",
            "IOSchedulingClass=idle",
        ] {
            #expect(settings.contains(required), "backcheck.service lacks \(required)")
        }
        #expect(settings.contains { $0.hasPrefix("WatchdogSec=") })
        #expect(settings.contains { $0.hasPrefix("MemoryMax=") })
        #expect(settings.contains { $0.hasPrefix("MemoryHigh=") })
        #expect(settings.contains { $0.hasPrefix("ExecStart=%h/.local/bin/backcheck watch") })
    }

    @Test func timerRunsNightlyAndCatchesUp() throws {
        let text = try String(contentsOfFile: Self.unitPath("backcheck-audit.timer"), encoding: .utf8)
        #expect(text.contains("\nPersistent=true\n"))
        #expect(text.contains("\nRandomizedDelaySec="))
        #expect(text.contains("\nOnCalendar=*-*-* 03:00:00\n"))
    }
}
