import BackcheckModel
import BackcheckAnalysis
import BackcheckConfig
import BackcheckReport
import BackcheckRules
import BackcheckScan
import BackcheckStore
import BackcheckWalk
import Foundation

/// The one-shot full scan: walk the root, analyse every file on all cores, store the results in
/// batched transactions, close what disappeared, and report what is new and what was fixed.
public enum Auditor {
    /// The result of an audit: the report, the store's summary, and the settings used.
    public struct Outcome: Sendable {
        public var report: AuditReport
        public var summary: ScanSummary
        public var databasePath: String
        public var configuration: Configuration
        /// The rules the audit ran (for SARIF's rule descriptors).
        public var rules: [Rule]
    }

    public static func run(_ request: AuditRequest, toolVersion: String) async throws(AuditError) -> Outcome {
        let scanned: ScannedRoot
        let location: DatabaseLocation
        do {
            scanned = try ScannedRoot(path: request.root)
            location = try scanned.database(explicit: request.databasePath, environment: request.environment)
        } catch {
            throw .scan(error)
        }
        let baselineFile = try request.baselinePath.map { path throws(AuditError) in try BaselineFile(path: path) }
        let root = scanned.path
        let configuration = scanned.configuration
        let selection = scanned.selection

        do {
            let store = try FindingStore(location: location)
            let walk: WalkResult
            do {
                walk = try Walker(root: root, options: scanned.walkOptions).walk()
            } catch {
                throw AuditError.scan(.walk(error))
            }
            var reader = SourceReader(analyzer: FileAnalyzer(rules: selection.rules, secretKey: try store.secretKey()),
                                      configuration: configuration)
            // Functions of the root that return request data (a wrapper's `getParam(name)`)
            // make their calls sources in every file. Each analysis also says what its file
            // tells the others; the table of the last scan serves this pass, and the callers of
            // whatever changed in it are analysed again below.
            reader.analyzer.collectsSourceSummaries = true
            reader.summaryRules = selection.hash
            var storedSummaries: [String: FileSourceSummary?] = [:]
            for (path, json) in try store.summaryFacts(root: root) {
                if let stored = FileSourceSummary.stored(json, rules: selection.hash) { storedSummaries[path] = stored }
            }
            let previousTable = SourceSummaries(files: storedSummaries.values.compactMap { $0 })
            reader.analyzer.sourceSummaries = previousTable
            let rulePackHash = selection.hash
            let scan = try store.beginScan(root: root, kind: .audit, toolVersion: toolVersion, rulePackHash: rulePackHash)
            var schemaStep = SchemaStep(rules: selection.rules, root: root)
            reader.extractsSQL = schemaStep.isEnabled
            // Files whose bytes the same rules analysed before keep their findings.
            reader.knownHashes = try store.analysedHashes(root: root, rulePackHash: rulePackHash, toolVersion: toolVersion)
            var diagnostics = walk.diagnostics.map(\.description)
            var unusedSuppressions: [String] = []
            var skipped: [SkippedFile] = []
            var analyzed = 0
            var summaries: [String: FileSourceSummary?] = [:]
            var readPaths = Set<String>()
            /// Records a batch; a second look at a file (`recheck`) adds no counts or notes.
            func record(_ batch: [SourceReading], recheck: Bool) throws {
                    // The schema step needs whole results: unchanged files with SQL facts get
                    // theirs from the store.
                    let restore = batch.filter { $0.facts != nil && $0.result.outcome == .unchanged }.map(\.result.path)
                    let stored = restore.isEmpty ? [:] : try store.currentFindings(root: root, paths: restore)
                    try store.record(batch.compactMap { reading in
                        let result = reading.result
                        let whole = reading.facts != nil && result.outcome == .unchanged
                            ? schemaStep.restored(result, stored: stored[result.path] ?? []) : result
                        return schemaStep.take(whole, facts: reading.facts)
                    }, in: scan)
                    for reading in batch {
                        let result = reading.result
                        if let summary = reading.sourceSummary { summaries[result.path] = summary }
                        if case .skipped = result.outcome {} else { readPaths.insert(result.path) }
                        if recheck { continue }
                        for note in reading.diagnostics {
                            if note.kind == .unusedSuppression {
                                unusedSuppressions.append(note.description)
                            } else {
                                diagnostics.append(note.description)
                            }
                        }
                        if case .skipped(let reason) = result.outcome {
                            skipped.append(SkippedFile(path: result.path, reason: reason))
                        } else {
                            analyzed += 1
                        }
                    }
                    if !recheck { request.progress?(analyzed + skipped.count, walk.files.count) }
            }
            do {
                try await ParallelAnalysis.analyze(walk.files, reader: reader, parallelism: request.parallelism) { batch in
                    try record(batch, recheck: false)
                }
                let callers = callersToRecheck(walk.files, read: readPaths, summaries: summaries, stored: storedSummaries,
                                               previous: previousTable, into: &reader)
                if !callers.isEmpty {
                    try await ParallelAnalysis.analyze(callers, reader: reader, parallelism: request.parallelism) { batch in
                        try record(batch, recheck: true)
                    }
                }
                try store.record(schemaStep.finish(), in: scan)
            } catch let error as StoreError {
                try? store.failScan(scan)
                throw AuditError.scan(.store(error))
            }
            let summary = try store.finishScan(scan, complete: true)
            let newIds = Set(try store.newFindings(in: scan).map(\.id))
            let current = try store.findings(root: root, statuses: [.open, .reopened, .suppressed])
            let fixed = try store.fixedFindings(in: scan)
            let previous = try summary.previousScanId.flatMap { id in try store.scans(root: root).first { $0.id == id } }
            let baseline: AuditReport.Baseline = baselineFile.map { .file($0.path) }
                ?? previous.map { .previousAudit($0.startedAt) } ?? .none
            func isNew(_ stored: TrackedFinding) -> Bool {
                baselineFile.map { !$0.fingerprints.contains(stored.finding.fingerprint) } ?? newIds.contains(stored.id)
            }
            let report = AuditReport(
                root: root,
                findings: current.map { ReportedFinding($0, isNew: isNew($0)) },
                fixed: fixed.map { ReportedFinding($0) },
                filesAnalyzed: analyzed, skipped: skipped.sorted { $0.path < $1.path }, diagnostics: diagnostics,
                unusedSuppressions: unusedSuppressions.sorted(), baseline: baseline,
                trend: try store.trend(root: root, audits: 30), date: scan.startedAt
            )
            try? store.checkpoint()
            return Outcome(report: report, summary: summary, databasePath: location.path, configuration: configuration,
                           rules: selection.rules.rules.map(\.rule))
        } catch let error as AuditError {
            throw error
        } catch let error as StoreError {
            throw .scan(.store(error))
        } catch {
            throw .scan(.store(.cannotOpen(path: location.path, reason: "\(error)")))
        }
    }

