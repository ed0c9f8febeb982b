/// The `api-docs:` settings of `.backcheck.yml`.
public struct APISettings: Sendable, Hashable {
    /// Route paths left out of every api-docs check (`/internal/**`, `/health`).
    public var ignore: [String]

    public init(ignore: [String] = []) {
        self.ignore = ignore
    }
}
