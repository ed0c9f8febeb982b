import Foundation

extension SQLFileFacts {
    /// The facts as JSON, as the store keeps them between runs.
    public var json: String {
        // Encoding plain value types cannot fail.
        String(decoding: (try? JSONEncoder().encode(self)) ?? Data("{}".utf8), as: UTF8.self)
    }

    /// Facts read back from ``json``; nil when the text is not facts of this version.
    public init?(json: String) {
        guard let facts = try? JSONDecoder().decode(SQLFileFacts.self, from: Data(json.utf8)) else { return nil }
        self = facts
    }
}
