import Foundation
import Synchronization

/// A regular expression compiled once per rule load, shared by every match: a class, since the
/// matcher copies constraints on its hot path and one reference costs less to copy than its parts.
///
/// Anchored alternations of plain words (`^(debug|info|warn)$`, optionally `(?i)`), the most
/// common constraint on logger and method names, are answered from a set instead of the regex
/// engine, since constraints run on the matcher's hot path.
public final class CompiledRegex: @unchecked Sendable {
    // NSRegularExpression is immutable after creation and documented as thread-safe,
    // but is not annotated Sendable in corelibs-foundation.
    private let expression: NSRegularExpression
    private let words: Set<String>?
    private let caseInsensitive: Bool
    private let memo = RegexMemo()
    /// Literals one of which every match contains (lower-cased), when the source shows them.
    private let literals: [[UInt8]]?
    /// The source text, for messages.
    public let source: String

    /// Compiles `source`; the error message is the engine's, for the rule author.
    public init(_ source: String) throws(RegexSyntaxError) {
        do {
            expression = try NSRegularExpression(pattern: source)
        } catch {
            throw RegexSyntaxError(pattern: source, reason: "\(error.localizedDescription)")
        }
        self.source = source
        (words, caseInsensitive) = Self.wordAlternation(source)
        literals = RegexLiterals.required(in: source)
    }

    /// Whether the expression matches anywhere in `text`.
    public func matches(_ text: some StringProtocol) -> Bool {
        if let words {
            return words.contains(caseInsensitive ? text.lowercased() : String(text))
        }
        if let literals, !Self.containsAny(literals, in: text.utf8) { return false }
        let string = String(text)
        if let known = memo.result(for: string) { return known }
        let result = expression.firstMatch(in: string, range: NSRange(location: 0, length: string.utf16.count)) != nil
        memo.store(result, for: string)
        return result
    }

    /// Whether `text` contains one of `needles` (lower-cased), ignoring ASCII case.
    private static func containsAny(_ needles: [[UInt8]], in text: some Collection<UInt8>) -> Bool {
        let haystack = text.map { $0 &- 65 < 26 ? $0 | 0x20 : $0 }
        return needles.contains { needle in
            guard let first = needle.first, haystack.count >= needle.count else { return false }
            var start = 0
            while start + needle.count <= haystack.count {
                if haystack[start] == first, haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
                start += 1
            }
            return false
        }
    }

    /// The words of `^(a|b|c)$` / `(?i)^(?:a|b)$`, or nil when the regex is anything else.
    private static func wordAlternation(_ source: String) -> (Set<String>?, Bool) {
        var body = Substring(source)
        var caseInsensitive = false
        if body.hasPrefix("(?i)") {
            caseInsensitive = true
            body = body.dropFirst(4)
        }
        guard body.hasPrefix("^"), body.hasSuffix("$") else { return (nil, false) }
        body = body.dropFirst().dropLast()
        if body.hasPrefix("(?:") {
            body = body.dropFirst(3)
        } else if body.hasPrefix("(") {
            body = body.dropFirst()
        } else {
            return (nil, false)
        }
        guard body.hasSuffix(")") else { return (nil, false) }
        body = body.dropLast()
        let alternatives = body.split(separator: "|", omittingEmptySubsequences: false)
        guard alternatives.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") } }) else {
            return (nil, false)
        }
        return (Set(alternatives.map { caseInsensitive ? $0.lowercased() : String($0) }), caseInsensitive)
    }
}

/// Results of one regex by input text, shared by every file and thread: constraints see the same
/// identifiers (`user`, `req.body`, `logger`) over and over, and the regex engine is the
/// matcher's most expensive step.
final class RegexMemo: Sendable {
    private static let capacity = 65_536
    private let results = Mutex<[String: Bool]>([:])

    func result(for text: String) -> Bool? {
        results.withLock { $0[text] }
    }

    func store(_ result: Bool, for text: String) {
        results.withLock { results in
            if results.count >= Self.capacity { results.removeAll(keepingCapacity: true) }
            results[text] = result
        }
    }
}

/// A regex in a rule that does not compile.
public struct RegexSyntaxError: Error, Sendable {
    public var pattern: String
    public var reason: String
}
