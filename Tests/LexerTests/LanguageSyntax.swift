import BackcheckLexer
import BackcheckModel

/// Each language's spelling of the constructs the cross-language hard-case tests need.
struct LanguageSyntax: Sendable, CustomStringConvertible {
    let language: Language
    /// Put before code (PHP's open tag).
    let prefix: String
    let lineComment: String
    /// `(open, close)`, or nil where the language has no block comments.
    let blockComment: (String, String)?
    let quote: String
    /// A string literal spanning two lines, with `\r\n` between them.
    let multiLineString: String

    var description: String { language.rawValue }

    static let all: [LanguageSyntax] = [
        LanguageSyntax(language: .python, prefix: "", lineComment: "#", blockComment: nil, quote: "'",
                       multiLineString: "'''a\r\nb'''"),
        LanguageSyntax(language: .javascript, prefix: "", lineComment: "//", blockComment: ("/*", "*/"), quote: "'",
                       multiLineString: "`a\r\nb`"),
        LanguageSyntax(language: .typescript, prefix: "", lineComment: "//", blockComment: ("/*", "*/"), quote: "\"",
                       multiLineString: "`a\r\nb`"),
        LanguageSyntax(language: .go, prefix: "", lineComment: "//", blockComment: ("/*", "*/"), quote: "\"",
                       multiLineString: "`a\r\nb`"),
        LanguageSyntax(language: .java, prefix: "", lineComment: "//", blockComment: ("/*", "*/"), quote: "\"",
                       multiLineString: "\"\"\"\r\nb\"\"\""),
        LanguageSyntax(language: .kotlin, prefix: "", lineComment: "//", blockComment: ("/*", "*/"), quote: "\"",
                       multiLineString: "\"\"\"a\r\nb\"\"\""),
        LanguageSyntax(language: .csharp, prefix: "", lineComment: "//", blockComment: ("/*", "*/"), quote: "\"",
                       multiLineString: "@\"a\r\nb\""),
        LanguageSyntax(language: .php, prefix: "<?php ", lineComment: "#", blockComment: ("/*", "*/"), quote: "'",
                       multiLineString: "'a\r\nb'"),
        LanguageSyntax(language: .ruby, prefix: "", lineComment: "#", blockComment: nil, quote: "'",
                       multiLineString: "%q(a\r\nb)"),
        LanguageSyntax(language: .swift, prefix: "", lineComment: "//", blockComment: ("/*", "*/"), quote: "\"",
                       multiLineString: "\"\"\"\r\nb\"\"\""),
        LanguageSyntax(language: .sql, prefix: "", lineComment: "--", blockComment: ("/*", "*/"), quote: "'",
                       multiLineString: "'a\r\nb'"),
    ]
}
