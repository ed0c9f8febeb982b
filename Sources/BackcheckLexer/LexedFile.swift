import BackcheckModel

/// A file's bytes together with its tokens: what every analysis step reads.
public struct LexedFile: Sendable {
    public let bytes: [UInt8]
    public let buffer: TokenBuffer

    /// Lexes `bytes` as `language`.
    public init(bytes: [UInt8], language: Language) {
        self.bytes = bytes
        self.buffer = Lexer.tokenize(bytes, language: language)
    }

    public var language: Language { buffer.language }

    /// The source text of a token range (for messages and snippets, never on the hot path).
    public func text(ofTokens range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        let tokens = buffer.tokens
        let lower = Int(tokens[range.lowerBound].start)
        let upper = max(lower, Int(tokens[range.upperBound - 1].end))
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }

    /// The line and column of a byte offset.
    public func position(ofByte offset: Int) -> SourcePosition {
        buffer.lineStarts.position(ofByte: offset, in: bytes)
    }
}
