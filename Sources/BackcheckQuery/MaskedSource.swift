import BackcheckAnalysis
import BackcheckLexer
import BackcheckRules
import BackcheckModel

/// A file's text as `backcheck show` may print it: every string literal that a built-in secret
/// rule flags is replaced by its masked form (`sk_l********p7dc`), found by running the secret
/// rules over the file, so a secret never reaches the terminal in full.
struct MaskedSource {
    /// The file's lines, masked, without line ends.
    let lines: [String]
    /// 1-based numbers of lines where a secret was masked.
    let maskedLines: Set<Int>

    /// Masks `bytes` of the file at `path`, read as `language`, with `analyzer` (secret rules,
    /// without their `paths:` and `roles:` filters, so every secret is masked).
    init(bytes: [UInt8], path: String, language: Language?, analyzer: FileAnalyzer) {
        guard let language else {
            lines = Self.split(bytes)
            maskedLines = []
            return
        }
        let secrets = analyzer.analyze(path: path, bytes: bytes, language: language, role: .source).findings.filter { $0.secretHash != nil }
        let file = LexedFile(bytes: bytes, language: language)
        var replacements: [(range: Range<Int>, text: [UInt8])] = []
        var masked = Set<Int>()
        for (index, token) in file.buffer.tokens.enumerated() where token.kind == .string {
            let line = Int(token.line)
            for secret in secrets where (secret.line...max(secret.line, secret.endLine)).contains(line) {
                let content = file.buffer.contentRange(of: index)
                let mask = SecretMask.mask(String(decoding: bytes[content], as: UTF8.self))
                guard !content.isEmpty, secret.snippet.contains(mask) || secret.message.contains(mask) else { continue }
                replacements.append((content, Array(mask.utf8)))
                masked.insert(line)
                break
            }
        }
        var out = bytes
        for replacement in replacements.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            out.replaceSubrange(replacement.range, with: replacement.text)
        }
        lines = Self.split(out)
        maskedLines = masked
    }

    private static func split(_ bytes: [UInt8]) -> [String] {
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { String(decoding: $0.last == UInt8(ascii: "\r") ? $0.dropLast() : $0, as: UTF8.self) }
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}
