import Foundation

/// How the JSON and SARIF outputs are written: pretty-printed, keys sorted so equal reports are
/// equal text, and `/` unescaped so paths and URIs read as they are.
enum ReportJSON {
    /// `value` as JSON text with a final newline, or `fallback` when it cannot be encoded.
    static func text(_ value: some Encodable, fallback: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return fallback }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
