/// A migration's rollback describes the schema before it, not after: goose (`-- +goose Down`),
/// sql-migrate (`-- +migrate Down`) and dbmate (`-- migrate:down`) keep it in the same file below a
/// marker, golang-migrate (`*.down.sql`) and Flyway undo migrations (`U<version>__*.sql`) in a file
/// of its own. Read as schema, a rollback's `CREATE INDEX` re-creates what the next migration
/// dropped, and its old table without a key looks current.
enum RollbackSections {
    /// Whether the file at `path` holds only a rollback.
    static func isRollbackFile(_ path: String) -> Bool {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        if name.lowercased().hasSuffix(".down.sql") { return true }
        // Flyway: `U` + version digits (dots and underscores between them) + `__`.
        guard name.first == "U", let separator = name.range(of: "__") else { return false }
        let version = name.dropFirst().prefix(upTo: separator.lowerBound)
        return !version.isEmpty && version.first!.isNumber && version.allSatisfy { $0.isNumber || $0 == "." || $0 == "_" }
    }

    /// `bytes` with every rollback section blanked (each byte a space, newlines kept, so lines do
    /// not move), or nil when there is none. A section runs from its down marker to the next up
    /// marker or the end of the file.
    static func blanked(_ bytes: [UInt8]) -> [UInt8]? {
        guard ByteSearch.containsCaseInsensitive(bytes, "down") else { return nil }
        var result: [UInt8]?
        var lineStart = 0
        var inRollback = false
        while lineStart < bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: newline) ?? bytes.count
            switch marker(bytes[lineStart..<lineEnd]) {
            case .down?: inRollback = true
            case .up?: inRollback = false
            case nil: break
            }
            if inRollback {
                if result == nil { result = bytes }
                for index in lineStart..<lineEnd { result?[index] = space }
            }
            lineStart = lineEnd + 1
        }
        return result
    }

    private enum Marker { case up, down }

    /// The marker a line is, if any: `--` then, case and spacing aside, `+goose up|down`,
    /// `+migrate up|down` or `migrate:up|down`.
    private static func marker(_ line: ArraySlice<UInt8>) -> Marker? {
        var text = line.drop { $0 == space || $0 == tab }
        guard text.starts(with: dashes) else { return nil }
        text = text.dropFirst(2).drop { $0 == space || $0 == tab }
        let words = String(decoding: text, as: UTF8.self).lowercased()
            .split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == ":" })
        guard words.count >= 2, ["+goose", "+migrate", "migrate"].contains(words[0]) else { return nil }
        switch words[1] {
        case "up": return .up
        case "down": return .down
        default: return nil
        }
    }

    private static let newline = UInt8(ascii: "\n")
    private static let space = UInt8(ascii: " ")
    private static let tab = UInt8(ascii: "\t")
    private static let dashes = Array("--".utf8)
}
