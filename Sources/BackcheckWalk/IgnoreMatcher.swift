#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BackcheckModel

/// The patterns of one ignore source (a `.gitignore`, `.git/info/exclude`, the global excludes
/// file, or config globs), all relative to one directory of the walked root.
struct IgnoreMatcher: Sendable {
    /// What the last matching pattern of a source says about a path.
    enum Verdict: Sendable, Equatable {
        /// A plain pattern matched: for ignore sources the path is ignored, for include globs it
        /// is included.
        case matched
        /// A negated pattern (`!x`) matched: it undoes `matched`, and lower-precedence sources
        /// are not consulted.
        case negated
    }

    /// The directory the patterns are relative to, root-relative with a trailing `/`, or empty
    /// for the root.
    let base: [UInt8]
    let patterns: [IgnorePattern]

    var isEmpty: Bool { patterns.isEmpty }

    /// Parses the contents of an ignore file (`\n` or `\r\n` lines, an optional UTF-8 BOM).
    init(contents: some Collection<UInt8>, directory: String) {
        var bytes = contents[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        self.init(
            patterns: bytes.split(separator: Byte.newline, omittingEmptySubsequences: true)
                .compactMap { IgnorePattern(line: $0) },
            directory: directory
        )
    }

    /// Parses one pattern per string (config globs).
    init(lines: [String], directory: String) {
        self.init(patterns: lines.compactMap { IgnorePattern(line: $0.utf8) }, directory: directory)
    }

    private init(patterns: [IgnorePattern], directory: String) {
        self.patterns = patterns
        base = directory.isEmpty ? [] : Array(directory.utf8) + [Byte.slash]
    }

    /// The verdict of the last pattern matching the root-relative `path` (last component at
    /// `basenameStart`), or nil when none matches or the path lies outside `base`.
    func verdict(_ path: UnsafeBufferPointer<UInt8>, basenameStart: Int, isDirectory: Bool) -> Verdict? {
        guard !patterns.isEmpty, path.count > base.count, basenameStart >= base.count else { return nil }
        if !base.isEmpty {
            let sameBase = base.withUnsafeBufferPointer { memcmp($0.baseAddress!, path.baseAddress!, $0.count) == 0 }
            guard sameBase else { return nil }
        }
        let relative = UnsafeBufferPointer(rebasing: path[base.count...])
        let basename = basenameStart - base.count
        WorkMeter.tick(patterns.count)
        for pattern in patterns.reversed()
        where pattern.matches(relative, basenameStart: basename, isDirectory: isDirectory) {
            return pattern.isNegated ? .negated : .matched
        }
        return nil
    }
}
