import BackcheckModel
import BackcheckRules

/// A secondary index whose keys are a prefix of (or equal to) another index of the same table,
/// with the same predicate and method: every write maintains it, no read needs it. Unique
/// indexes are left alone (they enforce something); of two identical ones the later is reported.
struct DuplicateIndexAnalyzer: SchemaAnalyzer {
    func problems(in context: SchemaContext, rule: Rule) -> [SchemaProblem] {
        var problems: [SchemaProblem] = []
        for table in context.schema.sortedTables {
            guard let lookup = context.lookups[table.name] else { continue }
            for (position, index) in table.indexes.enumerated() where index.constraint == nil && !index.isUnique {
                guard let first = index.keys.first else { continue }
                // Only an index with the same first key can make this one redundant.
                let candidates = lookup.indexPositions(leadingWith: first).prefix(Self.candidateLimit)
                WorkMeter.tick(candidates.count)
                guard let other = candidates.first(where: { otherPosition in
                    let other = table.indexes[otherPosition]
                    return otherPosition != position && makesRedundant(other, index)
                        && (other.keys.count > index.keys.count || other.isUnique || other.constraint != nil || otherPosition < position)
                }).map({ table.indexes[$0] }) else { continue }
                let columns = index.keys.map(\.description)
                let name = index.name ?? "(unnamed)"
                problems.append(SchemaProblem(
                    location: index.location, identity: "\(table.name):\(name)(\(columns.joined(separator: ",")))",
                    table: table.name, columns: columns,
                    fix: "DROP INDEX \(name);",
                    detail: " \(describe(other)) (\(other.keys.map(\.description).joined(separator: ", "))) already leads with them"))
            }
        }
        return problems
    }

    /// How many indexes with the same first key an index is compared with: real tables have a
    /// handful, and a hostile schema with thousands must not cost their square.
    static let candidateLimit = 64

    /// How the message names the index that makes another redundant: its name, else what it is.
    private func describe(_ index: IndexDefinition) -> String {
        if let name = index.name { return "`\(name)`" }
        switch index.constraint {
        case .primaryKey: return "the primary key"
        case .unique: return "the UNIQUE constraint"
        case nil: return index.isUnique ? "an unnamed unique index" : "an unnamed index"
        }
    }

    /// Whether `other` serves every look-up `index` serves.
    private func makesRedundant(_ other: IndexDefinition, _ index: IndexDefinition) -> Bool {
        other.keys.count >= index.keys.count && Array(other.keys.prefix(index.keys.count)) == index.keys
            && other.predicate == index.predicate && (other.method ?? "btree") == (index.method ?? "btree")
    }
}

extension IndexKey: CustomStringConvertible {
    public var description: String {
        switch self {
        case .column(let name): name
        case .expression(let text): text
        }
    }
}
