import ArgumentParser
import BackcheckReport
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import BackcheckQuery

/// Where output goes and how it looks: colour only on a terminal without `NO_COLOR`.
enum Terminal {
    static var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// The style for standard output.
    static var style: TextStyle {
        TextStyle(enabled: TextStyle.shouldColor(isTerminal: isatty(STDOUT_FILENO) == 1, environment: environment))
    }

    /// Whether standard error is a terminal (the audit's progress line).
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Writes `text` to `path`, or to standard output when nil; exit 3 when the file cannot be written.
    static func emit(_ text: String, to path: String?) throws {
        guard let path else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            printError("backcheck: cannot write \(path): \(error.localizedDescription); check the directory exists and is writable")
            throw ExitCode(3)
        }
    }

    /// Prints a query error and exits 2 for a usage problem, 3 otherwise.
    static func fail(_ error: QueryError) -> ExitCode {
        printError("backcheck: \(error)")
        return ExitCode(error.isUsageError ? 2 : 3)
    }
}
