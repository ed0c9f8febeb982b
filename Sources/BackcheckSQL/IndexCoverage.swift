import Foundation
import BackcheckModel

/// The coverage test of docs/DESIGN.md §6: an index covers columns c1…cn when its first n keys
/// are exactly those columns (in any order), all plain columns, with no partial predicate other
/// than `ci IS NOT NULL`, and a btree (the default) method.
enum IndexCoverage {
    static func covers(_ index: IndexDefinition, _ columns: [String]) -> Bool {
        guard index.keys.count >= columns.count else { return false }
        let leading = index.keys.prefix(columns.count).compactMap(\.column)
        guard leading.count == columns.count, Set(leading) == Set(columns) else { return false }
        if let method = index.method, method != "btree" { return false }
        guard let predicate = index.predicate else { return true }
        return isNotNullPredicate(predicate, columns: Set(columns))
    }

    /// Whether some index of `table` covers `columns`: only an index leading with one of them can.
    static func isCovered(_ columns: [String], in table: Schema.Table, lookup: TableLookup) -> Bool {
        Set(columns).contains { column in
            let candidates = lookup.indexPositions(leadingWith: .column(column))
            WorkMeter.tick(1 + candidates.count)
            return candidates.contains { covers(table.indexes[$0], columns) }
        }
    }

    /// `c IS NOT NULL [AND d IS NOT NULL …]` over the given columns (parentheses and quotes ignored).
    static func isNotNullPredicate(_ predicate: String, columns: Set<String>) -> Bool {
        let cleaned = predicate.lowercased().filter { !"()\"`".contains($0) }
        let words = cleaned.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).map(String.init)
        var index = 0
        while true {
            guard words.count - index >= 4, columns.contains(words[index]), words[index + 1] == "is",
                  words[index + 2] == "not", words[index + 3] == "null" else { return false }
            index += 4
            if index == words.count { return true }
            guard words[index] == "and" else { return false }
            index += 1
        }
    }

    /// `CREATE INDEX [CONCURRENTLY] t_a_b_idx ON t (a, b);` for the dialect.
    static func suggestion(table: String, columns: [String], dialect: SQLDialect) -> String {
        let name = ([table.replacingOccurrences(of: ".", with: "_")] + columns + ["idx"]).joined(separator: "_")
        let concurrently = dialect == .postgresql ? "CONCURRENTLY " : ""
        return "CREATE INDEX \(concurrently)\(name) ON \(table) (\(columns.joined(separator: ", ")));"
    }
}
