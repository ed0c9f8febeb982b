import BackcheckModel

/// What analysing one file found: its findings (suppressed ones included) and the problems met
/// on the way that are not findings.
public struct FileAnalysis: Sendable {
    public var findings: [Finding]
    public var diagnostics: [AnalysisDiagnostic]

    public init(findings: [Finding], diagnostics: [AnalysisDiagnostic]) {
        self.findings = findings
        self.diagnostics = diagnostics
    }
}
