/// What a file's path says about its place in a migration chain. Migration tools name each step
/// by a version, in the file name (`001_init.sql`, `V2__users.sql`, `20230101_x.sql`) or in the
/// folder holding it (`0.24/01__pinned.sql`, `20230101_init/migration.sql`, `v2/up.sql`).
enum MigrationPath {
    /// Whether the file name or its folder starts with a version: an optional `v`, digits, then
    /// the end or `.`, `_`, `-` (`2fa.sql` is no version).
    static func isVersioned(_ path: String) -> Bool {
        path.split(separator: "/").suffix(2).contains(where: startsWithVersion)
    }

    /// Whether the file is a versioned step under a migrations folder (`migration/`,
    /// `migrations/`, `db/migrate/`): it runs once, when a database is upgraded.
    static func isVersionedMigration(_ path: String) -> Bool {
        isVersioned(path) && path.lowercased().split(separator: "/").dropLast().contains { $0.contains("migrat") }
    }

    private static func startsWithVersion(_ segment: Substring) -> Bool {
        var rest = segment.utf8[...]
        if rest.first == UInt8(ascii: "v") || rest.first == UInt8(ascii: "V") { rest = rest.dropFirst() }
        let digits = rest.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        guard !digits.isEmpty else { return false }
        guard let next = rest.dropFirst(digits.count).first else { return true }
        return next == UInt8(ascii: ".") || next == UInt8(ascii: "_") || next == UInt8(ascii: "-")
    }
}
