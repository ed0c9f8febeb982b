import BackcheckLexer
import BackcheckEngine
import BackcheckModel

/// A checklist rule as declared in YAML: metadata, match formula, constraints and examples.
public struct Rule: Sendable, Identifiable {
    /// `<checklist>/<name>`, equal to the rule file's path under the rule folder without `.yml`.
    public var id: String
    public var checklist: ChecklistItem
    public var severity: Severity
    public var confidence: Confidence
    /// Languages the patterns are written in and applied to.
    public var languages: [Language]
    /// Message template; `$NAME` is replaced by the metavariable's text (masked when secret).
    public var message: String
    /// How to fix it.
    public var help: String
    public var cwe: [String]
    public var owasp: [String]
    /// Metavariable where the finding starts (else the match start).
    public var focus: String?
    /// Metavariable holding a secret value: masked everywhere, hashed into the identity.
    public var secret: String?
    /// Extra prefilter words: the file must contain one of them (case-insensitive).
    public var keywords: [String]
    /// Other analyzers' ids for the same check (`CA5351`, `S324`, `gosec`): their suppressions in
    /// the code (`#pragma warning disable`, `# noqa:`, `//nolint:`) suppress this rule too.
    public var foreignIds: Set<String>
    /// Which files the rule applies to, by path.
    public var paths: PathFilter
    /// Which files the rule applies to, by role: the `roles:` key, else its checklist item's
    /// ``ChecklistItem/defaultRoles``.
    public var roles: Set<FileRole>
    /// For a taint rule, the message of its audit tier: sinks whose text is built from a value
    /// of unknown origin (`$VALUE`). Nil when the rule has no audit tier, or the config turns it off.
    public var auditMessage: String?
    /// `audit.before`: what the text right before a value must match for the audit tier to
    /// count it as built in (SQL: a value's place, `= '`, `LIKE '%`, `IN (`, not `FROM `).
    public var auditBefore: CompiledRegex?
    /// Patterns, or the analyzer that implements the rule.
    public var matcher: RuleMatcher
    public var constraints: [String: TextConstraint]
    public var examples: RuleExamples
    /// Where the rule was loaded from.
    public var file: String

    public init(
        id: String, checklist: ChecklistItem, severity: Severity, confidence: Confidence,
        languages: [Language], message: String, help: String, cwe: [String], owasp: [String],
        focus: String?, secret: String?, keywords: [String], foreignIds: Set<String> = [], paths: PathFilter = PathFilter(),
        roles: Set<FileRole>? = nil, auditMessage: String? = nil, auditBefore: CompiledRegex? = nil,
        matcher: RuleMatcher, constraints: [String: TextConstraint], examples: RuleExamples, file: String
    ) {
        self.id = id
        self.checklist = checklist
        self.severity = severity
        self.confidence = confidence
        self.languages = languages
        self.message = message
        self.help = help
        self.cwe = cwe
        self.owasp = owasp
        self.focus = focus
        self.secret = secret
        self.keywords = keywords
        self.foreignIds = foreignIds
        self.paths = paths
        self.roles = roles ?? checklist.defaultRoles
        self.auditMessage = auditMessage
        self.auditBefore = auditBefore
        self.matcher = matcher
        self.constraints = constraints
        self.examples = examples
        self.file = file
    }
}

extension Rule {
    /// The audit tier's severity: at most medium, since the value's origin is unknown.
    public var auditSeverity: Severity { min(severity, .medium) }
}

/// Code a rule must flag (`bad`, with `↓` markers) and must not flag (`good`).
public struct RuleExamples: Sendable, Hashable {
    public var bad: [Example]
    public var good: [Example]

    public init(bad: [Example], good: [Example]) {
        self.bad = bad
        self.good = good
    }
}

/// One example snippet with the YAML line it starts on.
public struct Example: Sendable, Hashable {
    /// The code as written, markers included.
    public var text: String
    public var line: Int
    /// The language to lex it as; nil means the rule's first language.
    public var language: Language?
    /// For a taint rule's `bad` example, the tier its findings must have (`tier: audit`);
    /// nil means confirmed.
    public var tier: FindingTier?

    public init(text: String, line: Int, language: Language? = nil, tier: FindingTier? = nil) {
        self.text = text
        self.line = line
        self.language = language
        self.tier = tier
    }

    /// The marker `↓` that says where a finding must start.
    public static let marker = "↓"

    /// The code without markers and the byte offsets where markers stood.
    public var stripped: StrippedExample {
        var code: [UInt8] = []
        var markers: [Int] = []
        let marker = Array(Example.marker.utf8)
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            if bytes[index] == marker[0], bytes[index...].starts(with: marker) {
                markers.append(code.count)
                index += marker.count
            } else {
                code.append(bytes[index])
                index += 1
            }
        }
        return StrippedExample(code: String(decoding: code, as: UTF8.self), markers: markers)
    }
}

/// An example's code without its `↓` markers, and the byte offsets where they stood.
public struct StrippedExample: Sendable, Hashable {
    public var code: String
    public var markers: [Int]
}
