import BackcheckAnalysis
import BackcheckSQL
import BackcheckWalk
import Foundation

/// Reads one walked file and analyses it, turning every I/O problem into a skipped result so a
/// bad file never stops an audit (or the daemon).
public struct SourceReader: Sendable {
    public var analyzer: FileAnalyzer
    let maxFileSize: Int
    /// Whether to extract SQL facts (DDL, queries) for the schema step.
    public var extractsSQL = false
    /// The content hashes of files analysed before under the same rules, by path: a file that
    /// still hashes the same is not analysed again (its result is `.unchanged`), unless it has
    /// suppression comments.
    public var knownHashes: [String: String] = [:]
    /// Whether an unchanged file's result comes with its SQL facts: the audit's schema step needs
    /// them; the daemon has them from earlier batches or the store.
    public var factsOfUnchangedFiles = true

    public init(analyzer: FileAnalyzer, maxFileSize: Int) {
        self.analyzer = analyzer
        self.maxFileSize = maxFileSize
    }

    /// What reading and analysing `file` gave.
    public func reading(of file: WalkedFile) -> SourceReading {
        func skipped(_ reason: String, hash: String? = nil) -> FileResult {
            var result = FileResult(path: file.relativePath, language: nil, size: Int64(file.size),
                                    mtimeNanoseconds: file.modificationTimeNanoseconds, inode: file.inode,
                                    contentHash: hash, outcome: .skipped(reason: reason))
            result.sqlFacts = .replace(nil)
            return result
        }
        guard case .source(let language) = file.classification else {
            if case .skipped(let reason) = file.classification { return SourceReading(result: skipped(reason)) }
            return SourceReading(result: skipped("unknown"))
        }
        let bytes: [UInt8]
        do {
            bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file.absolutePath), options: .uncached))
        } catch {
            let reason = "could not be read (\((error as NSError).localizedDescription))"
            return SourceReading(result: skipped(reason), diagnostics: [
                AnalysisDiagnostic(path: file.relativePath, line: nil, message: reason, kind: .unreadable)])
        }
        // The file may have grown between the walk and the read.
        guard bytes.count <= maxFileSize else {
            return SourceReading(result: skipped("too large (\(bytes.count) bytes > \(maxFileSize))"))
        }
        let hash = Hex.sha256(bytes)
        func facts() -> SQLFileFacts? {
            extractsSQL ? SQLFactExtractor.extract(path: file.relativePath, bytes: bytes, language: language) : nil
        }
        // Files with suppression comments are analysed anyway: only an analysis reports an
        // unused one.
        if knownHashes[file.relativePath] == hash, !FileAnalyzer.hasSuppressionMarkers(bytes) {
            let result = FileResult(path: file.relativePath, language: language.rawValue, size: Int64(bytes.count),
                                    mtimeNanoseconds: file.modificationTimeNanoseconds, inode: file.inode,
                                    contentHash: hash, outcome: .unchanged)
            // Extracting the facts again costs less than decoding the stored ones.
            return SourceReading(result: result, facts: factsOfUnchangedFiles ? facts() : nil)
        }
        let facts = facts()
        let analysis = analyzer.analyze(path: file.relativePath, bytes: bytes, language: language)
        var result = FileResult(path: file.relativePath, language: language.rawValue, size: Int64(bytes.count),
                                mtimeNanoseconds: file.modificationTimeNanoseconds, inode: file.inode,
                                contentHash: hash, outcome: .analyzed(analysis.findings))
        if extractsSQL { result.sqlFacts = .replace(facts?.json) }
        return SourceReading(result: result, diagnostics: analysis.diagnostics, facts: facts)
    }
}

/// What reading one file gave: its result for the store, the problems met on the way, and its
/// SQL facts for the schema step (nil when it holds none, or none were asked for).
public struct SourceReading: Sendable {
    public var result: FileResult
    public var diagnostics: [AnalysisDiagnostic] = []
    public var facts: SQLFileFacts?
}
