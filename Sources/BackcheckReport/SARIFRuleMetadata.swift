import BackcheckRules
import BackcheckModel

/// How backcheck's severities and confidences read in SARIF and on GitHub code scanning.
extension Severity {
    /// SARIF `level`: critical and high are errors, medium a warning, low and info notes.
    var sarifLevel: String {
        switch self {
        case .critical, .high: "error"
        case .medium: "warning"
        case .low, .info: "note"
        }
    }

    /// GitHub's `security-severity` score (critical > 9, high 7-8.9, medium 4-6.9, low < 4).
    var securityScore: String {
        switch self {
        case .critical: "9.5"
        case .high: "8.0"
        case .medium: "5.5"
        case .low: "3.0"
        case .info: "1.0"
        }
    }
}

extension Rule {
    /// The rule's message as a one-line description: metavariables become "…".
    var shortDescription: String {
        var text = message.replacingOccurrences(of: #"`?\$[A-Z_][A-Z0-9_]*`?"#, with: "…", options: .regularExpression)
        if let end = text.firstIndex(of: ";") ?? text.firstIndex(of: "\n") { text = String(text[..<end]) }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// SARIF tags: the checklist item, `security` for security items, and CWE / OWASP references
    /// in GitHub's `external/...` form.
    var sarifTags: [String] {
        var tags = [checklist.rawValue]
        if [.inputValidation, .auth, .sensitiveData, .logging, .errorHandling].contains(checklist) { tags.append("security") }
        tags += cwe.map { "external/cwe/" + $0.lowercased() }
        tags += owasp.map { "external/owasp/" + $0 }
        return tags
    }
}
