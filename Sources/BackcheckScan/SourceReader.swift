import BackcheckAnalysis
import BackcheckAPI
import BackcheckConfig
import BackcheckModel
import BackcheckSQL
import BackcheckStore
import BackcheckWalk
import Foundation

/// Reads one walked file and analyses it, turning every I/O problem into a skipped result so a
/// bad file never stops an audit (or the daemon).
public struct SourceReader: Sendable {
    public var analyzer: FileAnalyzer
    let maxFileSize: Int
    /// Whether to extract SQL facts (DDL, queries) for the project step.
    public var extractsSQL = false
    /// Whether to extract api-docs and testing facts (routes, documents, tests) for the project step.
    public var extractsAPI = false
    /// `testing.assertions:` from the configuration.
    let extraAssertions: Set<String>
    /// The content hashes of files analysed before under the same rules, by path: a file that
    /// still hashes the same is not analysed again (its result is `.unchanged`), unless it has
    /// suppression comments.
    public var knownHashes: [String: String] = [:]
    /// Whether an unchanged file's result comes with its SQL facts: the audit's schema step needs
    /// them; the daemon has them from earlier batches or the store.
    public var factsOfUnchangedFiles = true
    /// Source summaries to store with the files at these paths (as JSON made with
    /// ``summaryRules``, ``FileSourceSummary/json(_:rules:)``), encoded only for the files whose
    /// row is written.
    public var summariesToStore: [String: FileSourceSummary?] = [:]
    /// The rule-set hash stored summaries are made with.
    public var summaryRules = ""
    /// The paths among ``summariesToStore`` whose summary was made anew (the others are stored
    /// already, and written again only when their file is analysed again).
    public var newSummaryPaths = Set<String>()
    /// How files get their roles: config `roles:` over the conventions.
    private(set) var roles: FileRoleClassifier
    /// Directories of third-party code the walk found by their own licence
    /// (``WalkResult/thirdPartyDirectories``): their files are vendored.
    public var thirdPartyDirectories: [String: String] {
        get { roles.thirdPartyDirectories }
        set { roles.thirdPartyDirectories = newValue }
    }
    /// Files of these roles are recorded as skipped, with their role as the reason (config
    /// `skip-roles:`).
    let skippedRoles: Set<FileRole>

    /// A reader for a root with `configuration`: its maximum file size, `roles:` and `skip-roles:`.
    public init(analyzer: FileAnalyzer, configuration: Configuration) {
        self.analyzer = analyzer
        extraAssertions = Set(configuration.extraAssertions)
        maxFileSize = configuration.maxFileSize
        roles = FileRoleClassifier(overrides: configuration.roles)
        skippedRoles = configuration.skippedRoles
    }

    /// What reading and analysing `file` gave.
    public func reading(of file: WalkedFile) -> SourceReading {
        var reading = analysedReading(of: file)
        if let summary = summariesToStore[file.relativePath] {
            let isUnchanged = if case .unchanged = reading.result.outcome { true } else { false }
            if !isUnchanged || newSummaryPaths.contains(file.relativePath) {
                reading.result.summaryFacts = .replace(FileSourceSummary.json(summary, rules: summaryRules))
            }
        }
        return reading
    }

