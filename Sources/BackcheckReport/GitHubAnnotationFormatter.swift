import Foundation
import BackcheckRules
import BackcheckModel

/// GitHub Actions workflow commands, one annotation per open finding:
/// `::error file=app/auth.py,line=3,col=5,endLine=3,endColumn=20,title=<rule id>::<message>`.
/// Critical and high findings are errors, medium warnings, low and info notices. As GitHub
/// documents, `%`, `\r` and `\n` are escaped as `%25`, `%0D` and `%0A` in the message, and in
/// property values also `:` and `,` as `%3A` and `%2C`. With a baseline only new findings are
/// annotated, so a pull request shows what it introduced. Suppressed findings are never annotated.
public struct GitHubAnnotationFormatter: ReportFormatter {
    public init() {}

    public func format(_ report: AuditReport) -> String {
        let shown = report.hasBaseline ? report.new : report.open
        return shown.map { Self.annotation($0.finding) + "\n" }.joined()
    }

    /// The workflow command for one finding.
    public static func annotation(_ finding: Finding) -> String {
        let command = switch finding.severity {
        case .critical, .high: "error"
        case .medium: "warning"
        case .low, .info: "notice"
        }
        let properties = [
            ("file", finding.path), ("line", String(finding.line)), ("col", String(finding.column)),
            ("endLine", String(max(finding.endLine, finding.line))), ("endColumn", String(finding.endColumn)),
            ("title", "\(finding.ruleId) (\(finding.severity.rawValue))"),
        ].map { "\($0)=\(escapeProperty($1))" }
        return "::\(command) \(properties.joined(separator: ","))::\(escapeData(finding.message))"
    }

    /// Escapes a message (the part after `::`).
    public static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// Escapes a property value (`file=`, `title=` ...).
    public static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
