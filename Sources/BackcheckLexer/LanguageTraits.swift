import BackcheckModel

/// What one language's lexer does differently, looked up once per file so the hot loop tests
/// plain booleans instead of switching on the language.
struct LanguageTraits {
    /// `#` starts a line comment (Python, Ruby, PHP, SQL).
    var hashComments = false
    /// `//` starts a line comment (not Python, where it is floor division).
    var slashLineComments = false
    /// `/* */` block comments.
    var blockComments = false
    /// `/* /* */ */` nests (Swift, Kotlin, PostgreSQL).
    var nestedBlockComments = false
    /// `--` starts a line comment (SQL).
    var dashDashComments = false
    /// `/re/` literals, told apart from division by the previous token (JavaScript, TypeScript, Ruby).
    var regexLiterals = false
    /// Indentation produces block tokens (Python).
    var indentation = false
    /// `$` may start or continue an identifier (JavaScript, TypeScript, Java).
    var dollarIdentifiers = false
    var operators: OperatorSet = []

    static func of(_ language: Language) -> LanguageTraits {
        var t = LanguageTraits()
        // The C family's comments: every language but Python, Ruby and SQL.
        let cComments = ![.python, .ruby, .sql].contains(language)
        t.slashLineComments = cComments
        t.blockComments = cComments
        switch language {
        case .python:
            t.hashComments = true
            t.indentation = true
            t.operators = [.power, .floorDivide, .walrus, .arrow, .fatArrow, .shift]
        case .javascript, .typescript:
            t.regexLiterals = true
            t.dollarIdentifiers = true
            t.operators = [.strictEquality, .fatArrow, .increment, .nullish, .power, .logicalAssign]
            if language == .javascript { t.operators.insert(.shift) }
        case .go:
            t.operators = [.increment, .walrus, .shift, .goChannel]
        case .java:
            t.dollarIdentifiers = true
            t.operators = [.increment, .arrow, .doubleColon]
        case .kotlin:
            t.nestedBlockComments = true
            t.operators = [.strictEquality, .increment, .arrow, .doubleColon, .nullish, .elvis, .bangBang, .range, .fatArrow]
        case .csharp:
            t.operators = [.increment, .arrow, .fatArrow, .doubleColon, .nullish]
        case .php:
            t.hashComments = true
            t.operators = [
                .strictEquality, .increment, .arrow, .fatArrow, .doubleColon, .nullish, .elvis, .power,
                .spaceship, .shift, .dotAssign, .notEqualAngle,
            ]
        case .ruby:
            t.hashComments = true
            t.regexLiterals = true
            t.operators = [
                .strictEquality, .arrow, .fatArrow, .doubleColon, .power, .spaceship, .shift, .range,
                .rubyMatch, .logicalAssign,
            ]
        case .swift:
            t.nestedBlockComments = true
            t.operators = [.strictEquality, .arrow, .nullish, .range]
        case .sql:
            t.hashComments = true
            t.blockComments = true
            t.nestedBlockComments = true
            t.dashDashComments = true
            t.operators = [.doubleColon, .arrow, .spaceship, .shift, .notEqualAngle, .sqlJSON, .walrus, .fatArrow]
        }
        return t
    }
}
