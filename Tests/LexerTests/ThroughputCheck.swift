import BackcheckLexer
import Foundation
import Testing

/// Prints lexing throughput (bytes per CPU second) per language; never asserts on time. Off unless asked for:
/// `BACKCHECK_LEXER_THROUGHPUT=1 swift test -c release --filter ThroughputCheck`
struct ThroughputCheck {
    static let enabled = ProcessInfo.processInfo.environment["BACKCHECK_LEXER_THROUGHPUT"] != nil

    @Test(.enabled(if: enabled))
    func printThroughput() {
        var totalBytes = 0
        var totalSeconds = 0.0
        for (language, sample) in ThroughputSamples.all {
            // Source files are lexed one at a time, so measure file-sized inputs (~32 KiB), not one
            // huge buffer whose token array would mostly measure page faults.
            let unit = Array(sample.utf8)
            var file: [UInt8] = []
            while file.count < 32 << 10 { file += unit }
            let rounds = (24 << 20) / file.count
            var tokens = 0
            // Thread CPU time, so the figure holds on a machine busy with other builds.
            let before = Self.threadCPUSeconds()
            for _ in 0..<rounds { tokens &+= Lexer.tokenize(file, language: language).tokens.count }
            let seconds = Self.threadCPUSeconds() - before
            totalBytes += rounds * file.count
            totalSeconds += seconds
            let rate = Double(rounds * file.count) / seconds / 1e6
            print("\(language): \(String(format: "%.0f", rate)) MB/s, \(tokens / rounds) tokens per \(file.count)-byte file")
        }
        print("all: \(String(format: "%.0f", Double(totalBytes) / totalSeconds / 1e6)) MB/s")
    }

    static func threadCPUSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}
