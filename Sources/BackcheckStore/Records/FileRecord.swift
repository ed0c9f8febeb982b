import BackcheckAnalysis
import BackcheckModel
import GRDB

/// A row of `files`: a file's identity on disk as last recorded.
struct FileRecord: TableRow, Codable {
    static let databaseTableName = "files"

    enum Status: String, Codable { case analyzed, skipped }

    var id: Int64?
    var rootId: Int64
    var path: String
    var language: String?
    var size: Int64
    var mtimeNs: Int64
    /// SQLite integers are signed; the inode's bits are kept as they are.
    var inode: Int64
    var contentHash: String?
    var status: Status
    var skipReason: String?
    var role: FileRole
    var recordedEpoch: Int64
    var lastScanId: Int64

    init(_ result: FileResult, rootId: Int64, scanId: Int64, epoch: Int64) {
        self.rootId = rootId
        path = result.path
        language = result.language
        size = result.size
        mtimeNs = result.mtimeNanoseconds
        inode = Int64(bitPattern: result.inode)
        contentHash = result.contentHash
        skipReason = result.skipReason
        status = skipReason == nil ? .analyzed : .skipped
        role = result.role
        recordedEpoch = epoch
        lastScanId = scanId
    }

    /// Inserts the row, or updates the existing row of the same root and path; returns its id.
    mutating func save(_ db: Database) throws -> Int64 {
        // The upsert's RETURNING clause reports the row id on update too, and sets `id`.
        try upsert(db)
        guard let id else { throw DatabaseError(message: "upsert of file \(path) returned no row id") }
        return id
    }
}
