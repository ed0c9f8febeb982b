import BackcheckLexer
import BackcheckModel

/// The suppression markers of one file, for the findings project analyzers (schema, api-docs,
/// testing) place in it: they read facts, not the file's tokens, so the markers are read from
/// the file on its own. A source file's comments come from its lexer; an OpenAPI document's
/// from its YAML `#` comments (JSON has none).
public struct FileSuppressions: Sendable {
    private let index: SuppressionIndex

    /// The markers of `bytes`, a file of `language` (a ``Language`` raw value; anything else is
    /// read as YAML).
    public init(bytes: [UInt8], language: String?) {
        if let language = language.flatMap(Language.init(rawValue:)) {
            index = SuppressionIndex(file: LexedFile(bytes: bytes, language: language))
        } else {
            index = SuppressionIndex(comments: Self.yamlComments(bytes))
        }
    }

    /// The file's own `backcheck:ignore` markers, each rule id with the marker's line.
    public var ownMarkers: [(line: Int, ruleId: String)] { index.ownMarkers }

    /// Whether `bytes` may hold a marker at all (most files hold none and need no reading).
    public static func mayHoldMarkers(_ bytes: [UInt8]) -> Bool {
        FileAnalyzer.hasSuppressionMarkers(bytes) || ["nosemgrep", "nosec", "NOSONAR", "gitleaks:allow"].contains {
            FileAnalyzer.contains(bytes, $0)
        }
    }

    /// The marker suppressing `ruleId` for a finding on `line`: on that line or the one above,
    /// or for the whole file.
    public func suppression(ruleId: String, line: Int) -> Suppression? {
        index.suppression(ruleId: ruleId, lines: line...line)
    }

    /// YAML comments: from a `#` that starts a line or follows a blank, outside quotes, to the
    /// line's end.
    static func yamlComments(_ bytes: [UInt8]) -> [(text: String, line: Int)] {
        var comments: [(text: String, line: Int)] = []
        var line = 1
        var quote: UInt8?
        var previous: UInt8 = UInt8(ascii: "\n")
        var commentStart: Int?
        for (offset, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "\n") {
                if let start = commentStart { comments.append((String(decoding: bytes[start..<offset], as: UTF8.self), line)) }
                commentStart = nil
                quote = nil
                line += 1
            } else if commentStart == nil {
                if let open = quote {
                    if byte == open { quote = nil }
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                } else if byte == UInt8(ascii: "#"), previous == UInt8(ascii: " ") || previous == UInt8(ascii: "\t") || previous == UInt8(ascii: "\n") {
                    commentStart = offset
                }
            }
            previous = byte
        }
        if let start = commentStart { comments.append((String(decoding: bytes[start...], as: UTF8.self), line)) }
        return comments
    }
}
