/// A pseudo-random tree of files and directories with ignore files drawn from every gitignore
/// feature, for comparing our matcher with git's.
struct GeneratedIgnoreTree {
    private static let directoryNames = [
        "src", "lib", "build", "docs", "test", "vendor", "logs", "tmp", "gen", "node_modules",
        "x.d", "Cache", "a", "b", "deep", "out", "api", "v1",
    ]
    private static let stems = [
        "main", "util", "index", "README", "config", "data", "temp", "foo", "bar", "a", "b1", "c2",
        "x", "debug", "keep", ".env", ".hidden", "app.test", "Schema", "z9",
    ]
    private static let extensions = ["py", "js", "ts", "go", "rb", "sql", "log", "tmp", "txt", "md", "min.js", "PY", "Go"]
    /// Names that exercise escapes (a leading `#` or `!`, a trailing space), and files named like
    /// directories, which only directory-only patterns tell apart.
    private static let oddNames = [
        "#notes.txt", "!bang.py", "trail .py", "trail ", "Makefile", "run", "build", "logs", "gen", "a", "v1",
    ]

    var directories: [String] = []
    var files: [String] = []
    /// Ignore-file contents by directory ("" for the root).
    var gitignores: [String: String] = [:]
    var infoExclude = ""
    var globalExcludes = ""

    init(seed: UInt64, fileCount: Int = 300) {
        var random = SeededGenerator(seed: seed)
        var directorySet: Set<String> = []
        var allDirectories = [""]
        for _ in 0..<45 {
            let parent = random.pick(allDirectories)
            guard parent.split(separator: "/").count < 4 else { continue }
            let path = Self.join(parent, random.pick(Self.directoryNames))
            if directorySet.insert(path).inserted { allDirectories.append(path) }
        }
        var fileSet: Set<String> = []
        for _ in 0..<fileCount {
            let name = random.chance(0.15)
                ? random.pick(Self.oddNames)
                : random.pick(Self.stems) + (random.chance(0.1) ? "" : "." + random.pick(Self.extensions))
            let path = Self.join(random.pick(allDirectories), name)
            if !directorySet.contains(path) { fileSet.insert(path) }
        }
        directories = directorySet.sorted()
        files = fileSet.sorted()
        for directory in [""] + (0..<6).map({ _ in random.pick(allDirectories) }) {
            gitignores[directory] = Self.ignoreFile(lines: Int.random(in: 3...10, using: &random), &random)
        }
        infoExclude = Self.ignoreFile(lines: 3, &random)
        globalExcludes = Self.ignoreFile(lines: 3, &random)
    }

    private static func ignoreFile(lines: Int, _ random: inout SeededGenerator) -> String {
        var text = ""
        for _ in 0..<lines {
            if random.chance(0.1) { text += random.chance(0.5) ? "# a comment\n" : "\n" }
            text += (random.chance(0.3) ? "!" : "") + pattern(&random) + "\n"
        }
        return text
    }

    private static func pattern(_ random: inout SeededGenerator) -> String {
        let directory = random.pick(directoryNames)
        let stem = random.pick(stems)
        let ext = random.pick(extensions)
        switch Int.random(in: 0..<19, using: &random) {
        case 0: return "*.\(ext)"
        case 1: return "\(stem).\(ext)"
        case 2: return "\(directory)/"
        case 3: return random.chance(0.5) ? "/\(directory)" : "/\(stem).\(ext)"
        case 4: return "\(directory)/*.\(ext)"
        case 5: return "**/\(directory)"
        case 6: return "\(directory)/**"
        case 7: return "\(directory)/**/\(random.chance(0.5) ? "*.\(ext)" : stem + ".\(ext)")"
        case 8: return "[a-f]*.\(ext)"
        case 9: return "[!a-m]*"
        case 10: return random.chance(0.5) ? "?.\(ext)" : "\(stem.prefix(1))?*"
        case 11: return "\(directory)/\(random.pick(directoryNames))/"
        case 12: return "**/\(directory)/\(stem)*"
        case 13: return random.pick(["\\#notes.txt", "\\!bang.py", "trail\\ ", "*.log   ", "trail .py", "#notes.txt"])
        case 14: return "*\(stem.dropFirst().prefix(2))*"
        case 15: return "\(directory)/**/"
        case 16: return random.chance(0.5) ? "[a-l]*/" : "\(directory)*/"
        case 17: return "/\(directory)/"
        default: return "[[:upper:]]*"
        }
    }

    private static func join(_ directory: String, _ name: String) -> String {
        directory.isEmpty ? name : directory + "/" + name
    }
}
