/// What a token is. Keywords are identifiers: rules compare their text.
public enum TokenKind: UInt8, Sendable, Hashable {
    /// A name or keyword; also PHP `$variable`, Ruby `@ivar`/`@@cvar`/`$global`/`:symbol`, SQL
    /// `"quoted"`/`` `quoted` ``/`[bracketed]` names and `$1`/`:name`/`@var` parameters, Kotlin/Swift
    /// back-ticked names, and pattern-mode `$METAVARIABLE`s.
    case identifier
    /// A numeric literal.
    case number
    /// A complete string (or char) literal without interpolation; `contentRange` is inside its quotes.
    /// Heredocs (Ruby, PHP) carry `.heredoc` and their body range in `TokenBuffer.heredocContents`.
    case string
    /// Opens an interpolated string (prefix and opening quote: `f"`, `` ` ``, `$"`, `"`).
    /// Its `partner` is the matching `stringEnd`.
    case stringStart
    /// Literal text between the interpolations of an interpolated string.
    case stringSegment
    /// Opens an interpolation inside a string (`{`, `${`, `#{`, `\(`, `\#(`, or a zero-length marker
    /// right before the identifier of a simple form: Kotlin `$name` gives identifier `name`, Ruby
    /// `#@ivar` gives `@ivar`, PHP `$var` gives `$var`; the sigil bytes `$`/`#` before a Kotlin/Ruby
    /// identifier belong to no token). Its `partner` is the `interpolationClose`.
    case interpolationOpen
    /// Closes an interpolation (may be zero-length for simple `$name` interpolation).
    case interpolationClose
    /// Closes an interpolated string (the closing quote; zero-length and `.unterminated` at the end
    /// of the input or, for single-line strings, at a line break).
    case stringEnd
    /// A regular-expression literal (JavaScript/TypeScript `/re/flags`, Ruby `/re/` and `%r{}`,
    /// Swift `#/re/#`); `contentRange` is the pattern between the delimiters.
    case regex
    /// A comment (kept in `TokenBuffer.comments`, never in `tokens`).
    case comment
    /// An operator or punctuation, including brackets; multi-character operators are one token.
    case punctuation
    /// A virtual block opener from indentation (Python), paired with `blockClose`.
    case blockOpen
    /// A virtual block closer from indentation (Python), zero-length, before the first token of the
    /// dedented line (or at the end of the input).
    case blockClose
}

/// Flags recorded on a token while lexing; malformed input is recorded here, never thrown.
public struct TokenFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// The first significant token on its physical line (no earlier significant token starts or
    /// ends on it). Zero-length virtual tokens never carry it.
    public static let startsLine = TokenFlags(rawValue: 1 << 0)
    /// The construct ran to the end of the input (string, comment, interpolation, heredoc), or a
    /// single-line string or regex ran into a line break.
    public static let unterminated = TokenFlags(rawValue: 1 << 1)
    /// An opening or closing bracket with no partner (a closer that matches no nearby opener, an
    /// opener skipped by an outer closer, or one still open at the end of the input).
    public static let unbalanced = TokenFlags(rawValue: 1 << 2)
    /// A string whose content lies away from the token (a heredoc body); see `TokenBuffer.contentRange`.
    public static let heredoc = TokenFlags(rawValue: 1 << 3)
    /// Contains bytes that are not valid UTF-8.
    public static let invalidUTF8 = TokenFlags(rawValue: 1 << 4)
}
