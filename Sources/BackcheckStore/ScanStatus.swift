/// Where a scan is in its life.
public enum ScanStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Begun and not finished (or its process died).
    case running
    /// Finished normally.
    case complete
    /// Given up on; its partial results stay recorded.
    case failed
}
