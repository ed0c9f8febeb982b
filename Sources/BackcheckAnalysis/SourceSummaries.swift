import Foundation

/// What one file tells the rest of its root: the functions it defines, and per taint rule the
/// ones that return that rule's source data (a request wrapper's `getParam(name)`) and the ones
/// that return none of their arguments' data (a parser that checks its input and rebuilds it).
public struct FileSourceSummary: Sendable, Equatable, Codable {
    public var definedNames: [String]
    /// Rule id → names of functions returning the rule's source data.
    public var returningSources: [String: [String]]
    /// Rule id → names of functions, with parameters, none of whose returns carry their
    /// parameters' (or the rule's sources') data under the rule's sanitizers.
    public var dataFree: [String: [String]]

    public init(definedNames: [String], returningSources: [String: [String]], dataFree: [String: [String]] = [:]) {
        self.definedNames = definedNames
        self.returningSources = returningSources
        self.dataFree = dataFree
    }
}

extension FileSourceSummary {
    /// The stored form's version: a summary stored in another (one without ``dataFree``, or a
    /// file then said to have none) must be made again.
    private static let format = 2

    private struct Stored: Codable {
        var format: Int
        /// The rule set the summary was made with.
        var rules: String
        var summary: FileSourceSummary?
    }

    /// The summary (nil: the file has none) as stored for a file, with the rule set's hash.
    public static func json(_ summary: FileSourceSummary?, rules: String) -> String {
        let data = (try? JSONEncoder().encode(Stored(format: format, rules: rules, summary: summary))) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// A stored summary, when it was made with the rule set `rules` in this format: `.some(nil)`
    /// for a file known to have none, nil when it must be made again.
    public static func stored(_ json: String, rules: String) -> FileSourceSummary?? {
        guard let stored = try? JSONDecoder().decode(Stored.self, from: Data(json.utf8)), stored.format == format,
              stored.rules == rules else { return nil }
        return .some(stored.summary)
    }
}

/// Functions found across a root that matter to taint rules in every file: per rule, the names
/// whose calls are sources (they return request data) and the names whose calls hand back none
/// of their arguments' data. A name counts only when every file defining it summarizes it so,
/// so a common name (`get`, `value`) defined anywhere else too stays out.
public struct SourceSummaries: Sendable, Equatable {
    /// Rule id → function names whose calls are that rule's sources.
    public private(set) var byRule: [String: Set<String>]
    /// Rule id → function names whose calls' arguments are sanitized for that rule.
    public private(set) var dataFreeByRule: [String: Set<String>]

    /// Every name of ``byRule`` and ``dataFreeByRule``, with its bytes, for testing which a file holds.
    public private(set) var names: [(text: String, bytes: [UInt8])] = []

    public static let empty = SourceSummaries(byRule: [:], dataFreeByRule: [:])

    private init(byRule: [String: Set<String>], dataFreeByRule: [String: Set<String>]) {
        self.byRule = byRule
        self.dataFreeByRule = dataFreeByRule
    }

    public static func == (left: SourceSummaries, right: SourceSummaries) -> Bool {
        left.byRule == right.byRule && left.dataFreeByRule == right.dataFreeByRule
    }

    /// The root-wide table from each file's summary.
    public init(files: [FileSourceSummary]) {
        var definitions: [String: Int] = [:]
        for file in files {
            for name in Set(file.definedNames) { definitions[name, default: 0] += 1 }
        }
        byRule = Self.agreed(files.map(\.returningSources), definitions: definitions)
        dataFreeByRule = Self.agreed(files.map(\.dataFree), definitions: definitions)
        let all = byRule.values.reduce(into: Set<String>()) { $0.formUnion($1) }
            .union(dataFreeByRule.values.reduce(into: Set<String>()) { $0.formUnion($1) })
        names = all.sorted().map { ($0, Array($0.utf8)) }
    }

    /// Per rule, the names that every file defining them lists for it (of at least four
    /// characters: shorter ones are too common to tell apart).
    private static func agreed(_ lists: [[String: [String]]], definitions: [String: Int]) -> [String: Set<String>] {
        var counts: [String: [String: Int]] = [:]
        for list in lists {
            for (rule, names) in list {
                for name in Set(names) { counts[rule, default: [:]][name, default: 0] += 1 }
            }
        }
        return counts.compactMapValues { counts in
            let names = Set(counts.filter { name, count in name.count >= 4 && count == definitions[name] }.keys)
            return names.isEmpty ? nil : names
        }
    }

    /// A canonical text of the table, for identifying it in scans: files analysed under another
    /// table must be analysed again. A table without data-free names reads as before they were
    /// summarized, so such roots keep their hash.
    public var canonicalText: String {
        func text(_ table: [String: Set<String>]) -> String {
            table.keys.sorted().map { rule in rule + "=" + table[rule]!.sorted().joined(separator: ",") }.joined(separator: ";")
        }
        let sources = text(byRule)
        return dataFreeByRule.isEmpty ? sources : sources + "|data-free:" + text(dataFreeByRule)
    }
}
