/// The version recorded with every scan and printed by `--version`.
public enum ToolVersion {
    public static let current = "0.1.0"
}
