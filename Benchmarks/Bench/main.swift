import BackcheckAnalysis
import BackcheckLexer
import BackcheckRules
import BackcheckSQL
import Foundation
import BackcheckModel

// In-process throughput of the lexer and of per-file analysis over a corpus held in memory,
// each reported beside a baseline (a plain byte scan of the same buffers) measured in the same
// run, because absolute numbers on shared machines are noise. Run through scripts/bench.sh.

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    print("usage: backcheck-bench CORPUS_DIR [REPETITIONS] | backcheck-bench --schema DUMP.sql [REPETITIONS]")
    exit(2)
}
if arguments[1] == "--schema", arguments.count >= 3 {
    SchemaBench.run(path: arguments[2], repetitions: arguments.count > 3 ? Int(arguments[3]) ?? 3 : 3)
    exit(0)
}
let repetitions = arguments.count > 2 ? Int(arguments[2]) ?? 3 : 3

var files: [(language: Language, bytes: [UInt8])] = []
let root = URL(fileURLWithPath: arguments[1])
if let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) {
    for case let url as URL in walker {
        guard let language = Language.forExtension(url.pathExtension),
              let data = FileManager.default.contents(atPath: url.path) else { continue }
        files.append((language, Array(data)))
    }
}
let totalBytes = files.reduce(0) { $0 + $1.bytes.count }
let megabytes = Double(totalBytes) / 1_048_576
print(String(format: "corpus: %d files, %.1f MiB", files.count, megabytes))

/// Best wall time of `repetitions` runs of `body`.
func best(_ body: () -> Int) -> (seconds: Double, result: Int) { bestOf(repetitions, body) }

let baseline = best {
    var lines = 0
    for file in files {
        file.bytes.withUnsafeBufferPointer { buffer in
            for byte in buffer where byte == 10 { lines += 1 }
        }
    }
    return lines
}
let lexing = best {
    var tokens = 0
    for file in files { tokens += Lexer.tokenize(file.bytes, language: file.language).tokens.count }
    return tokens
}
print(String(format: "byte scan (baseline): %8.1f MB/s", megabytes / baseline.seconds))
print(String(format: "lexer:                %8.1f MB/s  (%.1fx the baseline's time, %d tokens)",
             megabytes / lexing.seconds, lexing.seconds / baseline.seconds, lexing.result))

// BENCH_RULE_PREFIXES=a/,b/x limits the pack to rules whose ids start with one of the prefixes,
// to compare packs with the same engine.
let prefixes = ProcessInfo.processInfo.environment["BENCH_RULE_PREFIXES"]?.split(separator: ",").map(String.init) ?? []
let fullPack = try RuleSet.builtIn()
let rules = prefixes.isEmpty ? fullPack : RuleSet(rules: fullPack.rules.filter { rule in prefixes.contains { rule.rule.id.hasPrefix($0) } })
let analyzer = FileAnalyzer(rules: rules, secretKey: Array(repeating: 7, count: 32))
/// Every file analysed with `analyzer`, one after another; the number of findings.
@MainActor func analyzeAll(with analyzer: FileAnalyzer) -> Int {
    var findings = 0
    for (index, file) in files.enumerated() {
        findings += analyzer.analyze(path: "f\(index)", bytes: file.bytes, language: file.language, role: .source).findings.count
    }
    return findings
}
let analysis = best { analyzeAll(with: analyzer) }
print(String(format: "lex + %d rules:       %8.1f MB/s  (%.1fx the baseline's time, %d findings, one core)",
             rules.rules.count, megabytes / analysis.seconds, analysis.seconds / baseline.seconds, analysis.result))

// The daemon's case: each file's rules shared by every core (`FileAnalyzer.ruleWorkers`), files
// one after another, as when a save is a batch of one file.
var shared = analyzer
shared.ruleWorkers = ProcessInfo.processInfo.activeProcessorCount
let sharedAnalysis = best { analyzeAll(with: shared) }
print(String(format: "  rules on %d threads: %8.1f MB/s  (%.2fx the one-thread time, %d findings)",
             shared.ruleWorkers, megabytes / sharedAnalysis.seconds, sharedAnalysis.seconds / analysis.seconds,
             sharedAnalysis.result))

// Per-rule cost, slowest first: where to look when the pack gets slower.
if ProcessInfo.processInfo.environment["BENCH_RULES"] != nil {
    var costs: [(String, Double)] = []
    for rule in rules.rules {
        let single = FileAnalyzer(rules: RuleSet(rules: [rule]), secretKey: [7])
        let start = DispatchTime.now().uptimeNanoseconds
        for (index, file) in files.enumerated() where rule.rule.languages.contains(file.language) {
            _ = single.analyze(path: "f\(index)", bytes: file.bytes, language: file.language, role: .source)
        }
        costs.append((rule.rule.id, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
    }
    for (id, seconds) in costs.sorted(by: { $0.1 > $1.1 }).prefix(15) {
        print(String(format: "  %7.2f s  %@", seconds, id))
    }
}
