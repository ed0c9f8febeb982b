extension FileRoleConventions {
    /// What shows a file is a list of schema upgrades applied in order at start-up, whatever its
    /// path: three or more numbered migration functions declared in its first 64 KiB
    /// (`function version_12(PDO $pdo)`, `def upgrade_3(`, `func migrate12(`). Quoted for the
    /// reason; nil when there are fewer.
    static func numberedMigrations(_ bytes: [UInt8]) -> String? {
        let head = bytes.prefix(65_536)
        var count = 0
        var first: ArraySlice<UInt8>?
        for keyword in declarationKeywords {
            var index = head.startIndex
            while index < head.endIndex, let found = firstRange(of: keyword, in: head[index...]) {
                index = found + keyword.count
                guard found == head.startIndex || !isWordByte(head[found - 1]) else { continue }
                let name = head[index...].prefix(while: isWordByte)
                guard isNumberedMigration(name) else { continue }
                count += 1
                first = first ?? name
                if count == 3, let first { return "declares numbered migrations (`\(String(decoding: first, as: UTF8.self))`, …)" }
            }
        }
        return nil
    }

    private static let declarationKeywords: [[UInt8]] = ["function ", "def ", "func "].map { Array($0.utf8) }
    private static let migrationWords: [[UInt8]] = ["version", "migrate", "migration", "upgrade"].map { Array($0.utf8) }

    /// `version_12`, `migrate12`, `upgrade_3_add_index`: a migration word, an optional `_`, digits,
    /// then the name's end or `_`.
    private static func isNumberedMigration(_ name: ArraySlice<UInt8>) -> Bool {
        guard let word = migrationWords.first(where: { name.starts(with: $0) }) else { return false }
        var rest = name.dropFirst(word.count)
        if rest.first == UInt8(ascii: "_") { rest = rest.dropFirst() }
        let digits = rest.prefix(while: isDigit)
        guard !digits.isEmpty else { return false }
        let after = rest.dropFirst(digits.count)
        return after.isEmpty || after.first == UInt8(ascii: "_")
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        isDigit(byte) || byte == UInt8(ascii: "_") || (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }
}
