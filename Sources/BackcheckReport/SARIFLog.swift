import BackcheckModel

/// The subset of SARIF 2.1.0 backcheck writes (OASIS SARIF v2.1.0, the `sarif-schema-2.1.0.json`
/// schema); property names are SARIF's.
struct SARIFLog: Encodable {
    var schema = "https://json.schemastore.org/sarif-2.1.0.json"
    var version = "2.1.0"
    var runs: [Run]

    enum CodingKeys: String, CodingKey {
        case schema = "$schema", version, runs
    }

    struct Run: Encodable {
        var tool: Tool
        var invocations: [Invocation]?
        var originalUriBaseIds: [String: ArtifactLocation]
        var results: [Result]
    }

    /// The audit's run: the problems met on the way (a rule out of budget, an unreadable file)
    /// as notifications, none of them fatal.
    struct Invocation: Encodable {
        var executionSuccessful = true
        var toolExecutionNotifications: [Notification]
    }

    struct Notification: Encodable {
        var level = "warning"
        var message: Message
    }

    struct Tool: Encodable {
        var driver: Driver
    }

    struct Driver: Encodable {
        var name = "backcheck"
        var version: String
        var semanticVersion: String
        var informationUri = "https://github.com/backcheck/backcheck"
        var rules: [ReportingDescriptor]
    }

    struct ReportingDescriptor: Encodable {
        var id: String
        var name: String
        var shortDescription: Message
        var fullDescription: Message
        var help: Message
        var defaultConfiguration: Configuration
        var properties: RuleProperties
    }

    struct Configuration: Encodable {
        var level: String
    }

    struct RuleProperties: Encodable {
        var checklist: String
        var tags: [String]
        var precision: String
        var securitySeverity: String

        enum CodingKeys: String, CodingKey {
            case checklist, tags, precision, securitySeverity = "security-severity"
        }
    }

    /// SARIF's `message`, and its `multiformatMessageString` when it has `markdown`.
    struct Message: Encodable {
        var text: String
        var markdown: String?
    }

    struct ArtifactLocation: Encodable {
        var uri: String
        var uriBaseId: String?
    }

    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int
        var level: String
        var message: Message
        var locations: [Location]
        var partialFingerprints: [String: String]
        var baselineState: String?
        var suppressions: [Suppression]?
        var properties: ResultProperties
    }

    struct Location: Encodable {
        var physicalLocation: PhysicalLocation
    }

    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region
    }

    struct Region: Encodable {
        var startLine: Int
        var startColumn: Int
        var endLine: Int
        var endColumn: Int
        var snippet: Message?
    }

    struct Suppression: Encodable {
        var kind = "inSource"
        var status = "accepted"
        var justification: String
    }

    struct ResultProperties: Encodable {
        var checklist: String
        var severity: String
        var status: String
        /// The role of the file the result is in (README, "File roles").
        var fileRole: String
        /// A taint rule's tier: `confirmed` (request input reaches the sink) or `audit` (text
        /// built from a value of unknown origin); absent for other rules.
        var tier: String?
    }
}
