/// Tells an OpenAPI or Swagger document from any other YAML or JSON file by its first bytes, so
/// the walk lists specs without parsing every `package.json` and compose file.
public enum APIDocumentSniffer {
    /// The extensions a document may have.
    public static let extensions: Set<String> = ["yaml", "yml", "json"]

    /// Whether `prefix` (a file's first bytes) declares `openapi:` or `swagger:` at the top
    /// level: a YAML key at the start of a line, or a JSON object key.
    public static func isDocument(_ prefix: ArraySlice<UInt8>) -> Bool {
        var lineStart = true
        var index = prefix.startIndex
        let isJSON = prefix.first { $0 != Byte.space && $0 != Byte.newline && $0 != Byte.tab && $0 != Byte.carriageReturn } == UInt8(ascii: "{")
        while index < prefix.endIndex {
            let byte = prefix[index]
            if isJSON, byte == UInt8(ascii: "\""), matchesKey(prefix, after: index + 1, quoted: true) { return true }
            if !isJSON, lineStart, matchesKey(prefix, after: index, quoted: false) { return true }
            lineStart = byte == Byte.newline
            index += 1
        }
        return false
    }

    /// `openapi` or `swagger` at `start`, then (a closing quote and) optional blanks and `:`.
    private static func matchesKey(_ bytes: ArraySlice<UInt8>, after start: Int, quoted: Bool) -> Bool {
        for key in ["openapi", "swagger"] {
            var index = start
            var matched = true
            for expected in key.utf8 {
                guard index < bytes.endIndex, bytes[index] == expected else {
                    matched = false
                    break
                }
                index += 1
            }
            guard matched else { continue }
            if quoted {
                guard index < bytes.endIndex, bytes[index] == UInt8(ascii: "\"") else { continue }
                index += 1
            }
            while index < bytes.endIndex, bytes[index] == Byte.space || bytes[index] == Byte.tab { index += 1 }
            if index < bytes.endIndex, bytes[index] == UInt8(ascii: ":") { return true }
        }
        return false
    }
}
