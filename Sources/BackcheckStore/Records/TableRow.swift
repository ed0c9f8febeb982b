import GRDB

/// A row of one of the store's tables, with an integer primary key `id` that SQLite assigns.
protocol TableRow: FetchableRecord, MutablePersistableRecord {
    var id: Int64? { get set }
}

extension TableRow {
    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A row read and written through Codable, its Swift properties named as the columns in camel
/// case (`root_id` is `rootId`).
extension TableRow where Self: Codable {
    static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { .convertFromSnakeCase }
    static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy { .convertToSnakeCase }
}
