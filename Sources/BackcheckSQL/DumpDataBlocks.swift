/// Data in dumps is not schema and can derail a lexer: pg_dump's `COPY t (…) FROM stdin;` is
/// followed by raw lines up to `\.` (an apostrophe there would open a string that swallows the
/// rest of the dump), and mysqldump's one-line ``INSERT INTO `t` VALUES …;`` use backslash
/// escapes (`'it\'s'`) that standard SQL strings do not have. Both are blanked before lexing:
/// every data byte becomes a space, newlines stay, so lines do not move.
enum DumpDataBlocks {
    /// `bytes` with every COPY data block blanked, or nil when there is none.
    static func blanked(_ bytes: [UInt8]) -> [UInt8]? {
        var result: [UInt8]?
        var lineStart = 0
        var inData = false
        while lineStart < bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: newline) ?? bytes.count
            var line = bytes[lineStart..<lineEnd]
            if line.last == carriageReturn { line = line.dropLast() }
            if inData {
                if result == nil { result = bytes }
                for index in lineStart..<lineEnd where bytes[index] != newline { result?[index] = space }
                if line.elementsEqual(terminator) { inData = false }
            } else if startsCopyFromStdin(line) {
                inData = true
            } else if line.starts(with: mysqlInsert) {
                if result == nil { result = bytes }
                for index in lineStart..<lineEnd { result?[index] = space }
            }
            lineStart = lineEnd + 1
        }
        return result
    }

    private static let newline = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let space = UInt8(ascii: " ")
    private static let terminator = Array("\\.".utf8)
    private static let mysqlInsert = Array("INSERT INTO `".utf8)

    /// `COPY … FROM stdin;` on one line, as pg_dump writes it.
    private static func startsCopyFromStdin(_ line: ArraySlice<UInt8>) -> Bool {
        guard line.count > 16, line.prefix(5).map({ $0 | 0x20 }).elementsEqual("copy ".utf8) else { return false }
        var trimmed = line
        while let last = trimmed.last, last == space || last == UInt8(ascii: "\t") { trimmed = trimmed.dropLast() }
        return trimmed.suffix(11).map { $0 | 0x20 }.elementsEqual("from stdin;".utf8)
    }
}
