import BackcheckAnalysis
import BackcheckScan
import BackcheckStore
import BackcheckWalk

/// The root-wide table of functions returning request data (cross-file taint summaries), kept
/// current file by file: when a save changes what a file tells the rest of the root, every file
/// is analysed again, since any of them may call the function.
extension WatchedRoot {
    /// What files are analysed under: the rules and the current summary table.
    var analysisHash: String { selection.hash(with: summaries) }

    /// Rebuilds the table from every file of the tree: the summaries the store holds for files
    /// unchanged since they were recorded, the others read.
    mutating func summarizeAll(reader: SourceReader, store: FindingStore, parallelism: Int) async throws {
        let walk = try walker.walk(subtree: "", entering: { _ in })
        var summaries: [String: FileSourceSummary] = [:]
        let reusing = try SourceReader.reusableSummaries(of: walk.files, root: path, rules: selection.hash, store: store)
        let collected = await reader.sourceSummariesByPath(of: walk.files, parallelism: parallelism, reusing: reusing)
        for entry in collected { summaries[entry.path] = entry.summary }
        fileSummaries = summaries
        self.summaries = SourceSummaries(files: Array(summaries.values))
    }

    /// Updates the summaries of the files at `paths` (missing ones are dropped); whether the
    /// root-wide table changed.
    mutating func resummarize(_ paths: Set<String>, reader: SourceReader) -> Bool {
        let found = walker.files(relativePaths: paths.sorted())
        for path in paths {
            fileSummaries[path] = found[path].flatMap(reader.sourceSummary(of:))
        }
        let table = SourceSummaries(files: Array(fileSummaries.values))
        guard table != summaries else { return false }
        summaries = table
        return true
    }
}
