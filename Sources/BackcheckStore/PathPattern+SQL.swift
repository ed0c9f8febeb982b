import BackcheckModel
import GRDB

extension PathPattern {
    /// The SQL function that tests this pattern on a `path` column: `backcheck_path_selects(path)`,
    /// added to the connection for one query.
    var sqlFunction: DatabaseFunction {
        DatabaseFunction("backcheck_path_selects", argumentCount: 1, pure: true) { values in
            String.fromDatabaseValue(values[0]).map(selects(file:)) ?? false
        }
    }

    /// A SQLite `GLOB` that every path this pattern selects also matches: an anchored
    /// pattern's literal start, so that the path index narrows the rows before the exact test
    /// runs on them; `*` (every row) for a pattern that matches a name at any depth.
    var globPrefix: String {
        guard !matchesBasename else { return "*" }
        let anchored = source.hasPrefix("/") ? source.dropFirst() : source[...]
        return String(anchored.prefix { !"*?[\\".contains($0) }) + "*"
    }
}
