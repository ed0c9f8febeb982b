import BackcheckRules
import BackcheckModel

/// Everything `backcheck show` prints about one finding.
public struct FindingDetail: Sendable {
    /// One line of code around the finding.
    public struct Line: Sendable, Hashable {
        public var number: Int
        public var text: String
        /// Part of the finding's range.
        public var isFinding: Bool

        /// Line `number` of the file, part of the finding when `findingLines` holds it.
        public init(number: Int, text: String, findingLines: ClosedRange<Int>) {
            self.number = number
            self.text = text
            isFinding = findingLines.contains(number)
        }
    }

    public var finding: TrackedFinding
    /// The code around the finding as the file is now, secrets masked; empty when unreadable.
    public var context: [Line]
    /// Why the context is missing or may not match (file gone, changed since the last scan).
    public var contextNote: String?
    /// The rule, when this binary knows it (help text and fix).
    public var rule: Rule?
    /// Status changes, oldest first.
    public var history: [FindingEvent]

    public init(finding: TrackedFinding, context: [Line], contextNote: String?, rule: Rule?, history: [FindingEvent]) {
        self.finding = finding
        self.context = context
        self.contextNote = contextNote
        self.rule = rule
        self.history = history
    }
}
