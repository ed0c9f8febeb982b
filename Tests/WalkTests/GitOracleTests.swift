import Foundation
import Testing
import TestSupport
import BackcheckModel
import BackcheckWalk

/// Asks git itself which of `paths` are ignored in the repository at `repository`.
private func gitIgnored(_ paths: [String], repository: String, home: String, excludesFile: String) throws -> Set<String> {
    let input = home + "/paths"
    let output = home + "/check-ignore.out"
    try Data(paths.map { $0 + "\0" }.joined().utf8).write(to: URL(fileURLWithPath: input))
    _ = FileManager.default.createFile(atPath: output, contents: nil)
    try runGit(["init", "-q"], in: repository, home: home)
    let process = try runGit(
        ["-c", "core.excludesFile=\(excludesFile)", "check-ignore", "--no-index", "-v", "-z", "--stdin"],
        in: repository, home: home, input: input, output: output)
    // 0: some paths are ignored, 1: none are.
    #expect(process.terminationStatus <= 1, "git check-ignore failed")
    let fields = try Data(contentsOf: URL(fileURLWithPath: output)).split(separator: 0, omittingEmptySubsequences: false)
        .map { String(decoding: $0, as: UTF8.self) }
    var ignored: Set<String> = []
    // Records are source, line number, pattern, path; a negated pattern means "not ignored".
    var index = 0
    while index + 3 < fields.count {
        if !fields[index + 2].hasPrefix("!") { ignored.insert(fields[index + 3]) }
        index += 4
    }
    return ignored
}

@discardableResult
private func runGit(_ arguments: [String], in directory: String, home: String,
                    input: String? = nil, output: String? = nil) throws -> Process {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    // Keep the user's and the system's git configuration out of the comparison.
    process.environment = [
        "HOME": home, "XDG_CONFIG_HOME": home + "/xdg", "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": "/dev/null", "PATH": "/usr/bin:/bin", "LC_ALL": "C",
    ]
    if let input { process.standardInput = FileHandle(forReadingAtPath: input) }
    if let output { process.standardOutput = FileHandle(forWritingAtPath: output) }
    try process.run()
    process.waitUntilExit()
    return process
}

private func language(of path: String) -> Language? {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
    return Language.forExtension(String(name[name.index(after: dot)...]))
}

@Test(
    .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/git"), "needs git"),
    arguments: [1, 2, 3, 4, 5, 6] as [UInt64]
)
func matcherAgreesWithGitCheckIgnore(seed: UInt64) throws {
    let scratch = try TemporaryTree()
    defer { scratch.remove() }
    let generated = GeneratedIgnoreTree(seed: seed)
    let repository = scratch.path("repo")
    let home = scratch.path("home")
    try scratch.makeDirectory("home")
    for directory in generated.directories { try scratch.makeDirectory("repo/" + directory) }
    for file in generated.files { try scratch.write("repo/" + file, "x\n") }
    for (directory, contents) in generated.gitignores {
        try scratch.write("repo/" + (directory.isEmpty ? "" : directory + "/") + ".gitignore", contents)
    }
    // Odd seeds also exercise the global excludes file, even ones git's "none".
    let excludesFile = seed % 2 == 1 ? home + "/global-ignore" : "/dev/null"
    try scratch.write("home/global-ignore", generated.globalExcludes)
    try scratch.write("repo/.git/info/exclude", generated.infoExclude)

    let ignoreFiles = generated.gitignores.keys.map { $0.isEmpty ? ".gitignore" : $0 + "/.gitignore" }
    let paths = generated.files + generated.directories + ignoreFiles
    let gitSays = try gitIgnored(paths, repository: repository, home: home, excludesFile: excludesFile)

    let options = WalkOptions(globalExcludesFile: seed % 2 == 1 ? excludesFile : nil)
    var rules = IgnoreRules(root: repository, options: options)
    let directories = Set(generated.directories)
    var mismatches: [String] = []
    for path in paths {
        let ours = rules.isIgnored(relativePath: path, isDirectory: directories.contains(path))
        if ours != gitSays.contains(path) { mismatches.append("\(path): git \(!ours), backcheck \(ours)") }
    }
    let summary = generated.gitignores.sorted { $0.key < $1.key }
        .map { "--- \($0.key.isEmpty ? "." : $0.key)/.gitignore\n\($0.value)" }.joined()
    #expect(mismatches.isEmpty, "seed \(seed):\n\(mismatches.joined(separator: "\n"))\n\(summary)")
    #expect(gitSays.count > 10 && gitSays.count < paths.count - 10, "seed \(seed) tests too little")

    let walked = try Walker(root: repository, options: options).walk()
    let expected = generated.files.filter { !gitSays.contains($0) && language(of: $0) != nil }
    let walkedPaths = walked.files.map(\.relativePath)
    #expect(walkedPaths == expected.sorted(), """
        seed \(seed): walked but ignored by git: \(Set(walkedPaths).subtracting(expected).sorted()); \
        not walked: \(Set(expected).subtracting(walkedPaths).sorted())
        """)

    // The daemon rescans only the subtree an event names: each directory's walk lists exactly
    // what the full walk lists under it (nothing under an ignored one), and visits the same
    // directories.
    let walker = Walker(root: repository, options: options)
    for directory in generated.directories {
        var entered: [String] = []
        let subtree = try walker.walk(subtree: directory) { entered.append($0) }
        let prefix = directory + "/"
        #expect(subtree.files.map(\.relativePath) == walkedPaths.filter { $0.hasPrefix(prefix) }, "seed \(seed): \(directory)")
        #expect(entered == walked.directories.filter { $0 == directory || $0.hasPrefix(prefix) }, "seed \(seed): \(directory)")
    }
}
