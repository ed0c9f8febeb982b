/// Why the findings database could not be used. Every case names the database (or key file) path,
/// and ``description`` tells the user what to do about it.
public enum StoreError: Error, Sendable, Equatable {
    /// Another process held the database lock for longer than the busy timeout.
    case busy(path: String)
    /// The disk (or quota) is full (`SQLITE_FULL`).
    case diskFull(path: String)
    /// The database or its directory is not writable.
    case readOnly(path: String)
    /// The file is not an SQLite database at all.
    case notADatabase(path: String)
    /// The file is an SQLite database, but damaged.
    case corrupt(path: String)
    /// The file is another program's SQLite database (`tables`: some of its tables): backcheck
    /// writes only into its own.
    case foreignDatabase(path: String, tables: [String])
    /// The database was migrated by a newer backcheck; `unknownMigrations` are the identifiers this
    /// binary does not know.
    case newerSchema(path: String, unknownMigrations: [String])
    /// The file or its directory could not be created or opened.
    case cannotOpen(path: String, reason: String)
    /// The secret key file exists but does not hold a valid key.
    case invalidKeyFile(path: String, reason: String)
    /// A scan handle refers to a scan that is not in this database.
    case unknownScan(path: String, scanId: Int64)
    /// Any other SQLite failure, with SQLite's result code and message.
    case sqlite(path: String, code: Int32, message: String)

    /// The database or key file the error is about.
    public var path: String {
        switch self {
        case .busy(let path), .diskFull(let path), .readOnly(let path), .notADatabase(let path),
             .corrupt(let path), .foreignDatabase(let path, _), .newerSchema(let path, _), .cannotOpen(let path, _),
             .invalidKeyFile(let path, _), .unknownScan(let path, _), .sqlite(let path, _, _):
            path
        }
    }
}

extension StoreError: CustomStringConvertible {
    /// What went wrong and what the user can do, in one or two sentences.
    public var description: String {
        switch self {
        case .busy(let path):
            "database \(path) is locked by another process; retry, or stop the other backcheck process using it"
        case .diskFull(let path):
            "cannot write \(path): the disk is full or a file-size limit (ulimit -f) was reached; "
                + "free some space and run again (the database keeps what was committed before)"
        case .readOnly(let path):
            "database \(path) is read-only; fix its permissions or pass another --db"
        case .notADatabase(let path):
            "\(path) is not a backcheck database (not SQLite); move it aside or pass another --db"
        case .corrupt(let path):
            "database \(path) is corrupt; move it aside (a new one is created) or pass another --db"
        case .foreignDatabase(let path, let tables):
            "\(path) is another program's SQLite database (tables: \(tables.joined(separator: ", "))); "
                + "backcheck writes only into its own: pass another --db"
        case .newerSchema(let path, let unknown):
            "database \(path) was written by a newer backcheck (unknown migrations: "
                + unknown.joined(separator: ", ") + "); upgrade backcheck or pass another --db"
        case .cannotOpen(let path, let reason):
            "cannot open \(path): \(reason); check the directory exists and is writable, or pass another --db"
        case .invalidKeyFile(let path, let reason):
            "secret key file \(path) is invalid (\(reason)); delete it to generate a new key "
                + "(secret findings will get new fingerprints)"
        case .unknownScan(let path, let scanId):
            "scan \(scanId) is not in database \(path); was the database replaced during the scan?"
        case .sqlite(let path, let code, let message):
            "SQLite error \(code) on \(path): \(message)"
        }
    }
}
