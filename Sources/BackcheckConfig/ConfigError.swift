import BackcheckYAML

/// A configuration file problem, with the file, line and a hint. Rule and configuration files
/// share one error shape.
public typealias ConfigError = YAMLFileError
