#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BackcheckModel

/// The mutable state of one walk: results so far, and the `.gitignore` matchers of the
/// directories being walked (root first).
struct WalkSession {
    private struct Entry {
        let name: String
        let type: Int32
    }

    private let root: String
    private let maxFileSize: Int
    private let languageOverrides: [String: Language]
    private let rules: IgnoreRules
    private(set) var diagnostics: [WalkDiagnostic] = []
    private var files: [WalkedFile] = []
    private var directories: [String] = []
    private var stats = WalkStats()
    private var nested: [IgnoreMatcher] = []
    private var licences = LicenceFiles()
    /// Reused for every entry's root-relative path, so matching allocates nothing per entry.
    private var pathBytes: [UInt8] = []
    /// Told each directory's root-relative path before it is listed (the daemon watches it
    /// there, so nothing created after the listing goes unseen).
    var entering: ((String) -> Void)?
    /// Reused for every file's first bytes.
    private var prefix = [UInt8](repeating: 0, count: 8192)

    init(root: String, options: WalkOptions) {
        self.root = root
        maxFileSize = options.maxFileSize
        rules = IgnoreRules(root: root, options: options)
        var overrides: [String: Language] = [:]
        for (key, language) in options.languageOverrides {
            overrides[String(key.drop { $0 == "." }).lowercased()] = language
        }
        languageOverrides = overrides
    }

    func result() -> WalkResult {
        WalkResult(
            files: files.sorted { $0.relativePath < $1.relativePath },
            diagnostics: diagnostics.sorted { ($0.path, $0.message) < ($1.path, $1.message) },
            stats: stats,
            directories: directories,
            thirdPartyDirectories: licences.thirdPartyDirectories()
        )
    }

    /// Walks the directory open as `fd` (taking ownership of it). `included` is what the include
    /// globs said about the nearest directory on the way here that they matched.
    mutating func walkDirectory(_ fd: Int32, relativePath: String, included: IgnoreMatcher.Verdict?) {
        guard let stream = fdopendir(fd) else {
            diagnose(relativePath, "cannot list directory", code: errno)
            close(fd)
            return
        }
        defer { closedir(stream) }
        stats.directories += 1
        directories.append(relativePath)
        entering?(relativePath)
        let entries = listEntries(stream, relativePath: relativePath)
        // A directory's .gitignore governs its entries, so it is read before any of them.
        let pushed = rules.usesGitIgnore && entries.contains { $0.name == ".gitignore" }
            && pushGitIgnore(in: fd, relativePath: relativePath)
        for entry in entries {
            visit(entry, parent: fd, directory: relativePath, included: included)
            if entry.type == Int32(DT_REG) || entry.type == Int32(DT_UNKNOWN), LicenceFiles.isLicence(entry.name) {
                licences.read(entry.name, in: fd, directory: relativePath)
            }
        }
        if pushed { nested.removeLast() }
    }

    private mutating func listEntries(_ stream: OpaquePointer, relativePath: String) -> [Entry] {
        var entries: [Entry] = []
        var unreadable: [String] = []
        let code = Posix.forEachEntry(stream) { namePointer, type in
            guard let name = String(validatingCString: namePointer) else {
                // Paths are Strings everywhere downstream (store, reports); a name that is not
                // UTF-8 could not be reported or reopened faithfully.
                unreadable.append(String(cString: namePointer))
                return
            }
            entries.append(Entry(name: name, type: type))
        }
        for lossy in unreadable { diagnose(join(relativePath, lossy), "file name is not valid UTF-8; skipped") }
        if code != 0 { diagnose(relativePath, "cannot list directory", code: code) }
        return entries
    }

    private mutating func pushGitIgnore(in fd: Int32, relativePath: String) -> Bool {
        do {
            guard let contents = try Posix.readFile(".gitignore", in: fd) else { return false }
            let matcher = IgnoreMatcher(contents: contents, directory: relativePath)
            guard !matcher.isEmpty else { return false }
            nested.append(matcher)
            return true
        } catch {
            diagnose(join(relativePath, ".gitignore"), "cannot read ignore file", code: error.code)
            return false
        }
    }

