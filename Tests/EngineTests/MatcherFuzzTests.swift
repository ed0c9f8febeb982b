import BackcheckAnalysis
import BackcheckLexer
import BackcheckRules
import Foundation
import Testing
import TestSupport
import BackcheckModel

/// Random and truncated input through the whole analysis, and random patterns through the
/// matcher: nothing may crash, hang, or report a position outside the file.
@Suite struct MatcherFuzzTests {
    static let alphabet = Array("abcXY_$.,;:()[]{}<>\"'`#/\\*-+=!?@%&| \n\r\t0123456789...${}#{}\\(".utf8) + [0x00, 0xC3, 0xA9, 0xFF, 0xE2, 0x86]

    static func sampleFiles() -> [(Language, [UInt8])] {
        let root = TestSupport.packageRoot.appendingPathComponent("Examples/shop-backend")
        var files: [(Language, [UInt8])] = []
        if let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) {
            for case let url as URL in walker {
                if let language = Language.forExtension(url.pathExtension), let data = FileManager.default.contents(atPath: url.path) {
                    files.append((language, Array(data)))
                }
            }
        }
        return files
    }

    func checkInvariants(_ findings: [Finding], bytes: [UInt8]) {
        let lines = bytes.filter { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }.count + 1
        for finding in findings {
            #expect(finding.line >= 1 && finding.line <= lines)
            #expect(finding.endLine >= finding.line)
            #expect(finding.column >= 1)
        }
    }

    @Test func randomBytesThroughTheWholePack() throws {
        let analyzer = FileAnalyzer(rules: try RuleSet.builtIn(), secretKey: [1, 2, 3])
        var random = SplitMix64(state: 42)
        for round in 0..<600 {
            let length = random.below(1500)
            let bytes = (0..<length).map { _ in Self.alphabet[random.below(Self.alphabet.count)] }
            let language = Language.allCases[round % Language.allCases.count]
            let result = analyzer.analyze(path: "fuzz", bytes: bytes, language: language, role: .source)
            checkInvariants(result.findings, bytes: bytes)
        }
    }

    @Test func everyTruncationOfTheSampleFiles() throws {
        let analyzer = FileAnalyzer(rules: try RuleSet.builtIn(), secretKey: [1, 2, 3])
        for (language, bytes) in Self.sampleFiles() {
            for cut in stride(from: 0, through: bytes.count, by: max(1, bytes.count / 120)) {
                let prefix = Array(bytes[..<cut])
                checkInvariants(analyzer.analyze(path: "cut", bytes: prefix, language: language, role: .source).findings, bytes: prefix)
            }
        }
    }

    @Test func randomPatternsAgainstRandomCode() throws {
        var random = SplitMix64(state: 7)
        let pieces = ["$X", "$Y", "...", "(", ")", "[", "]", "{", "}", ",", ".", "=", "\"...\"", "\"$S\"", "f", "g", "a", "+", "'x'"]
        for round in 0..<300 {
            let pattern = (0..<(1 + random.below(8))).map { _ in pieces[random.below(pieces.count)] }.joined(separator: " ")
            let language = Language.allCases[round % (Language.allCases.count - 1)]
            let yaml = """
            id: logging/fuzz
            checklist: logging
            severity: low
            languages: [\(language.rawValue)]
            message: m
            pattern: '\(pattern.replacingOccurrences(of: "'", with: "''"))'
            """
            guard let rule = try? TestSupport.rule(yaml) else { continue }
            let code = (0..<random.below(400)).map { _ in Self.alphabet[random.below(Self.alphabet.count)] }
            var analyzer = FileAnalyzer(rules: RuleSet(rules: [rule]), secretKey: [9])
            analyzer.budgetPerToken = 50
            checkInvariants(analyzer.analyze(path: "p", bytes: code, language: language, role: .source).findings, bytes: code)
        }
    }
}
