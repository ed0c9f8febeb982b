/// What started a scan.
public enum ScanKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A one-shot full scan (`backcheck audit`, the nightly job, CI).
    case audit
    /// A batch of changes seen by the daemon (`backcheck watch`).
    case watch
}
