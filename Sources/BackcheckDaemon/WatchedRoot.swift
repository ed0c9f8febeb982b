import BackcheckAnalysis
import BackcheckAPI
import BackcheckConfig
import BackcheckScan
import BackcheckSQL
import BackcheckStore
import BackcheckWalk
import Foundation

/// One root the daemon keeps current: its configuration, rules and walker, and the reconcile that
/// brings the store in line with the tree (docs/DESIGN.md §8: re-stat, don't trust the event).
struct WatchedRoot {
    let scanned: ScannedRoot
    let walker: Walker
    /// Asked about single paths from events, before any other work.
    var ignoreRules: IgnoreRules
    /// The configured rule folders, absolute.
    let ruleFolders: [String]
    /// The project facts and held results of every file of the tree, from the first batch that
    /// needed them on (nil before, and after new rules).
    private(set) var schema: ProjectStep?
    /// Whether any project rule is enabled, so files need facts.
    let schemaEnabled: Bool
    /// Which facts the project rules need.
    let needsSQL: Bool, needsAPI: Bool
    /// Functions of the tree returning request data, as the reader's analyzer uses them.
    var summaries = SourceSummaries.empty
    /// Each file's part of ``summaries``, by path.
    var fileSummaries: [String: FileSourceSummary] = [:]
    /// Directories of third-party code, by their own licence, as the last walk of each part of
    /// the tree found them.
    private var thirdPartyDirectories: [String: String] = [:]

    init(path: String) throws(ScanError) {
        scanned = try ScannedRoot(path: path)
        let root = scanned.path
        let step = ProjectStep(rules: scanned.selection.rules, root: root)
        schemaEnabled = step.isEnabled
        needsSQL = step.needsSQL
        needsAPI = step.needsAPI
        walker = Walker(root: root, options: scanned.walkOptions)
        ignoreRules = IgnoreRules(root: root, options: scanned.walkOptions)
        ruleFolders = scanned.configuration.ruleFolders.map { folder in
            URL(fileURLWithPath: folder.hasPrefix("/") ? folder : root + "/" + folder).standardizedFileURL.path
        }
    }

    var path: String { scanned.path }
    var configuration: Configuration { scanned.configuration }
    var selection: RuleSelection { scanned.selection }

    /// Whether the file at `relativePath` is part of this root's configuration: `.backcheck.yml`
    /// or a file under a rule folder inside the root. A change to it means a reload.
    func isConfiguration(_ relativePath: String) -> Bool {
        if relativePath == ConfigLoader.repositoryFileName { return true }
        let absolute = path + "/" + relativePath
        return ruleFolders.contains { absolute.hasPrefix($0 + "/") }
    }

    /// Whether files analysed under `other` must all be analysed again under this root's
    /// settings: the rules, or what decides a file's language or whether it is read, differ.
    func invalidatesAnalysis(of other: WatchedRoot) -> Bool {
        selection.hash != other.selection.hash || configuration.maxFileSize != other.configuration.maxFileSize
            || configuration.languages != other.configuration.languages
    }

    /// What one reconcile did.
    struct Outcome {
        /// Files in the tree.
        var files: Int
        /// Files analysed and recorded, and files removed.
        var recorded: Int
        var removed: Int
        /// Files among `recorded` that hashed as before and were not analysed again.
        var unchanged = 0
    }

    /// Whether the store's findings of this root came from other rules or another backcheck
    /// (the newest scan says which), so that every file must be analysed again.
    func isStale(in store: FindingStore, toolVersion: String) throws -> Bool {
        guard let last = try store.lastScan(root: path) else { return false }
        return last.rulePackHash != analysisHash || last.toolVersion != toolVersion
    }