    private mutating func visit(_ entry: Entry, parent: Int32, directory: String, included: IgnoreMatcher.Verdict?) {
        WorkMeter.tick()
        var type = entry.type
        if type == Int32(DT_UNKNOWN) {
            // Some file systems do not report types in readdir.
            var info = stat()
            guard fstatat(parent, entry.name, &info, AT_SYMLINK_NOFOLLOW) == 0 else {
                diagnose(join(directory, entry.name), "cannot stat", code: errno)
                return
            }
            type = Self.directoryEntryType(info.st_mode)
        }
        let isDirectory = type == Int32(DT_DIR)
        let (excluded, includeVerdict) = verdict(directory, entry.name, isDirectory: isDirectory)
        if excluded {
            stats.ignored += 1
            return
        }
        let relativePath = join(directory, entry.name)
        switch type {
        case Int32(DT_LNK):
            stats.symlinks += 1
            recordUnread(entry.name, parent: parent, relativePath: relativePath, reason: "symlink (not followed)")
        case Int32(DT_DIR):
            do {
                let fd = try Posix.open(entry.name, in: parent, flags: O_RDONLY | O_DIRECTORY)
                walkDirectory(fd, relativePath: relativePath, included: includeVerdict ?? included)
            } catch {
                diagnose(relativePath, "cannot open directory", code: error.code)
            }
        case Int32(DT_REG):
            if rules.hasIncludes, (includeVerdict ?? included) != .matched {
                stats.ignored += 1
                return
            }
            classifyFile(entry.name, parent: parent, relativePath: relativePath)
        default:
            // FIFOs, sockets and devices are never source code, and opening a FIFO would block.
            recordUnread(entry.name, parent: parent, relativePath: relativePath, reason: "not a regular file")
        }
    }

    /// Lists an entry that is not read (a symlink, a FIFO, a socket, a device) as skipped with
    /// `reason`, when its name says it would be source: the audit then says why it was left out.
    private mutating func recordUnread(_ name: String, parent: Int32, relativePath: String, reason: String) {
        guard let ext = Self.fileExtension(name), languageOverrides[ext] ?? Language.forExtension(ext) != nil else { return }
        var info = stat()
        guard fstatat(parent, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return }
        files.append(WalkedFile(
            relativePath: relativePath,
            absolutePath: root == "/" ? "/" + relativePath : root + "/" + relativePath,
            size: Int(info.st_size),
            modificationTimeNanoseconds: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
            inode: UInt64(info.st_ino),
            classification: .skipped(reason: reason)
        ))
    }

    /// Whether the entry `name` of `directory` is excluded, given the `.gitignore`s pushed so far,
    /// and what the include globs say about it.
    private mutating func verdict(_ directory: String, _ name: String, isDirectory: Bool)
        -> (excluded: Bool, include: IgnoreMatcher.Verdict?) {
        pathBytes.removeAll(keepingCapacity: true)
        pathBytes.append(contentsOf: directory.utf8)
        if !directory.isEmpty { pathBytes.append(Byte.slash) }
        let basenameStart = pathBytes.count
        pathBytes.append(contentsOf: name.utf8)
        return pathBytes.withUnsafeBufferPointer { path in
            (
                rules.isExcluded(path, basenameStart: basenameStart, isDirectory: isDirectory, nested: nested),
                rules.hasIncludes ? rules.includeVerdict(path, basenameStart: basenameStart, isDirectory: isDirectory) : nil
            )
        }
    }

    /// Walks only the directory at `subtree` (root-relative, not empty) below the root open as
    /// `rootFD` (taking ownership of it), with the `.gitignore`s of its ancestors in force, so it
    /// lists what a full walk lists there. Lists nothing when the directory or an ancestor is
    /// ignored, missing, or a symlink (never followed).
    mutating func walkSubtree(_ subtree: String, rootFD: Int32) {
        var fd = rootFD
        var current = ""
        var included: IgnoreMatcher.Verdict?
        licences.readRoot(in: rootFD)
        for name in subtree.split(separator: "/").map(String.init) {
            if rules.usesGitIgnore { _ = pushGitIgnore(in: fd, relativePath: current) }
            let (excluded, include) = verdict(current, name, isDirectory: true)
            let next = excluded ? nil : try? Posix.open(name, in: fd, flags: O_RDONLY | O_DIRECTORY)
            close(fd)
            guard let next else { return }
            fd = next
            included = include ?? included
            current = join(current, name)
        }
        walkDirectory(fd, relativePath: current, included: included)
    }

