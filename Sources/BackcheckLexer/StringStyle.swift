/// How a string literal's body is read: where it ends, what escapes, what interpolates.
struct StringStyle {
    enum Escape: UInt8 {
        /// `\x` skips `x` (with `hashes` set, only `\#…#x` escapes: Swift raw strings).
        case backslash
        /// No escapes at all (Go back-ticks, Kotlin raw strings, PHP nowdoc).
        case none
        /// A doubled closing quote is a literal quote (C# verbatim, SQL).
        case doubled
        /// Both (PostgreSQL `E'…'`).
        case backslashAndDoubled
    }

    enum Interpolation: UInt8 {
        case none
        /// `${…}` (JavaScript template literals).
        case dollarBrace
        /// `{…}` with `{{`/`}}` as literal braces (Python f-strings, C# `$"…"`).
        case brace
        /// `#{…}`, `#@ivar`, `#@@cvar`, `#$global` (Ruby).
        case hashBrace
        /// `${…}` and `$name` (Kotlin).
        case kotlin
        /// `$var`, `$var->prop`, `$var[i]`, `{$…}`, `${name}` (PHP).
        case php
        /// `\(…)`, or `\#(…)` in raw strings (Swift).
        case swift
    }

    /// The closing delimiter byte.
    var close: UInt8
    /// For bracket delimiters (`%q(…)`), the opener: nested pairs do not end the literal.
    var open: UInt8 = 0
    /// Number of closing delimiter bytes (3 for triple quotes; C# raw strings use more).
    var quoteCount: UInt8 = 1
    /// Swift raw strings: `#` count after the closing quote.
    var hashes: UInt8 = 0
    var escape: Escape = .backslash
    var interpolation: Interpolation = .none
    /// C# raw interpolated strings: `$$"""` needs `{{` to interpolate.
    var braces: UInt8 = 1
    /// Whether a line break may occur in the body; if not, a line break ends it as unterminated.
    var multiline = false
    /// A run of more quotes than `quoteCount` closes at its end (Kotlin, C# raw strings), not at its start.
    var closeAtRunEnd = false
    /// `.string`, or `.regex` for Ruby `%r{…}`.
    var kind: TokenKind = .string
    /// Python f-strings and C# interpolations: `:` (and Python `!`) at the top level of an
    /// interpolation starts a format spec, which is literal text.
    var formatSpecs = false

    static func quoted(_ quote: UInt8, multiline: Bool = false) -> StringStyle {
        StringStyle(close: quote, multiline: multiline)
    }
}