    private func analysedReading(of file: WalkedFile) -> SourceReading {
        // Most skipped files are never read, so their role comes from the path; a vendored
        // folder is skipped without reading a byte of it.
        let pathRole = roles.classify(path: file.relativePath)
        func skipped(_ reason: String, role: FileRole = pathRole.role) -> FileResult {
            var result = FileResult(path: file.relativePath, language: nil, size: Int64(file.size),
                                    mtimeNanoseconds: file.modificationTimeNanoseconds, inode: file.inode,
                                    contentHash: nil, outcome: .skipped(reason: reason))
            result.sqlFacts = .replace(nil)
            result.apiFacts = .replace(nil)
            result.role = role
            return result
        }
        let language: Language
        switch file.classification {
        case .source(let sourceLanguage): language = sourceLanguage
        case .skipped(let reason): return SourceReading(result: skipped(reason))
        case .apiDocument: return documentReading(of: file, role: pathRole.role, skipped: skipped)
        }
        if skippedRoles.contains(pathRole.role) { return SourceReading(result: skipped(pathRole.description)) }
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
        let role = roles.refine(pathRole, language: language, bytes: bytes)
        if skippedRoles.contains(role.role) { return SourceReading(result: skipped(role.description, role: role.role)) }
        let hash = Hex.sha256(bytes)
        func facts() -> ProjectFacts? {
            ProjectFacts.of(
                sql: extractsSQL ? SQLFactExtractor.extract(path: file.relativePath, bytes: bytes, language: language) : nil,
                api: extractsAPI ? APIFactExtractor.extract(path: file.relativePath, bytes: bytes, language: language, role: role.role,
                                                          extraAssertions: extraAssertions) : nil)
        }
        // Files with suppression comments are analysed anyway: only an analysis reports an
        // unused one.
        if knownHashes[file.relativePath] == hash, !FileAnalyzer.hasSuppressionMarkers(bytes) {
            var result = FileResult(path: file.relativePath, language: language.rawValue, size: Int64(bytes.count),
                                    mtimeNanoseconds: file.modificationTimeNanoseconds, inode: file.inode,
                                    contentHash: hash, outcome: .unchanged)
            result.role = role.role
            // Extracting the facts again costs less than decoding the stored ones.
            return SourceReading(result: result, facts: factsOfUnchangedFiles ? facts() : nil)
        }
        let facts = facts()
        let analysis = analyzer.analyze(path: file.relativePath, bytes: bytes, language: language, role: role.role)
        var result = FileResult(path: file.relativePath, language: language.rawValue, size: Int64(bytes.count),
                                mtimeNanoseconds: file.modificationTimeNanoseconds, inode: file.inode,
                                contentHash: hash, outcome: .analyzed(analysis.findings))
        result.role = role.role
        if extractsSQL { result.sqlFacts = .replace(facts?.sql?.json) }
        if extractsAPI { result.apiFacts = .replace(facts?.api?.json) }
        return SourceReading(result: result, diagnostics: analysis.diagnostics, facts: facts)
    }
}

extension SourceReader {
    /// An OpenAPI document: no pattern rule reads it; its facts go to the project step, and a
    /// document that does not parse is skipped with the parser's message (file and line).
    private func documentReading(of file: WalkedFile, role: FileRole, skipped: (String, FileRole) -> FileResult) -> SourceReading {
        guard extractsAPI else { return SourceReading(result: skipped("OpenAPI document (no api-docs rule is enabled)", role)) }
        guard let bytes = try? Array(Data(contentsOf: URL(fileURLWithPath: file.absolutePath), options: .uncached)),
              bytes.count <= maxFileSize else {
            return SourceReading(result: skipped("could not be read", role))
        }
        let root = String(file.absolutePath.dropLast(file.relativePath.count + 1))
        let facts: APIFileFacts?
        do {
            facts = try APIFactExtractor.document(path: file.relativePath, bytes: bytes) { path in
                RootFiles.read(path, root: root, limit: maxFileSize)
            }
        } catch {
            let reason = "not a readable OpenAPI document (\(error.description))"
            return SourceReading(result: skipped(reason, role), diagnostics: [
                AnalysisDiagnostic(path: file.relativePath, line: error.line, message: error.message, kind: .unreadable)])
        }
        let hash = Hex.sha256(bytes)
        var result = FileResult(path: file.relativePath, language: "openapi", size: Int64(bytes.count),
                                mtimeNanoseconds: file.modificationTimeNanoseconds, inode: file.inode, contentHash: hash,
                                outcome: .analyzed([]))
        result.role = role
        // A document's facts (and findings) depend on the files its `$ref`s read, so a document is
        // read again each time, even when its own bytes did not change.
        result.apiFacts = .replace(facts?.json)
        return SourceReading(result: result, facts: ProjectFacts.of(sql: nil, api: facts))
    }