    /// The files to analyse again once every file's summary is known: those whose calls may
    /// now reach a function whose summary changed since the last scan (their bytes name it),
    /// and those with no summary stored yet (analysed by an older backcheck). `reader` gets the
    /// new table and forgets known hashes, so they are analysed whatever their bytes.
    private static func callersToRecheck(_ files: [WalkedFile], read: Set<String>, summaries: [String: FileSourceSummary?],
                                         stored: [String: FileSourceSummary?], previous: SourceSummaries,
                                         into reader: inout SourceReader) -> [WalkedFile] {
        var all: [FileSourceSummary] = []
        var unknown = Set<String>()
        for path in read {
            if let summary = summaries[path] ?? stored[path] { summary.map { all.append($0) } } else { unknown.insert(path) }
        }
        let table = SourceSummaries(files: all)
        let changed = table.namesDiffering(from: previous)
        guard !changed.isEmpty || !unknown.isEmpty else { return [] }
        reader.analyzer.sourceSummaries = table
        reader.knownHashes = [:]
        let needles = changed.map { Array($0.utf8) }
        return files.filter { file in
            guard read.contains(file.relativePath) else { return false }
            if unknown.contains(file.relativePath) { return true }
            guard !needles.isEmpty, let data = try? Data(contentsOf: URL(fileURLWithPath: file.absolutePath)) else { return false }
            return needles.contains { data.range(of: Data($0)) != nil }
        }
    }
}
