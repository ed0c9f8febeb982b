import BackcheckModel

/// Words that begin statements and so never begin an operand (`return x` binds `x`, not `return`).
enum Keywords {
    private static let statementKeywords: Set<UInt128> = Set([
        "return", "if", "else", "elif", "elsif", "for", "foreach", "while", "do", "switch", "case", "when",
        "def", "fn", "func", "fun", "function", "class", "struct", "interface", "import", "from", "package",
        "var", "let", "const", "val", "throw", "raise", "yield", "await", "in", "of", "and", "or", "not",
        "is", "as", "typeof", "instanceof", "echo", "print", "public", "private", "protected", "static",
        "unless", "until", "then", "begin", "end", "try", "catch", "except", "finally", "with", "go", "defer",
    ].compactMap { packed(Array($0.utf8)) })

    /// Packs a word of at most 15 bytes and its length into one integer, so the hot path looks
    /// words up without allocating.
    private static func packed(_ text: some Collection<UInt8>) -> UInt128? {
        guard text.count <= 15 else { return nil }
        var value = UInt128(text.count)
        for byte in text { value = value << 8 | UInt128(byte) }
        return value
    }

    /// First letters of the keywords, so most identifiers are answered without hashing.
    private static let firstLetters: [Bool] = table(["return", "if", "else", "elif", "elsif", "for", "foreach", "while", "do", "switch",
        "case", "when", "def", "fn", "func", "fun", "function", "class", "struct", "interface", "import", "from", "package", "var", "let",
        "const", "val", "throw", "raise", "yield", "await", "in", "of", "and", "or", "not", "is", "as", "typeof", "instanceof", "echo",
        "print", "public", "private", "protected", "static", "unless", "until", "then", "begin", "end", "try", "catch", "except",
        "finally", "with", "go", "defer"].map { $0.utf8.first! })

    private static func table(_ bytes: [UInt8]) -> [Bool] {
        var table = [Bool](repeating: false, count: 256)
        for byte in bytes { table[Int(byte)] = true }
        return table
    }

    static func isStatementKeyword(_ text: some Collection<UInt8>) -> Bool {
        keyword(text) != nil
    }

    /// ``isStatementKeyword(_:)`` for `language`: Python names its variables `interface`,
    /// `package`, `end` or `val`, which other languages keep for themselves.
    static func isStatementKeyword(_ text: some Collection<UInt8>, language: Language) -> Bool {
        guard let key = keyword(text) else { return false }
        return language != .python || !pythonNames.contains(key)
    }

    /// The packed keyword `text` is, or nil.
    private static func keyword(_ text: some Collection<UInt8>) -> UInt128? {
        guard let first = text.first, first >= UInt8(ascii: "a"), first <= UInt8(ascii: "z"), text.count <= 10 else { return nil }
        guard firstLetters[Int(first)], let key = packed(text), statementKeywords.contains(key) else { return nil }
        return key
    }

    /// Words of the list above that are no keyword of Python 3.
    private static let pythonNames: Set<UInt128> = Set([
        "elsif", "foreach", "do", "switch", "fn", "func", "fun", "function", "struct", "interface", "package", "var", "let",
        "const", "val", "throw", "of", "typeof", "instanceof", "echo", "public", "private", "protected", "static", "unless",
        "until", "then", "begin", "end", "catch", "go", "defer",
    ].compactMap { packed(Array($0.utf8)) })
}
