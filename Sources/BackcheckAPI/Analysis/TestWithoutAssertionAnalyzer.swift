import BackcheckRules
import Foundation

/// A test that sends a request through a test client, or prints what it computed, and asserts
/// nothing: it passes whatever the code returns (unless it throws). Other tests that assert
/// nothing are left alone: most often they are deliberate smoke tests (the context loads, a
/// parser does not crash), which their authors meant. So is a test whose name says that what it
/// checks is that nothing throws (`shouldNotThrowWhenDeletingAMissingKey`,
/// `test_parse_does_not_raise`): it passes unless the code throws, and that is its check.
struct TestWithoutAssertionAnalyzer: APIAnalyzer {
    /// Lower-cased, letters only.
    private static let noThrowNames = ["notthrow", "nothrow", "noexception", "notraise", "noraise", "noerror", "notcrash",
                                       "nocrash", "withoutthrowing", "withouterror", "withoutexception", "notfail"]

    func problems(in context: APIContext, rule: Rule) -> [APIProblem] {
        context.facts.flatMap { file in
            (file.tests?.tests ?? []).compactMap { test -> APIProblem? in
                guard !test.hasAssertion, !Self.namesANoThrowCheck(test.name) else { return nil }
                let detail: String
                if let request = test.requests.first {
                    detail = "requests \(request.method == "*" ? "" : request.method + " ")\(request.path)"
                } else if !(test.unresolvedRequests ?? []).isEmpty {
                    detail = "requests a route"
                } else if test.prints == true {
                    detail = "prints what it computed"
                } else {
                    return nil
                }
                return APIProblem(path: file.path, line: test.line, column: test.column, identity: "\(test.framework):\(test.name)",
                                  route: test.name, detail: detail)
            }
        }
    }

    private static func namesANoThrowCheck(_ name: String) -> Bool {
        let letters = String(name.lowercased().filter { $0.isLetter })
        // `doesNotThrow`, `does_not_raise`, `doesn't crash`: "does" and "n't" fold into the words above.
        let folded = letters.replacingOccurrences(of: "doesnt", with: "not").replacingOccurrences(of: "dont", with: "not")
        return noThrowNames.contains { folded.contains($0) }
    }
}
