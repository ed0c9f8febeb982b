import GRDB

/// A row of one of the store's tables: Codable with the Swift properties named as the columns in
/// camel case (`root_id` is `rootId`), and an integer primary key `id` that SQLite assigns.
protocol TableRow: Codable, FetchableRecord, MutablePersistableRecord {
    var id: Int64? { get set }
}

extension TableRow {
    static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { .convertFromSnakeCase }
    static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy { .convertToSnakeCase }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
