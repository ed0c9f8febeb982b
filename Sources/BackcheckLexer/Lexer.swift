import BackcheckModel

/// How to read the input: repository source, or a rule pattern written in the language.
public enum LexMode: Sendable {
    /// Ordinary source code.
    case source
    /// A rule pattern: `$NAME` (upper-case or `_`, then `[A-Z0-9_]*`) is one identifier token in
    /// every language, and stays literal text inside strings (not a Kotlin/PHP/Ruby
    /// interpolation); `...` is one punctuation token; PHP patterns need no `<?php` tag.
    case pattern
}

/// Turns bytes into tokens. Never fails: malformed input is recorded in token flags.
public enum Lexer {
    /// Tokenizes `bytes` as `language`. Inputs longer than `UInt32.max - 1` bytes are lexed up to
    /// that length, so every offset fits a token.
    public static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, language: Language, mode: LexMode = .source) -> TokenBuffer {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return TokenBuffer(language: language) }
        let count = min(bytes.count, Int(UInt32.max - 1))
        var scanner = Scanner(base, count: count, language: language, mode: mode)
        scanner.run()
        return scanner.buffer(language: language)
    }

    /// Tokenizes `bytes` as `language`.
    public static func tokenize(_ bytes: [UInt8], language: Language, mode: LexMode = .source) -> TokenBuffer {
        bytes.withUnsafeBufferPointer { tokenize($0, language: language, mode: mode) }
    }
}
