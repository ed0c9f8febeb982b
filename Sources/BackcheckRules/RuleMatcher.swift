import BackcheckEngine

/// How a rule finds its problems: patterns over a file's tokens, or an analyzer written in Swift.
public enum RuleMatcher: Sendable {
    /// The match formula the YAML declares (`pattern`, `any`, `all` or `taint`, with filters).
    case patterns(Formula)
    /// The analyzer of that name (`analyzer: foreign-key-index`), for rules that need more than
    /// tokens, with its settings (`options:` in YAML, scalar values).
    case analyzer(name: String, options: [String: String])
}
