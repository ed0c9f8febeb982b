/// How sure a taint rule's finding is of where the data comes from (SonarQube's issues and
/// hotspots): `properties.tier` in JSON and SARIF, `tiers:` in the config.
public enum FindingTier: String, CaseIterable, Sendable, Codable, Hashable {
    /// Request input reaches the sink.
    case confirmed
    /// A value of unknown origin (a parameter of the function) is built into the sink's text.
    case audit
}
