import BackcheckModel

extension ExampleCode {
    /// The body as the content of one string literal of the language, after the header; nil
    /// when no literal can hold it (PHP whose code starts after inline HTML).
    var insideString: String? {
        guard language != .php || !body.contains("<?php") else { return nil }
        return header + Self.stringLiteral(holding: body, language: language)
    }

    /// A literal whose content is `code`: verbatim in a multi-line or raw form where `code`
    /// cannot end it or interpolate into it, else escaped. The closing delimiter goes on a line
    /// of its own, so a quote or backslash ending `code` cannot join it.
    static func stringLiteral(holding code: String, language: Language) -> String {
        let terminator = "BACKCHECK_EXAMPLE"
        switch language {
        case .python:
            if !code.contains("\"\"\"") { return "\"\"\"" + code + "\n\"\"\"" }
            if !code.contains("'''") { return "'''" + code + "\n'''" }
            return escaped(code)
        case .javascript, .typescript:
            return code.contains("`") || code.contains("${") ? escaped(code) : "`" + code + "\n`"
        case .go:
            return code.contains("`") ? escaped(code) : "`" + code + "`"
        case .java:
            return code.contains("\"\"\"") ? escaped(code) : "\"\"\"\n" + code + "\n\"\"\""
        case .kotlin:
            // `$` interpolates in Kotlin's raw strings too.
            return code.contains("\"\"\"") || code.contains("$") ? escaped(code, dollar: true) : "\"\"\"" + code + "\n\"\"\""
        case .swift:
            return code.contains("\"\"\"#") || code.contains("\\#") ? escaped(code) : "#\"\"\"\n" + code + "\n\"\"\"#"
        case .csharp:
            return "@\"" + code.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        case .ruby:
            return code.contains(terminator) ? singleQuoted(code) : "<<~'\(terminator)'\n" + code + "\n\(terminator)"
        case .php:
            return code.contains(terminator) ? singleQuoted(code) : "<<<'\(terminator)'\n" + code + "\n\(terminator);"
        case .sql:
            return "'" + code.replacingOccurrences(of: "'", with: "''") + "'"
        }
    }

    /// `"…"` with backslash escapes (and `\$` where `$` would interpolate).
    private static func escaped(_ code: String, dollar: Bool = false) -> String {
        var literal = "\""
        for scalar in code.unicodeScalars {
            switch scalar {
            case "\\": literal += "\\\\"
            case "\"": literal += "\\\""
            case "\n": literal += "\\n"
            case "\r": literal += "\\r"
            case "$" where dollar: literal += "\\$"
            default: literal.unicodeScalars.append(scalar)
            }
        }
        return literal + "\""
    }

    /// `'…'` where only a backslash and the quote are escaped (Ruby, PHP).
    private static func singleQuoted(_ code: String) -> String {
        "'" + code.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    }
}
