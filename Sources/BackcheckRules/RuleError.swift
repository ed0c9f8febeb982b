import BackcheckYAML

/// A problem in a rule file: which file (path as given, or `Rules/...` for the built-in pack),
/// which line, and what is wrong. Rule and configuration files share one error shape.
public typealias RuleError = YAMLFileError
