#if canImport(Glibc)
import Glibc
#endif
import GRDB

/// The per-user findings database (docs/DESIGN.md §7): one WAL database that several processes share
/// (the daemon writing, audits writing, query commands reading). Every write is one short
/// `BEGIN IMMEDIATE` transaction, and every connection waits up to ``busyTimeout`` for a lock
/// instead of failing at once.
public final class FindingStore: Sendable {
    /// How long a connection waits for another process's lock before giving up with
    /// ``StoreError/busy(path:)``.
    public static let busyTimeout: Double = 5

    /// Where the database and its key file live.
    public let location: DatabaseLocation
    let pool: DatabasePool

    /// The database path, for messages.
    var path: String { location.path }

    /// Opens (creating if needed) the database at `location`: creates its directory (0700) and file
    /// (0600), turns on WAL, `synchronous=NORMAL`, foreign keys and the busy timeout, and applies
    /// the migrations this binary knows. Throws ``StoreError/newerSchema(path:unknownMigrations:)``
    /// for a database migrated by a newer backcheck, and ``StoreError/notADatabase(path:)`` for a
    /// file that is not SQLite.
    public init(location: DatabaseLocation) throws(StoreError) {
        self.location = location
        try location.createDirectory()
        try Self.refuseForeignDatabase(at: location.path)
        try PrivateFiles.createFile(location.path)
        pool = try mappingErrors(path: location.path) {
            try DatabasePool(path: location.path, configuration: Self.configuration)
        }
        try migrate()
    }

    /// Opens the database at `path`; see ``init(location:)``.
    public convenience init(path: String) throws(StoreError) {
        try self.init(location: DatabaseLocation(path: path))
    }

    private static var configuration: Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(busyTimeout)
        configuration.prepareDatabase { db in
            // GRDB sets this on the pool's writer when it enables WAL; say it for every connection.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        return configuration
    }

    /// Refuses an SQLite file with tables but none of backcheck's migrations: someone else's
    /// database, which opening the pool would already change (it turns on WAL). Read-only, so
    /// the check itself changes nothing.
    private static func refuseForeignDatabase(at path: String) throws(StoreError) {
        var status = stat()
        guard stat(path, &status) == 0, status.st_size > 0 else { return }
        var configuration = Configuration()
        configuration.readonly = true
        // Waiting like every other connection: a daemon's checkpoint must not read as a lock.
        configuration.busyMode = .timeout(busyTimeout)
        let tables = try mappingErrors(path: path) {
            try DatabaseQueue(path: path, configuration: configuration).read { db in
                try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            }
        }
        guard !tables.isEmpty, !tables.contains("grdb_migrations") else { return }
        throw .foreignDatabase(path: path, tables: Array(tables.prefix(5)))
    }

    private func migrate() throws(StoreError) {
        let migrator = Migrations.migrator
        let unknown = try mappingErrors(path: path) {
            try pool.read { db in try migrator.appliedIdentifiers(db).subtracting(migrator.migrations) }
        }
        guard unknown.isEmpty else {
            throw .newerSchema(path: path, unknownMigrations: unknown.sorted())
        }
        try mappingErrors(path: path) {
            // Two processes opening a fresh database at once both try to apply the migrations;
            // the loser's statements fail while the winner's transactions commit one by one, so
            // the loser tries again (each attempt skips what is applied) until all are there.
            var attempts = 0
            while true {
                do {
                    try migrator.migrate(pool)
                    return
                } catch {
                    if try pool.read({ try migrator.hasCompletedMigrations($0) }) { return }
                    attempts += 1
                    if attempts >= 50 { throw error }
                    usleep(20_000)
                }
            }
        }
    }

    /// Moves the write-ahead log into the database file and truncates the log, so the `-wal`
    /// file does not grow without bound; each audit ends with it.
    public func checkpoint() throws(StoreError) {
        try mappingErrors(path: path) {
            try pool.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            }
        }
    }

    /// The 32-byte per-user key for HMACs of secret values, from `backcheck.key` beside the
    /// database; created (0600, random bytes) on first use. Callers keep it for the run.
    public func secretKey() throws(StoreError) -> [UInt8] {
        try SecretKeyFile(path: location.keyPath).load()
    }

    /// Runs `body` in one `BEGIN IMMEDIATE` transaction: taking the write lock up front means a
    /// concurrent writer in another process makes this wait (busy timeout), never fail halfway
    /// through a read-then-write.
    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        try mappingErrors(path: path) {
            try pool.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                guard let result else { throw DatabaseError(message: "transaction returned nothing") }
                return result
            }
        }
    }

    /// Runs `body` on a reader connection (a consistent snapshot, never blocked by writers).
    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        try mappingErrors(path: path) { try pool.read(body) }
    }
}
