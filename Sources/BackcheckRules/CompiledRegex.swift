import Foundation

/// A regular expression compiled once per rule load, shared by every match.
public struct CompiledRegex: @unchecked Sendable {
    // NSRegularExpression is immutable after creation and documented as thread-safe,
    // but is not annotated Sendable in corelibs-foundation.
    private let expression: NSRegularExpression
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
    }

    /// Whether the expression matches anywhere in `text`.
    public func matches(_ text: some StringProtocol) -> Bool {
        let string = String(text)
        let range = NSRange(string.startIndex..<string.endIndex, in: string)
        return expression.firstMatch(in: string, range: range) != nil
    }
}

/// A regex in a rule that does not compile.
public struct RegexSyntaxError: Error, Sendable {
    public var pattern: String
    public var reason: String
}
