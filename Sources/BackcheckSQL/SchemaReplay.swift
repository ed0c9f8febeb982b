/// The order one scope's files are applied in to build its schema (docs/DESIGN.md §6): paths in
/// natural order (``NaturalPathOrder``), so versions replay as the migration tool runs them, and
/// full-schema snapshots last.
///
/// A snapshot (`LATEST.sql`, `schema.sql`, `structure.sql`) is the other route to the schema a
/// migration chain builds, kept for fresh installs: a file that is not a versioned step
/// (``MigrationPath/isVersioned(_:)``) and creates at least half of the tables the versioned
/// steps end with. Applied last, its definitions are the current ones, so a problem both routes
/// define is reported once, in the snapshot, and an index both define is one index. A schema
/// file the chain only adds to (the chain creates none of its tables) is no snapshot and keeps
/// its place.
enum SchemaReplay {
    /// `facts` of one scope in the order their changes apply.
    static func ordered(_ facts: [SQLFileFacts]) -> [SQLFileFacts] {
        let sorted = facts.sorted { NaturalPathOrder.precedes($0.path, $1.path) }
        let snapshots = snapshotPaths(sorted)
        guard !snapshots.isEmpty else { return sorted }
        return sorted.filter { !snapshots.contains($0.path) } + sorted.filter { snapshots.contains($0.path) }
    }

    /// The paths of the snapshots among `sorted`.
    static func snapshotPaths(_ sorted: [SQLFileFacts]) -> Set<String> {
        let chain = sorted.filter { MigrationPath.isVersioned($0.path) }
        guard !chain.isEmpty, chain.count < sorted.count else { return [] }
        let chainTables = Set(Schema(changes: chain.flatMap(\.changes), dialect: .unknown).tables.keys)
        guard !chainTables.isEmpty else { return [] }
        return Set(sorted.filter { file in
            !MigrationPath.isVersioned(file.path)
                && 2 * createdTables(file).intersection(chainTables).count >= chainTables.count
        }.map(\.path))
    }

    private static func createdTables(_ file: SQLFileFacts) -> Set<String> {
        Set(file.changes.compactMap { change in
            if case .createTable(let definition, _) = change { definition.name } else { nil }
        })
    }
}
