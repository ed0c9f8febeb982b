import BackcheckModel
import BackcheckRules

/// One example's code as the example runner analyses and mutates it: a first line that must stay
/// first (PHP's open tag, added when the example has none), the body after it, and where the
/// `↓` markers stood.
struct ExampleCode {
    let language: Language
    let header: String
    let body: String
    /// Where each marker stood in ``text``.
    let markers: [SourcePosition]

    init(_ example: Example, language: Language) {
        let stripped = example.stripped
        let code = stripped.code, offsets = stripped.markers
        let openTag = "<?php\n"
        self.language = language
        if language == .php, !code.contains("<?php") {
            header = openTag
            body = code
        } else if language == .php, code.hasPrefix(openTag) {
            header = openTag
            body = String(code.dropFirst(openTag.count))
        } else {
            header = ""
            body = code
        }
        let text = Array((header + body).utf8)
        // An added open tag moves every marker; one split off the example's own code does not.
        let added = text.count - code.utf8.count
        let lines = LineStarts(text)
        markers = offsets.map { lines.position(ofByte: $0 + added, in: text) }
    }

    /// The code as the example says it.
    var text: String { header + body }

    /// The body after a line holding a comment with multibyte characters.
    var afterMultibyteLine: String { header + comment(" ünïcödé ✓") + "\n" + body }

    /// The code with a `backcheck:ignore` comment for `ruleId` above each of `lines`.
    func underIgnore(_ ruleId: String, lines: [Int]) -> String {
        var codeLines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for line in Set(lines).sorted(by: >) where line >= 1 && line <= codeLines.count {
            codeLines.insert(comment(" backcheck:ignore \(ruleId) -- example"), at: line - 1)
        }
        return codeLines.joined(separator: "\n")
    }

    /// Every line of the body commented out.
    var commentedOut: String {
        header + body.split(separator: "\n", omittingEmptySubsequences: false).map { comment(" " + $0) }.joined(separator: "\n")
    }

    /// A line comment holding `text`.
    private func comment(_ text: String) -> String {
        switch language {
        case .python, .ruby: "#" + text
        case .sql: "--" + text
        default: "//" + text
        }
    }
}
