/// How to read the input: repository source, or a rule pattern written in the language.
public enum LexMode: Sendable {
    /// Ordinary source code.
    case source
    /// A rule pattern: `$NAME` (upper-case) is one identifier token everywhere (also inside strings,
    /// where it stays literal text rather than an interpolation), and `...` is one punctuation token.
    case pattern
}

/// Turns bytes into tokens. Never fails: malformed input is recorded in token flags.
public enum Lexer {
    /// Tokenizes `bytes` as `language`.
    public static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, language: Language, mode: LexMode = .source) -> TokenBuffer {
        TokenBuffer(language: language)
    }

    /// Tokenizes `bytes` as `language`.
    public static func tokenize(_ bytes: [UInt8], language: Language, mode: LexMode = .source) -> TokenBuffer {
        bytes.withUnsafeBufferPointer { tokenize($0, language: language, mode: mode) }
    }
}
