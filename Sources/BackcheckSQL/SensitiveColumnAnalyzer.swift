import BackcheckRules

/// Columns whose names say they hold a password, secret or token (or a card number) in a text
/// type, and whose names do not say the value is hashed or encrypted, nor the queries store it
/// through a hashing function; password columns not at all in a project whose code hashes
/// passwords (bcrypt, argon2, a framework's hasher).
struct SensitiveColumnAnalyzer: SchemaAnalyzer {
    enum Kind: Sendable {
        case secret, cardNumber
    }

    let kind: Kind

    private static let secretNames = ["password", "passwd", "pwd", "secret", "api_key", "apikey", "access_token",
                                      "refresh_token", "auth_token", "api_token", "session_token", "private_key"]
    private static let cardNames = ["card_number", "cardnumber", "credit_card", "creditcard", "cc_number", "card_no", "pan"]
    /// Words that say the stored value is not the secret itself.
    private static let safeWords = ["hash", "digest", "encrypt", "crypt", "cipher", "hmac", "salt", "bcrypt", "argon",
                                    "scrypt", "pbkdf", "fingerprint", "last4", "last_4", "last_four", "mask",
                                    "expir", "_at", "_id", "_type", "_count", "_len", "_hint", "_set", "_changed",
                                    "_required", "_reset", "policy", "brand", "kms", "vault", "ref"]
    private static let textTypes = ["char", "text", "string", "clob", "varchar", "nvarchar"]
    private static let bcryptLength = ["char(60)", "binary(60)"]

    func problems(in context: SchemaContext, rule: Rule) -> [SchemaProblem] {
        // `table.column` pairs the code stores hashes in (`password = crypt($1, gen_salt('bf'))`):
        // the name is right, and the values are not plain.
        var hashed = Set<String>()
        for query in context.queries {
            for column in query.hashedColumns {
                for table in column.table.map({ [$0] }) ?? query.tables.compactMap(\.table) {
                    hashed.insert("\(table).\(column.column)")
                }
            }
        }
        var problems: [SchemaProblem] = []
        for table in context.schema.sortedTables {
            for column in table.columns where matches(column) && !hashed.contains("\(table.name).\(column.name)")
                && !(context.hashesPasswords && Self.isPasswordName(column.name) && !Self.hasHashColumn(beside: column, in: table)) {
                problems.append(SchemaProblem(
                    location: column.location, identity: "\(table.name).\(column.name)", table: table.name,
                    columns: [column.name],
                    fix: kind == .secret
                        ? "store a bcrypt/scrypt/argon2 hash (e.g. a `\(column.name)_hash` column) or an encrypted value"
                        : "store a payment processor's token and the last four digits, never the card number"))
            }
        }
        return problems
    }

    /// A password's column, which a project that hashes passwords fills with hashes. Other
    /// secrets (API keys, tokens a server sends on) are not vouched for by a password hasher.
    private static func isPasswordName(_ name: String) -> Bool {
        ["password", "passwd", "pwd"].contains { name.contains($0) }
    }

    /// Whether the table keeps password hashes in a column of their own (`password_hash` beside
    /// `password`): then the plainly named one is not where the hasher's output goes.
    private static func hasHashColumn(beside column: ColumnDefinition, in table: Schema.Table) -> Bool {
        table.columns.contains { other in
            other.name != column.name && isPasswordName(other.name)
                && ["hash", "digest", "crypt", "cipher"].contains(where: other.name.contains)
        }
    }

    private func matches(_ column: ColumnDefinition) -> Bool {
        let name = column.name
        let names = kind == .secret ? Self.secretNames : Self.cardNames
        // Short words (`pwd`, `pan`) only as the whole name; longer ones anywhere in it.
        let named = names.contains { word in word.count <= 3 ? name == word : name.contains(word) }
        guard named, !Self.safeWords.contains(where: name.contains) else { return false }
        let type = column.type
        // Exactly the length of a bcrypt hash (`$2b$12$` and 53 characters), the usual
        // column for one: `password VARCHAR(60)`.
        if kind == .secret, Self.bcryptLength.contains(where: { type.replacingOccurrences(of: " ", with: "").hasSuffix($0) }) {
            return false
        }
        return kind == .cardNumber
            ? Self.textTypes.contains(where: type.contains) || type.hasPrefix("bigint") || type.hasPrefix("numeric") || type.hasPrefix("decimal")
            : Self.textTypes.contains(where: type.contains)
    }
}
