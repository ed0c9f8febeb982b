import Foundation

extension TestSupport {
    /// The rows of `sql` on the SQLite file at `path` (columns joined by `|`, rows by newlines),
    /// read through Python's sqlite3 module: an observer that is not the code under test.
    public static func sqlite(_ path: String, _ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", """
            import sqlite3, sys
            c = sqlite3.connect(sys.argv[1])
            rows = c.execute(sys.argv[2]).fetchall()
            c.commit()
            print("\\n".join("|".join(str(v) for v in r) for r in rows))
            """, path, sql]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
