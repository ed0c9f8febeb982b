import GRDB

/// A row of `roots`: one scanned directory tree.
struct RootRecord: TableRow, Codable {
    static let databaseTableName = "roots"

    var id: Int64?
    var path: String
    var createdAt: Int64

    /// The id of the root at `path`, or nil when it was never scanned.
    static func id(of path: String, _ db: Database) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT id FROM roots WHERE path = ?", arguments: [path])
    }

    /// The id of the root at `path`, inserting the row if needed.
    static func findOrCreate(path: String, now: Int64, _ db: Database) throws -> Int64 {
        if let id = try id(of: path, db) { return id }
        var root = RootRecord(path: path, createdAt: now)
        try root.insert(db)
        return db.lastInsertedRowID
    }
}
