import GRDB

extension StoreError {
    /// Maps any error thrown while using the database at `path` to the case a user can act on.
    static func wrapping(_ error: any Error, path: String) -> StoreError {
        if let error = error as? StoreError { return error }
        guard let error = error as? DatabaseError else {
            return .sqlite(path: path, code: -1, message: String(describing: error))
        }
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .busy(path: path)
        case .SQLITE_FULL: return .diskFull(path: path)
        // A write the OS refused (ENOSPC, or EFBIG past `ulimit -f`) surfaces as an I/O error.
        case .SQLITE_IOERR where Self.writeFailures.contains(error.extendedResultCode):
            return .diskFull(path: path)
        case .SQLITE_READONLY: return .readOnly(path: path)
        case .SQLITE_NOTADB: return .notADatabase(path: path)
        case .SQLITE_CORRUPT: return .corrupt(path: path)
        case .SQLITE_CANTOPEN, .SQLITE_PERM:
            return .cannotOpen(path: path, reason: error.message ?? "SQLite could not open the file")
        default:
            return .sqlite(path: path, code: error.resultCode.rawValue, message: error.message ?? "\(error)")
        }
    }

    private static let writeFailures: [ResultCode] = [
        .SQLITE_IOERR_WRITE, .SQLITE_IOERR_FSYNC, .SQLITE_IOERR_TRUNCATE, .SQLITE_IOERR_SHMSIZE, .SQLITE_IOERR_SHMMAP,
        .SQLITE_IOERR_DIR_FSYNC,
    ]
}

/// Runs `body` and turns whatever it throws into a ``StoreError`` about `path`.
func mappingErrors<T>(path: String, _ body: () throws -> T) throws(StoreError) -> T {
    do {
        return try body()
    } catch {
        throw StoreError.wrapping(error, path: path)
    }
}
