import Foundation

/// What one file tells the rest of its root: the functions it defines, and per taint rule the
/// ones that return that rule's source data (a request wrapper's `getParam(name)`).
public struct FileSourceSummary: Sendable, Equatable, Codable {
    public var definedNames: [String]
    /// Rule id → names of functions returning the rule's source data.
    public var returningSources: [String: [String]]

    public init(definedNames: [String], returningSources: [String: [String]]) {
        self.definedNames = definedNames
        self.returningSources = returningSources
    }
}

extension FileSourceSummary {
    private struct Stored: Codable {
        /// The rule set the summary was made with.
        var rules: String
        var summary: FileSourceSummary?
    }

    /// The summary (nil: the file has none) as stored for a file, with the rule set's hash.
    public static func json(_ summary: FileSourceSummary?, rules: String) -> String {
        let data = (try? JSONEncoder().encode(Stored(rules: rules, summary: summary))) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// A stored summary, when it was made with the rule set `rules`: `.some(nil)` for a file
    /// known to have none, nil when it must be made again.
    public static func stored(_ json: String, rules: String) -> FileSourceSummary?? {
        guard let stored = try? JSONDecoder().decode(Stored.self, from: Data(json.utf8)), stored.rules == rules else { return nil }
        return .some(stored.summary)
    }
}

/// Functions that return request data, found across a root: per taint rule, the names whose
/// calls are sources in every file of the root. A name counts only when every file defining it
/// defines it as returning the source, so a common name (`get`, `value`) defined anywhere else
/// too stays out.
public struct SourceSummaries: Sendable, Equatable {
    /// Rule id → function names whose calls are that rule's sources.
    public private(set) var byRule: [String: Set<String>]

    /// Every name of ``byRule``, with its bytes, for testing which a file holds.
    public private(set) var names: [(text: String, bytes: [UInt8])] = []

    public static let empty = SourceSummaries(byRule: [:])

    private init(byRule: [String: Set<String>]) {
        self.byRule = byRule
    }

    public static func == (left: SourceSummaries, right: SourceSummaries) -> Bool { left.byRule == right.byRule }

    /// The root-wide table from each file's summary.
    public init(files: [FileSourceSummary]) {
        var definitions: [String: Int] = [:]
        for file in files {
            for name in Set(file.definedNames) { definitions[name, default: 0] += 1 }
        }
        var returning: [String: [String: Int]] = [:]
        for file in files {
            for (rule, names) in file.returningSources {
                for name in Set(names) { returning[rule, default: [:]][name, default: 0] += 1 }
            }
        }
        byRule = returning.compactMapValues { counts in
            let names = Set(counts.filter { name, count in name.count >= 4 && count == definitions[name] }.keys)
            return names.isEmpty ? nil : names
        }
        names = byRule.values.reduce(into: Set<String>()) { $0.formUnion($1) }.sorted().map { ($0, Array($0.utf8)) }
    }

    /// A canonical text of the table, for identifying it in scans: files analysed under another
    /// table must be analysed again.
    public var canonicalText: String {
        byRule.keys.sorted().map { rule in rule + "=" + byRule[rule]!.sorted().joined(separator: ",") }.joined(separator: ";")
    }
}
