import BackcheckWalk
import Foundation

/// Analyses walked files on several workers and hands the readings back in batches on the
/// calling task, which is where the store's one writer records them.
public enum ParallelAnalysis {
    /// Files per batch: large enough to amortise a store transaction, small enough to keep
    /// memory flat and let a concurrent reader in.
    public static let batchSize = 128

    /// One worker per active core.
    public static var defaultParallelism: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// Reads `files` with `reader` on `parallelism` workers and hands each batch of readings to
    /// `record` as batches complete.
    public static func analyze(
        _ files: [WalkedFile], reader: SourceReader, parallelism: Int,
        record: ([SourceReading]) throws -> Void
    ) async throws {
        let batches = stride(from: 0, to: files.count, by: batchSize).map { Array(files[$0..<min($0 + batchSize, files.count)]) }
        try await withThrowingTaskGroup(of: [SourceReading].self) { group in
            var next = 0
            func submit() {
                guard next < batches.count else { return }
                let batch = batches[next]
                next += 1
                group.addTask { batch.map(reader.reading(of:)) }
            }
            for _ in 0..<parallelism { submit() }
            while let readings = try await group.next() {
                submit()
                try record(readings)
            }
        }
    }
}
