import Yams

/// YAML text composed into its root node, with Yams's errors turned into a `YAMLFileError` at
/// the line they name.
package enum YAMLDocument {
    /// How much of Yams's report on a syntax error the message carries.
    package enum Detail: Sendable {
        /// The problem alone, e.g. "could not find expected ':'".
        case problem
        /// Yams's whole report: position, context, problem and the offending line quoted.
        case report
    }

    /// The root node of `text`, or nil when the document is empty.
    package static func compose(_ text: String, file: String, detail: Detail) throws(YAMLFileError) -> Node? {
        do {
            return try Yams.compose(yaml: text)
        } catch let error as YamlError {
            let explanation = detail == .problem ? problem(of: error) : "\(error)"
            throw YAMLFileError(file: file, line: line(of: error), message: "invalid YAML: \(explanation)")
        } catch {
            throw YAMLFileError(file: file, line: nil, message: "invalid YAML: \(error)")
        }
    }

    private static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark.line
        default: nil
        }
    }

    private static func problem(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): problem
        default: "\(error)"
        }
    }
}
