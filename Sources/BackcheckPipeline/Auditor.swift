import BackcheckAnalysis
import BackcheckConfig
import BackcheckReport
import BackcheckRules
import BackcheckSQL
import BackcheckStore
import BackcheckWatch
import Foundation

/// The one-shot full scan: walk the root, analyse every file on all cores, store the results in
/// batched transactions, close what disappeared, and report what is new and what was fixed.
public enum Auditor {
    /// Files per store transaction: large enough to amortise the commit, small enough to keep
    /// memory flat and let a concurrent reader in.
    static let batchSize = 128

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
        let root = try canonicalRoot(request.root)
        let baselineFile = try request.baselinePath.map { path throws(AuditError) in try BaselineFile(path: path) }
        let configuration: Configuration
        do {
            configuration = try ConfigLoader.load(repositoryRoot: root)
        } catch {
            throw .configuration(error)
        }
        let selection = try RuleSelection(configuration: configuration, root: root)
        let location = DatabaseLocation.resolve(explicit: request.databasePath ?? configuration.database,
                                                environment: request.environment)
        try ensureOutside(root: root, database: location)

        do {
            let store = try FindingStore(location: location)
            let analyzer = FileAnalyzer(rules: selection.rules, secretKey: try store.secretKey())
            let walk: WalkResult
            do {
                walk = try Walker(root: root, options: WalkOptions(
                    maxFileSize: configuration.maxFileSize, excludes: configuration.exclude,
                    includes: configuration.include, languageOverrides: configuration.languages)).walk()
            } catch {
                throw AuditError.walk(error)
            }
            let scan = try store.beginScan(root: root, kind: .audit, toolVersion: toolVersion, rulePackHash: selection.hash)
            var schemaStep = SchemaStep(rules: selection.rules, root: root)
            var reader = SourceReader(analyzer: analyzer, maxFileSize: configuration.maxFileSize)
            reader.extractsSQL = schemaStep.isEnabled
            // Files whose bytes the same rules analysed before keep their findings.
            reader.knownHashes = try store.analysedHashes(root: root, rulePackHash: selection.hash, toolVersion: toolVersion)
            var diagnostics = walk.diagnostics.map(\.description)
            var unusedSuppressions: [String] = []
            var skipped: [(path: String, reason: String)] = []
            var analyzed = 0
            do {
                try await analyze(walk.files, reader: reader, parallelism: request.parallelism) { batch in
                    // The schema step needs whole results: unchanged files with SQL facts get
                    // theirs from the store.
                    let restore = batch.filter { $0.2 != nil && $0.0.outcome == .unchanged }.map(\.0.path)
                    let stored = restore.isEmpty ? [:] : try store.currentFindings(root: root, paths: restore)
                    try store.record(batch.compactMap { result, _, facts in
                        let whole = facts != nil && result.outcome == .unchanged
                            ? schemaStep.restored(result, stored: stored[result.path] ?? []) : result
                        return schemaStep.take(whole, facts: facts)
                    }, in: scan)
                    for (result, notes, _) in batch {
                        for note in notes {
                            if note.kind == .unusedSuppression {
                                unusedSuppressions.append(note.description)
                            } else {
                                diagnostics.append(note.description)
                            }
                        }
                        if case .skipped(let reason) = result.outcome {
                            skipped.append((result.path, reason))
                        } else {
                            analyzed += 1
                        }
                    }
                    request.progress?(analyzed + skipped.count, walk.files.count)
                }
                try store.record(schemaStep.finish(), in: scan)
            } catch let error as StoreError {
                try? store.failScan(scan)
                throw AuditError.store(error)
            }
            let summary = try store.finishScan(scan, complete: true)
            let newIds = Set(try store.newFindings(in: scan).map(\.id))
            let current = try store.findings(root: root, statuses: [.open, .reopened, .suppressed])
            let fixed = try store.fixedFindings(in: scan)
            let previous = try summary.previousScanId.flatMap { id in try store.scans(root: root).first { $0.id == id } }
            let baseline: AuditReport.Baseline = baselineFile.map { .file($0.path) }
                ?? previous.map { .previousAudit($0.startedAt) } ?? .none
            func isNew(_ stored: StoredFinding) -> Bool {
                baselineFile.map { !$0.fingerprints.contains(stored.finding.fingerprint) } ?? newIds.contains(stored.id)
            }
            let report = AuditReport(
                root: root,
                findings: current.map { ReportedFinding(finding: $0.finding, status: $0.status.rawValue, isNew: isNew($0)) },
                fixed: fixed.map { ReportedFinding(finding: $0.finding, status: $0.status.rawValue, isNew: false) },
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
            throw .store(error)
        } catch {
            throw .store(.cannotOpen(path: location.path, reason: "\(error)"))
        }
    }

    /// Analyses files with `parallelism` workers and hands results to `record` in batches, on
    /// the calling task (the store has one writer).
    static func analyze(
        _ files: [WalkedFile], reader: SourceReader, parallelism: Int,
        record: ([(FileResult, [AnalysisDiagnostic], SQLFileFacts?)]) throws -> Void
    ) async throws {
        try await process(files, parallelism: parallelism, transform: reader.result(for:), receive: record)
    }

    /// Applies `transform` to files with `parallelism` workers, in batches of ``batchSize``, and
    /// hands each batch's values to `receive` on the calling task as batches complete.
    static func process<Value: Sendable>(
        _ files: [WalkedFile], parallelism: Int, transform: @escaping @Sendable (WalkedFile) -> Value,
        receive: ([Value]) throws -> Void
    ) async throws {
        let batches = stride(from: 0, to: files.count, by: batchSize).map { Array(files[$0..<min($0 + batchSize, files.count)]) }
        try await withThrowingTaskGroup(of: [Value].self) { group in
            var next = 0
            func submit() {
                guard next < batches.count else { return }
                let batch = batches[next]
                next += 1
                group.addTask { batch.map(transform) }
            }
            for _ in 0..<parallelism { submit() }
            while let values = try await group.next() {
                submit()
                try receive(values)
            }
        }
    }

    static func canonicalRoot(_ path: String) throws(AuditError) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .rootNotFound(path)
        }
        return URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    static func ensureOutside(root: String, database: DatabaseLocation) throws(AuditError) {
        let directory = URL(fileURLWithPath: database.directory).standardizedFileURL.resolvingSymlinksInPath().path
        if directory == root || directory.hasPrefix(root + "/") {
            throw .databaseInsideRoot(database: database.path, root: root)
        }
    }
}