    /// Walks the tree (only the directory `subtree`, when not empty), analyses the files whose
    /// size, mtime or inode differ from the store's (every file when `everything`), and removes
    /// the files that vanished, as one `watch` scan. When `always` is false and nothing differs,
    /// no scan is recorded. `watch` is told each directory before the walk lists it.
    mutating func reconcile(store: FindingStore, reader: SourceReader, parallelism: Int, toolVersion: String,
                            subtree: String = "", always: Bool, everything: Bool = false,
                            watch: @escaping (String) -> Void) async throws -> Outcome {
        let walk = try walker.walk(subtree: subtree, entering: watch)
        if subtree.isEmpty {
            thirdPartyDirectories = walk.thirdPartyDirectories
        } else {
            thirdPartyDirectories = thirdPartyDirectories.filter { $0.key != subtree && !$0.key.hasPrefix(subtree + "/") }
                .merging(walk.thirdPartyDirectories) { _, found in found }
        }
        let rows = subtree.isEmpty ? try store.files(root: path) : try store.files(root: path, under: subtree)
        let stored = Dictionary(rows.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let changed = everything ? walk.files : walk.files.filter { file in
            guard let known = stored[file.relativePath] else { return true }
            return known.size != Int64(file.size) || known.mtimeNanoseconds != file.modificationTimeNanoseconds
                || known.inode != file.inode
        }
        let present = Set(walk.files.map(\.relativePath))
        let vanished = stored.keys.filter { !present.contains($0) }.sorted()
        var outcome = Outcome(files: subtree.isEmpty ? walk.files.count : try store.fileCount(root: path),
                              recorded: 0, removed: vanished.count)
        guard always || !changed.isEmpty || !vanished.isEmpty else { return outcome }
        // New rules: the held results of the schema step are stale too.
        if everything { schema = nil }
        var reader = reader
        reader.knownHashes = everything ? [:] : Self.hashes(stored)
        (outcome.recorded, outcome.unchanged) = try await record(
            changed, removing: vanished, stored: stored, store: store, reader: reader, parallelism: parallelism,
            toolVersion: toolVersion)
        if !subtree.isEmpty { outcome.files = try store.fileCount(root: path) }
        return outcome
    }

    /// Re-stats and analyses just the files at `paths` (events named them; the ignore rules passed
    /// them) and records the batch as one `watch` scan: present files are recorded, missing ones
    /// removed.
    mutating func update(_ paths: Set<String>, store: FindingStore, reader: SourceReader, parallelism: Int,
                         toolVersion: String) async throws -> Outcome {
        // A file an OpenAPI document `$ref`s is part of that document.
        let sorted = paths.union(schema?.documents(referencing: paths) ?? []).sorted()
        let found = walker.files(relativePaths: sorted)
        let stored = try store.files(root: path, paths: sorted)
        let gone = sorted.filter { found[$0] == nil && stored[$0] != nil }
        var reader = reader
        reader.knownHashes = Self.hashes(stored)
        let (recorded, unchanged) = try await record(
            sorted.compactMap { found[$0] }, removing: gone, stored: stored, store: store, reader: reader,
            parallelism: parallelism, toolVersion: toolVersion)
        return Outcome(files: try store.fileCount(root: path), recorded: recorded, removed: gone.count,
                       unchanged: unchanged)
    }

    /// The hashes of stored files that were analysed (not skipped), by path.
    private static func hashes(_ stored: [String: FileResult]) -> [String: String] {
        stored.compactMapValues { $0.skipReason == nil ? $0.contentHash : nil }
    }

    /// Batches of more files than this (a start-up, a large checkout) are recorded as they are
    /// analysed, a transaction per analysis batch, instead of in one transaction at the end, so
    /// memory stays flat; smaller batches are seen by readers whole or not at all.
    static let wholeBatchLimit = 512

    /// Analyses `files` and records them, with the removal of `removed`, as one `watch` scan;
    /// the number of files recorded, and of those that were unchanged. When SQL facts are
    /// involved, the results of the files with facts carry their schema findings, and when any
    /// file's facts changed the schema analyzers run again and every file with facts is recorded
    /// with their new findings, as an audit would.
    private mutating func record(_ files: [WalkedFile], removing removed: [String], stored: [String: FileResult],
                                 store: FindingStore, reader: SourceReader, parallelism: Int,
                                 toolVersion: String) async throws -> (recorded: Int, unchanged: Int) {
        var reader = reader
        reader.thirdPartyDirectories = thirdPartyDirectories
        reader.extractsSQL = needsSQL
        reader.extractsAPI = needsAPI
        reader.factsOfUnchangedFiles = false
        // A save is one file: its rules share the cores, so the finding lands sooner.
        if files.count < parallelism { reader.analyzer.ruleWorkers = parallelism }
        let known = schema
        // Files whose facts may have changed. Before the facts of every file are known, any file
        // analysed before may have had some.
        func mayChangeFacts(_ result: FileResult, _ facts: ProjectFacts?) -> Bool {
            guard schemaEnabled else { return false }
            if case .unchanged = result.outcome { return false }
            return facts != nil || known?.holds(result.path) ?? (stored[result.path]?.skipReason == nil)
        }
        let streaming = files.count > Self.wholeBatchLimit
        let scan = try store.beginScan(root: path, kind: .watch, toolVersion: toolVersion, rulePackHash: analysisHash)
        do {
            var plain: [FileResult] = []
            var touched: [(result: FileResult, facts: ProjectFacts?)] = []
            var recorded = 0
            var unchanged = 0
            try await ParallelAnalysis.analyze(files, reader: reader, parallelism: parallelism) { batch in
                var ready: [FileResult] = []
                for reading in batch {
                    if case .unchanged = reading.result.outcome { unchanged += 1 }
                    if mayChangeFacts(reading.result, reading.facts) {
                        touched.append((reading.result, reading.facts))
                    } else {
                        ready.append(reading.result)
                    }
                }
                if streaming {
                    try store.record(ready, in: scan)
                    recorded += ready.count
                } else {
                    plain += ready
                }
            }
            let removedFacts = schemaEnabled ? removed.filter { known?.holds($0) ?? (stored[$0]?.skipReason == nil) } : []
            if !touched.isEmpty || !removedFacts.isEmpty {
                var step = try known ?? primedSchema(except: Set(touched.map(\.result.path)).union(removed), store: store)
                var factsChanged = false
                for item in touched {
                    if step.facts(of: item.result.path) != item.facts { factsChanged = true }
                    _ = step.take(item.result, facts: item.facts)
                }
                for path in removedFacts where step.forget(path) { factsChanged = true }
                let held = factsChanged ? step.finish() : step.results(for: touched.map(\.result.path).filter(step.holds))
                schema = step
                // A held result (with its schema findings) replaces the same file's plain one.
                let heldPaths = Set(held.map(\.path))
                plain = plain.filter { !heldPaths.contains($0.path) }
                    + touched.map(\.result).filter { !heldPaths.contains($0.path) } + held
            } else {
                plain += touched.map(\.result)
            }
            try store.record(plain, removing: removed, in: scan)
            recorded += plain.count
            _ = try store.finishScan(scan, complete: false)
            return (recorded, unchanged)
        } catch {
            try? store.failScan(scan)
            throw error
        }
    }

    /// Loads the SQL facts of every file from the store, so that later batches re-run the schema
    /// analyzers only when some file's facts changed; reads no file and records nothing. Does
    /// nothing without schema rules or when the facts are loaded.
    mutating func loadSchema(store: FindingStore) throws {
        guard schema == nil, schemaEnabled else { return }
        schema = try primedSchema(except: [], store: store)
    }

    /// The schema step over what the store holds for every file but those in `except` (which the
    /// caller is about to take): each file's stored SQL facts, and its result made whole from its
    /// stored row and findings.
    private func primedSchema(except: Set<String>, store: FindingStore) throws -> ProjectStep {
        var step = ProjectStep(rules: selection.rules, root: path, settings: APISettings(ignore: configuration.apiIgnore, services: configuration.apiServices))
        var facts: [String: ProjectFacts] = [:]
        for (file, json) in try store.sqlFacts(root: path) where !except.contains(file) {
            facts[file, default: ProjectFacts()].sql = SQLFileFacts(json: json)
        }
        for (file, json) in try store.apiFacts(root: path) where !except.contains(file) {
            facts[file, default: ProjectFacts()].api = APIFileFacts(json: json)
        }
        let paths = facts.keys.sorted()
        let rows = try store.files(root: path, paths: paths)
        let findings = try store.currentFindings(root: path, paths: paths)
        for file in paths {
            guard let row = rows[file], let fileFacts = facts[file] else { continue }
            var stored = row
            stored.outcome = .unchanged
            _ = step.take(step.restored(stored, stored: findings[file] ?? []), facts: fileFacts)
        }
        _ = step.finish()
        return step
    }
}
