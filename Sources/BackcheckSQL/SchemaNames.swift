/// How names are normalised so that DDL and queries written differently meet.
enum SchemaNames {
    /// Schemas a bare name resolves to by default.
    static let defaultSchemas: Set<String> = ["public", "main", "dbo"]

    /// `table`, or `schema.table` when the schema is not a default one (`public.users` and
    /// `users` are the same table; `audit.users` is another).
    static func tableKey(_ parts: [String]) -> String {
        let tail = parts.suffix(2)
        if tail.count == 2, let schema = tail.first, !defaultSchemas.contains(schema) {
            return tail.joined(separator: ".")
        }
        return tail.last ?? ""
    }
}