    /// What `file` tells the rest of its root about functions returning request data; nil for a
    /// file that is skipped, unreadable or holds none.
    public func sourceSummary(of file: WalkedFile) -> FileSourceSummary? {
        summaryReading(of: file) ?? nil
    }

    /// `file`'s summary as read now: nil when the file is skipped or unreadable (nothing to
    /// store), `.some(nil)` when it holds none.
    func summaryReading(of file: WalkedFile) -> FileSourceSummary?? {
        guard case .source(let language) = file.classification else { return nil }
        let pathRole = roles.classify(path: file.relativePath)
        guard !skippedRoles.contains(pathRole.role),
              let data = try? Data(contentsOf: URL(fileURLWithPath: file.absolutePath), options: .uncached),
              data.count <= maxFileSize else { return nil }
        let bytes = Array(data)
        let role = roles.refine(pathRole, language: language, bytes: bytes)
        guard !skippedRoles.contains(role.role) else { return nil }
        return .some(analyzer.sourceSummary(path: file.relativePath, bytes: bytes, language: language, role: role.role))
    }

    /// The stored summaries of `files` that still hold: made with the rule set `rules`, for a
    /// file whose size, mtime and inode are as the store recorded them.
    public static func reusableSummaries(of files: [WalkedFile], root: String, rules: String,
                                         store: FindingStore) throws(StoreError) -> [String: FileSourceSummary?] {
        let stored = try store.summaryFacts(root: root)
        guard !stored.isEmpty else { return [:] }
        let rows = Dictionary(try store.files(root: root).map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        var reusable: [String: FileSourceSummary?] = [:]
        for file in files {
            guard let json = stored[file.relativePath], let row = rows[file.relativePath], row.size == Int64(file.size),
                  row.mtimeNanoseconds == file.modificationTimeNanoseconds, row.inode == file.inode,
                  let summary = FileSourceSummary.stored(json, rules: rules) else { continue }
            reusable[file.relativePath] = summary
        }
        return reusable
    }

    /// Each file's summary, by path, for the files read (a nil summary: the file has none).
    /// Files in `reusing` are not read: their stored summary stands.
    public func sourceSummariesByPath(of files: [WalkedFile], parallelism: Int,
                                      reusing: [String: FileSourceSummary?] = [:]) async -> [(path: String, summary: FileSourceSummary?, isNew: Bool)] {
        let batches = stride(from: 0, to: files.count, by: ParallelAnalysis.batchSize).map {
            Array(files[$0..<min($0 + ParallelAnalysis.batchSize, files.count)])
        }
        return await withTaskGroup(of: [(path: String, summary: FileSourceSummary?, isNew: Bool)].self) { group in
            var next = 0
            var collected: [(path: String, summary: FileSourceSummary?, isNew: Bool)] = []
            func submit() {
                guard next < batches.count else { return }
                let batch = batches[next]
                next += 1
                group.addTask {
                    batch.compactMap { file in
                        if let known = reusing[file.relativePath] { return (file.relativePath, known, false) }
                        return summaryReading(of: file).map { (file.relativePath, $0, true) }
                    }
                }
            }
            for _ in 0..<max(1, parallelism) { submit() }
            while let summaries = await group.next() {
                submit()
                collected += summaries
            }
            return collected
        }
    }
}

/// What reading one file gave: its result for the store, the problems met on the way, and its
/// facts for the project step (nil when it holds none, or none were asked for).
public struct SourceReading: Sendable {
    public var result: FileResult
    public var diagnostics: [AnalysisDiagnostic] = []
    public var facts: ProjectFacts?
}
