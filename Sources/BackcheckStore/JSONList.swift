import Foundation

/// A list bound as one JSON array argument, read in SQL with `json_each(?)`: any number of
/// values in one statement, where bound parameters are limited and a statement per value is a
/// round trip each.
enum JSONList {
    static func text<Value: Encodable>(_ values: [Value]) -> String {
        // Encoding an array of strings or integers cannot fail.
        String(decoding: (try? JSONEncoder().encode(values)) ?? Data("[]".utf8), as: UTF8.self)
    }
}