    private mutating func classifyFile(_ name: String, parent: Int32, relativePath: String) {
        var language: Language?
        var mayBeDocument = false
        if let ext = Self.fileExtension(name) {
            language = languageOverrides[ext] ?? Language.forExtension(ext)
            mayBeDocument = language == nil && APIDocumentSniffer.extensions.contains(ext)
            // Not ours: not even opened.
            guard language != nil || mayBeDocument else { return }
        }
        // open + fstat rather than fstatat + open: one path lookup per file instead of two.
        let fd: Int32
        do {
            fd = try Posix.open(name, in: parent, flags: O_RDONLY | O_NOCTTY | O_NONBLOCK)
        } catch {
            // ELOOP: replaced by a symlink since readdir, which is never followed.
            if error.code != ELOOP {
                diagnose(relativePath, error.code == ENOENT ? "vanished during the walk" : "cannot open", code: error.code)
            }
            return
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            diagnose(relativePath, "cannot stat", code: errno)
            return
        }
        // Replaced by something else since readdir: it is no longer the file we listed.
        guard info.st_mode & S_IFMT == S_IFREG else { return }
        let size = Int(info.st_size)
        let tooLarge = size > maxFileSize
        var prefixLength = 0
        if language == nil || !tooLarge {
            do {
                // Reading no further than the stat'ed size saves the read that would report EOF.
                prefixLength = try Posix.readPrefix(fd, into: &prefix, count: min(size, prefix.count))
            } catch {
                diagnose(relativePath, "cannot read", code: error.code)
                return
            }
            if mayBeDocument {
                // Other YAML and JSON files are not ours.
                guard APIDocumentSniffer.isDocument(prefix[..<prefixLength]) else { return }
            } else if language == nil {
                let firstLine = prefix[..<prefixLength].prefix { $0 != Byte.newline }
                guard let detected = Language.forShebang(firstLine) else { return }
                language = detected
            }
        }
        let classification: WalkedFile.Classification
        if tooLarge {
            classification = .skipped(reason: "too large (\(size) bytes > \(maxFileSize))")
        } else if prefix[..<prefixLength].contains(0) {
            classification = .skipped(reason: "binary")
        } else if let language {
            classification = .source(language)
        } else {
            classification = .apiDocument
        }
        files.append(WalkedFile(
            relativePath: relativePath,
            absolutePath: root == "/" ? "/" + relativePath : root + "/" + relativePath,
            size: size,
            modificationTimeNanoseconds: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
            inode: UInt64(info.st_ino),
            classification: classification
        ))
    }

    /// Classifies the file at `relativePath` as the walk would list it (the caller has applied the
    /// ignore rules); nil when it is missing, a directory, or has no language.
    mutating func classify(relativePath: String) -> WalkedFile? {
        let slash = relativePath.lastIndex(of: "/")
        let directory = slash.map { String(relativePath[..<$0]) } ?? ""
        let name = slash.map { String(relativePath[relativePath.index(after: $0)...]) } ?? relativePath
        let fd = open(directory.isEmpty ? root : join(root, directory), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        let before = files.count
        var info = stat()
        guard fstatat(fd, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: classifyFile(name, parent: fd, relativePath: relativePath)
        case S_IFDIR: return nil
        case S_IFLNK: recordUnread(name, parent: fd, relativePath: relativePath, reason: "symlink (not followed)")
        default: recordUnread(name, parent: fd, relativePath: relativePath, reason: "not a regular file")
        }
        return files.count > before ? files.last : nil
    }

    /// The lower-cased text after the last `.`, or nil for names without one, dot-files like
    /// `.bashrc`, and names ending in a dot.
    private static func fileExtension(_ name: String) -> String? {
        guard let dot = name.utf8.lastIndex(of: Byte.dot), dot != name.utf8.startIndex else { return nil }
        let ext = name.utf8[name.utf8.index(after: dot)...]
        return ext.isEmpty ? nil : String(decoding: ext, as: UTF8.self).lowercased()
    }

    private static func directoryEntryType(_ mode: mode_t) -> Int32 {
        switch mode & S_IFMT {
        case S_IFDIR: Int32(DT_DIR)
        case S_IFREG: Int32(DT_REG)
        case S_IFLNK: Int32(DT_LNK)
        default: Int32(DT_UNKNOWN)
        }
    }

    private func join(_ directory: String, _ name: String) -> String {
        directory.isEmpty ? name : directory + "/" + name
    }

    private mutating func diagnose(_ path: String, _ message: String, code: Int32? = nil) {
        let text = code.map { "\(message): \(PosixError(code: $0).text)" } ?? message
        diagnostics.append(WalkDiagnostic(path: path, message: text))
    }
}
