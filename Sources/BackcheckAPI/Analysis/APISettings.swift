/// The `api-docs:` settings of `.backcheck.yml`.
public struct APISettings: Sendable, Hashable {
    /// Route paths left out of every api-docs check (`/internal/**`, `/health`).
    public var ignore: [String]
    /// Service directory → the document that describes it (`api-docs.services`). Empty: every
    /// document describes every route.
    public var services: [String: String]

    public init(ignore: [String] = [], services: [String: String] = [:]) {
        self.ignore = ignore
        self.services = services
    }

    /// Whether the document at `document` describes the routes of the file at `file`: the one
    /// mapped to the deepest configured directory holding the file does; where no directory
    /// holds it, the documents mapped to none do.
    public func describes(document: String, file: String) -> Bool {
        guard !services.isEmpty else { return true }
        let holding = services.keys.filter { $0.isEmpty || file.hasPrefix($0 + "/") }.max { $0.count < $1.count }
        if let holding { return services[holding] == document }
        return !services.values.contains(document)
    }
}
