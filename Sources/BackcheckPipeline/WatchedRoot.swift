import BackcheckAnalysis
import BackcheckConfig
import BackcheckSQL
import BackcheckStore
import BackcheckWatch
import Foundation

/// One root the daemon keeps current: its configuration, rules and walker, and the reconcile that
/// brings the store in line with the tree (DESIGN §8: re-stat, don't trust the event).
struct WatchedRoot {
    let path: String
    let configuration: Configuration
    let selection: RuleSelection
    let walker: Walker
    /// Asked about single paths from events, before any other work.
    var ignoreRules: IgnoreRules
    /// The configured rule folders, absolute.
    let ruleFolders: [String]

    init(path: String) throws(AuditError) {
        self.path = try Auditor.canonicalRoot(path)
        do {
            configuration = try ConfigLoader.load(repositoryRoot: self.path)
        } catch {
            throw .configuration(error)
        }
        selection = try RuleSelection(configuration: configuration, root: self.path)
        let options = WalkOptions(maxFileSize: configuration.maxFileSize, excludes: configuration.exclude,
                                  includes: configuration.include, languageOverrides: configuration.languages)
        walker = Walker(root: self.path, options: options)
        ignoreRules = IgnoreRules(root: self.path, options: options)
        let root = self.path
        ruleFolders = configuration.ruleFolders.map { folder in
            URL(fileURLWithPath: folder.hasPrefix("/") ? folder : root + "/" + folder).standardizedFileURL.path
        }
    }

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
        /// Every directory of the tree not ignored, relative to the root: what to watch.
        var directories: [String]
        /// Files in the tree.
        var files: Int
        /// Files analysed and recorded, and files removed.
        var recorded: Int
        var removed: Int
    }

    /// Whether the store's findings of this root came from other rules or another backcheck
    /// (the newest scan says which), so that every file must be analysed again.
    func isStale(in store: FindingStore, toolVersion: String) throws -> Bool {
        guard let last = try store.lastScan(root: path) else { return false }
        return last.rulePackHash != selection.hash || last.toolVersion != toolVersion
    }

    /// Walks the tree, analyses the files whose size, mtime or inode differ from the store's
    /// (every file when `everything`), and removes the files that vanished, as one `watch` scan.
    /// When `always` is false and nothing differs, no scan is recorded.
    func reconcile(store: FindingStore, reader: SourceReader, parallelism: Int, toolVersion: String,
                   always: Bool, everything: Bool = false) async throws -> Outcome {
        let walk = try walker.walk()
        let stored = Dictionary(try store.files(root: path).map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let changed = everything ? walk.files : walk.files.filter { file in
            guard let known = stored[file.relativePath] else { return true }
            return known.size != Int64(file.size) || known.mtimeNanoseconds != file.modificationTimeNanoseconds
                || known.inode != file.inode
        }
        let present = Set(walk.files.map(\.relativePath))
        let vanished = stored.values.filter { !present.contains($0.path) }
        var outcome = Outcome(directories: walk.directories, files: walk.files.count, recorded: 0, removed: vanished.count)
        guard always || !changed.isEmpty || !vanished.isEmpty else { return outcome }

        let scan = try store.beginScan(root: path, kind: .watch, toolVersion: toolVersion, rulePackHash: selection.hash)
        do {
            var schemaStep = SchemaStep(rules: selection.rules, root: path)
            var reader = reader
            reader.extractsSQL = schemaStep.isEnabled
            // Schema findings come from the facts of every file, so a change to a file with SQL
            // facts (or a removed SQL file) re-runs the project step over the whole tree, as an
            // audit would; other changes record their own results only.
            var sqlChanged = vanished.contains { $0.language == "sql" }
            var plain: [FileResult] = []
            try await Auditor.analyze(changed, reader: reader, parallelism: parallelism) { batch in
                for (result, _, facts) in batch {
                    if facts != nil { sqlChanged = true }
                    plain.append(result)
                }
            }
            if sqlChanged && schemaStep.isEnabled {
                try await Auditor.analyze(walk.files, reader: reader, parallelism: parallelism) { batch in
                    try store.record(batch.compactMap { schemaStep.take($0.0, facts: $0.2) }, in: scan)
                }
                try store.record(schemaStep.finish(), removing: vanished.map(\.path), in: scan)
                outcome.recorded = walk.files.count
            } else {
                try store.record(plain, removing: vanished.map(\.path), in: scan)
                outcome.recorded = plain.count
            }
            _ = try store.finishScan(scan, complete: false)
        } catch {
            try? store.failScan(scan)
            throw error
        }
        return outcome
    }

    /// Re-stats and analyses just the files at `paths` (events named them; the ignore rules passed
    /// them) and records the batch as one `watch` scan: present files are recorded, missing ones
    /// removed. Returns nil, recording nothing, when the change touches SQL facts, which only a
    /// full ``reconcile`` can re-evaluate.
    func update(_ paths: Set<String>, store: FindingStore, reader: SourceReader, parallelism: Int,
                toolVersion: String) async throws -> Outcome? {
        let schemaEnabled = SchemaStep(rules: selection.rules, root: path).isEnabled
        let sorted = paths.sorted()
        let found = walker.files(relativePaths: sorted)
        let gone = sorted.filter { found[$0] == nil }
        if schemaEnabled, gone.contains(where: { $0.lowercased().hasSuffix(".sql") }) { return nil }
        var reader = reader
        reader.extractsSQL = schemaEnabled
        var results: [FileResult] = []
        var hasFacts = false
        try await Auditor.analyze(sorted.compactMap { found[$0] }, reader: reader, parallelism: parallelism) { batch in
            for (result, _, facts) in batch {
                if facts != nil { hasFacts = true }
                results.append(result)
            }
        }
        if hasFacts { return nil }
        let scan = try store.beginScan(root: path, kind: .watch, toolVersion: toolVersion, rulePackHash: selection.hash)
        do {
            try store.record(results, removing: gone, in: scan)
            _ = try store.finishScan(scan, complete: false)
        } catch {
            try? store.failScan(scan)
            throw error
        }
        return Outcome(directories: [], files: try store.fileCount(root: path), recorded: results.count, removed: gone.count)
    }
}
