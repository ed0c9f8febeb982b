import BackcheckAnalysis
import BackcheckLexer
import BackcheckRules
import BackcheckWalk
import Foundation
import Testing
import TestSupport
import BackcheckModel

/// The built-in pack against realistic code: zero findings on the precision corpus (correct
/// code for every framework), and exactly the marked findings on the vulnerable corpus, where a
/// comment `expect: <rule-id>` on a line says that finding must start there.
@Suite struct CorpusTests {
    static let corpus = TestSupport.packageRoot.appendingPathComponent("Tests/Corpus")
    static let analyzer: FileAnalyzer = {
        do { return FileAnalyzer(rules: try RuleSet.builtIn(), secretKey: Array(repeating: 3, count: 32)) } catch { fatalError("\(error)") }
    }()

    /// The corpus files under `folder` with the role an audit would give them (the corpus's
    /// test files are tests, as in a repository).
    static func files(in folder: String) -> [(path: String, language: Language, role: FileRole, bytes: [UInt8])] {
        let root = corpus.appendingPathComponent(folder)
        let roles = FileRoleClassifier()
        var files: [(String, Language, FileRole, [UInt8])] = []
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        for case let url as URL in walker {
            guard let language = Language.forExtension(url.pathExtension), let data = FileManager.default.contents(atPath: url.path) else { continue }
            let path = String(url.path.dropFirst(root.path.count + 1))
            let bytes = Array(data)
            files.append((path, language, roles.classify(path: path, language: language, bytes: bytes).role, bytes))
        }
        return files.sorted { $0.0 < $1.0 }
    }

    /// The daemon shares one file's rules among threads; the findings (and their order, messages
    /// and fingerprints) must be those of one thread, on every file of both corpora.
    @Test func rulesOnSeveralThreadsFindWhatOneThreadFinds() {
        var threaded = Self.analyzer
        threaded.ruleWorkers = 4
        var compared = 0
        for file in Self.files(in: "vulnerable") + Self.files(in: "precision") {
            let one = Self.analyzer.analyze(path: file.path, bytes: file.bytes, language: file.language, role: file.role)
            let many = threaded.analyze(path: file.path, bytes: file.bytes, language: file.language, role: file.role)
            #expect(many.findings == one.findings, "\(file.path)")
            #expect(many.diagnostics.map(\.description) == one.diagnostics.map(\.description), "\(file.path)")
            compared += one.findings.count
        }
        #expect(compared > 100)
    }

    @Test func precisionCorpusHasNoFindings() {
        let files = Self.files(in: "precision")
        let lines = files.reduce(0) { $0 + $1.bytes.filter { $0 == UInt8(ascii: "\n") }.count }
        var wrong: [String] = []
        for file in files {
            for finding in Self.analyzer.analyze(path: file.path, bytes: file.bytes, language: file.language, role: file.role).findings {
                wrong.append("\(file.path):\(finding.line) \(finding.ruleId): \(finding.snippet)")
            }
        }
        print("precision corpus: \(files.count) files, \(lines) lines, \(wrong.count) findings")
        #expect(wrong.isEmpty, "correct code was flagged:\n\(wrong.joined(separator: "\n"))")
    }

    @Test func vulnerableCorpusHasExactlyTheMarkedFindings() {
        var expected = Set<String>()
        var actual = Set<String>()
        for file in Self.files(in: "vulnerable") {
            let lexed = LexedFile(bytes: file.bytes, language: file.language)
            for comment in lexed.buffer.comments {
                let text = String(decoding: file.bytes[comment.range], as: UTF8.self)
                guard let marker = text.range(of: "expect:") else { continue }
                let ids = text[marker.upperBound...].split(whereSeparator: { $0 == "," || $0.isWhitespace })
                    .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "*/#->}")) }
                    .filter { $0.split(separator: "/").count == 2 }
                for id in ids { expected.insert("\(file.path):\(comment.line) \(id)") }
            }
            for finding in Self.analyzer.analyze(path: file.path, bytes: file.bytes, language: file.language, role: file.role).findings
            where finding.suppression == nil {
                actual.insert("\(file.path):\(finding.line) \(finding.ruleId)")
            }
        }
        let found = expected.intersection(actual).count
        let precision = actual.isEmpty ? 1 : Double(found) / Double(actual.count)
        let recall = expected.isEmpty ? 1 : Double(found) / Double(expected.count)
        print(String(format: "vulnerable corpus: %d expected, %d reported, precision %.3f, recall %.3f", expected.count, actual.count, precision, recall))
        #expect(actual.subtracting(expected).isEmpty, "unexpected findings:\n\(actual.subtracting(expected).sorted().joined(separator: "\n"))")
        #expect(expected.subtracting(actual).isEmpty, "missed findings:\n\(expected.subtracting(actual).sorted().joined(separator: "\n"))")
    }
}
