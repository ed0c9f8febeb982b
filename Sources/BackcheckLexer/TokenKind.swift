/// What a token is. Keywords are identifiers: rules compare their text.
public enum TokenKind: UInt8, Sendable, Hashable {
    /// A name, keyword, PHP `$variable`, Ruby `@ivar`/`:symbol`-less name, SQL quoted identifier.
    case identifier
    /// A numeric literal.
    case number
    /// A complete string (or char) literal without interpolation; `contentRange` is inside its quotes.
    case string
    /// Opens an interpolated string (prefix and opening quote: `f"`, `` ` ``, `$"`, `"`).
    /// Its `partner` is the matching `stringEnd`.
    case stringStart
    /// Literal text between the interpolations of an interpolated string.
    case stringSegment
    /// Opens an interpolation inside a string (`{`, `${`, `#{`, `\(`, or a zero-length marker before
    /// a Kotlin/PHP/Ruby simple `$name`/`#@name`); its `partner` is the `interpolationClose`.
    case interpolationOpen
    /// Closes an interpolation (may be zero-length for simple `$name` interpolation).
    case interpolationClose
    /// Closes an interpolated string (the closing quote).
    case stringEnd
    /// A regular-expression literal (JavaScript/TypeScript `/re/flags`, Ruby `/re/`, `%r{}`).
    case regex
    /// A comment (kept in `TokenBuffer.comments`, never in `tokens`).
    case comment
    /// An operator or punctuation, including brackets; multi-character operators are one token.
    case punctuation
    /// A virtual block opener from indentation (Python), paired with `blockClose`.
    case blockOpen
    /// A virtual block closer from indentation (Python).
    case blockClose
}

/// Flags recorded on a token while lexing; malformed input is recorded here, never thrown.
public struct TokenFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// The first significant token on its physical line.
    public static let startsLine = TokenFlags(rawValue: 1 << 0)
    /// The construct ran to the end of the input (string, comment, interpolation).
    public static let unterminated = TokenFlags(rawValue: 1 << 1)
    /// An opening or closing bracket with no partner.
    public static let unbalanced = TokenFlags(rawValue: 1 << 2)
    /// A string whose content lies away from the token (a heredoc body); see `TokenBuffer.contentRange`.
    public static let heredoc = TokenFlags(rawValue: 1 << 3)
    /// Contains bytes that are not valid UTF-8.
    public static let invalidUTF8 = TokenFlags(rawValue: 1 << 4)
}
