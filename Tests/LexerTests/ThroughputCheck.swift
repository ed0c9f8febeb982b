import BackcheckLexer
import Foundation
import Testing

/// Prints lexing throughput per language; never asserts on time. Off unless asked for:
/// `BACKCHECK_LEXER_THROUGHPUT=1 swift test -c release --filter ThroughputCheck`
struct ThroughputCheck {
    static let enabled = ProcessInfo.processInfo.environment["BACKCHECK_LEXER_THROUGHPUT"] != nil

    @Test(.enabled(if: enabled))
    func printThroughput() {
        var totalBytes = 0
        var totalSeconds = 0.0
        for (language, sample) in ThroughputSamples.all {
            let unit = Array(sample.utf8)
            var corpus: [UInt8] = []
            corpus.reserveCapacity(8 << 20)
            while corpus.count < 8 << 20 { corpus += unit }
            var tokens = 0
            let clock = ContinuousClock()
            let elapsed = clock.measure {
                for _ in 0..<3 { tokens = Lexer.tokenize(corpus, language: language).tokens.count }
            }
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            totalBytes += 3 * corpus.count
            totalSeconds += seconds
            let rate = Double(3 * corpus.count) / seconds / 1e6
            print("\(language): \(String(format: "%.0f", rate)) MB/s, \(tokens) tokens in \(corpus.count) bytes")
        }
        print("all: \(String(format: "%.0f", Double(totalBytes) / totalSeconds / 1e6)) MB/s")
    }
}
