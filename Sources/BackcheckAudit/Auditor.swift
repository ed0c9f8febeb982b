import BackcheckModel
import BackcheckAnalysis
import BackcheckAPI
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
            reader.thirdPartyDirectories = walk.thirdPartyDirectories
            // A first pass finds the root's functions that return request data (a wrapper's
            // `getParam(name)`), so their calls are sources in every file.
            let reusing = try SourceReader.reusableSummaries(of: walk.files, root: root, rules: selection.hash, store: store)
            let summaries = await reader.sourceSummariesByPath(of: walk.files, parallelism: request.parallelism, reusing: reusing)
            reader.summaryRules = selection.hash
            reader.analyzer.sourceSummaries = SourceSummaries(files: summaries.compactMap(\.summary))
            for entry in summaries {
                reader.summariesToStore[entry.path] = .some(entry.summary)
                if entry.isNew { reader.newSummaryPaths.insert(entry.path) }
            }
            let rulePackHash = selection.hash(with: reader.analyzer.sourceSummaries)
            let scan = try store.beginScan(root: root, kind: .audit, toolVersion: toolVersion, rulePackHash: rulePackHash)
            var projectStep = ProjectStep(rules: selection.rules, root: root, settings: APISettings(ignore: configuration.apiIgnore, services: configuration.apiServices))
            reader.extractsSQL = projectStep.needsSQL
            reader.extractsAPI = projectStep.needsAPI
            // Files whose bytes the same rules (and the same summaries) analysed before keep their findings.
            reader.knownHashes = try store.analysedHashes(root: root, rulePackHash: rulePackHash, toolVersion: toolVersion)
            var diagnostics = walk.diagnostics.map(\.description)
            var unusedSuppressions: [String] = []
            var skipped: [SkippedFile] = []
            var analyzed = 0
            var languages = Set<String>()
            var checked = Set<ChecklistItem>()
            do {
                try await ParallelAnalysis.analyze(walk.files, reader: reader, parallelism: request.parallelism) { batch in
                    // The project step needs whole results: unchanged files with facts get
                    // theirs from the store.
                    let restore = batch.filter { $0.facts != nil && $0.result.outcome == .unchanged }.map(\.result.path)
                    let stored = restore.isEmpty ? [:] : try store.currentFindings(root: root, paths: restore)
                    try store.record(batch.compactMap { reading in
                        let result = reading.result
                        let whole = reading.facts != nil && result.outcome == .unchanged
                            ? projectStep.restored(result, stored: stored[result.path] ?? []) : result
                        return projectStep.take(whole, facts: reading.facts)
                    }, in: scan)
                    for reading in batch {
                        let result = reading.result
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
                            if let language = result.language { languages.insert(language) }
                        }
                    }
                    request.progress?(analyzed + skipped.count, walk.files.count)
                }
                let finished = projectStep.finish()
                try store.record(finished, in: scan)
                unusedSuppressions += projectStep.unusedMarkers(in: finished).map(\.description)
                checked = projectStep.checkedItems(rules: selection.rules, languages: languages)
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
                trend: try store.trend(root: root, audits: 30), date: scan.startedAt, checked: checked
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
}
