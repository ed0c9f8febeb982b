import Testing
import TestSupport
import BackcheckWalk

/// Checks one path; `isIgnored` is mutating (it caches ignore files), which `#expect` cannot call.
private func expectIgnored(
    _ rules: inout IgnoreRules, _ path: String, isDirectory: Bool = false, _ expected: Bool,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let ignored = rules.isIgnored(relativePath: path, isDirectory: isDirectory)
    #expect(ignored == expected, "\(path)", sourceLocation: sourceLocation)
}

private func makeRules(_ tree: TemporaryTree, excludes: [String] = [], includes: [String] = [],
                       useGitIgnore: Bool = true, global: String? = nil) -> IgnoreRules {
    IgnoreRules(root: tree.root, options: WalkOptions(
        excludes: excludes, includes: includes, useGitIgnore: useGitIgnore, globalExcludesFile: global))
}

@Test func deeperGitignoreTakesPrecedence() throws {
    let tree = try TemporaryTree()
    defer { tree.remove() }
    try tree.write(".gitignore", "*.log\nsecret.py\n")
    try tree.write("a/.gitignore", "!keep.log\n")
    try tree.write("a/b/.gitignore", "keep.log\n")
    var rules = makeRules(tree)
    expectIgnored(&rules, "x.log", isDirectory: false, true)
    expectIgnored(&rules, "a/keep.log", isDirectory: false, false)
    expectIgnored(&rules, "a/other.log", isDirectory: false, true)
    expectIgnored(&rules, "a/b/keep.log", isDirectory: false, true)
    expectIgnored(&rules, "a/b/secret.py", isDirectory: false, true)
    expectIgnored(&rules, "a/b/public.py", isDirectory: false, false)
}

@Test func fileUnderAnIgnoredDirectoryCannotBeReincluded() throws {
    let tree = try TemporaryTree()
    defer { tree.remove() }
    try tree.write(".gitignore", "build/\n!build/keep.py\n")
    try tree.write("vendor/.gitignore", "!*.py\n")
    try tree.write("c/.gitignore", "!x.py\n")
    var rules = makeRules(tree, excludes: ["vendor/"])
    expectIgnored(&rules, "build/keep.py", isDirectory: false, true)
    expectIgnored(&rules, "vendor/lib.py", isDirectory: false, true)
    // A negation cannot reach into a directory its own ignore file excludes either.
    try tree.write(".gitignore", "c/\n")
    var fresh = makeRules(tree)
    expectIgnored(&fresh, "c/x.py", isDirectory: false, true)
}

@Test func infoExcludeAndGlobalExcludesApplyBelowGitignore() throws {
    let tree = try TemporaryTree()
    defer { tree.remove() }
    try tree.write(".git/info/exclude", "local.py\nboth.py\n")
    try tree.write("global-ignore", "global.py\nboth.py\n")
    try tree.write(".gitignore", "!both.py\n")
    var rules = makeRules(tree, global: tree.path("global-ignore"))
    expectIgnored(&rules, "local.py", isDirectory: false, true)
    expectIgnored(&rules, "deep/global.py", isDirectory: false, true)
    expectIgnored(&rules, "both.py", isDirectory: false, false)
    var without = makeRules(tree, useGitIgnore: false, global: tree.path("global-ignore"))
    expectIgnored(&without, "local.py", isDirectory: false, false)
}

@Test func linkedWorktreeReadsTheCommonInfoExclude() throws {
    let tree = try TemporaryTree()
    defer { tree.remove() }
    try tree.write("main/.git/info/exclude", "wt-local.py\n")
    try tree.write("main/.git/worktrees/wt/commondir", "../..\n")
    try tree.write("wt/.git", "gitdir: \(tree.path("main/.git/worktrees/wt"))\n")
    var rules = IgnoreRules(root: tree.path("wt"), options: WalkOptions(globalExcludesFile: nil))
    expectIgnored(&rules, "wt-local.py", isDirectory: false, true)
}

@Test func configExcludesWinOverGitignore() throws {
    let tree = try TemporaryTree()
    defer { tree.remove() }
    try tree.write(".gitignore", "generated.py\n")
    var rules = makeRules(tree, excludes: ["fixtures/**", "!generated.py"])
    expectIgnored(&rules, "fixtures/a/b.py", isDirectory: false, true)
    expectIgnored(&rules, "generated.py", isDirectory: false, false)
}

@Test func includesRestrictFilesButNotDirectories() throws {
    let tree = try TemporaryTree()
    defer { tree.remove() }
    var rules = makeRules(tree, includes: ["src/", "*.sql", "!src/gen/"])
    expectIgnored(&rules, "src/a/b.py", isDirectory: false, false)
    expectIgnored(&rules, "db/schema.sql", isDirectory: false, false)
    expectIgnored(&rules, "tools/x.py", isDirectory: false, true)
    expectIgnored(&rules, "tools", isDirectory: true, false)
    expectIgnored(&rules, "src/gen/x.py", isDirectory: false, true)
    expectIgnored(&rules, "src/gen/x.sql", isDirectory: false, false)
}

@Test(arguments: [".git", ".git/config", "a.py.swp", "a.py.swo", "a.py~", ".#a.py", "4913", "sub/4913"])
func defaultExcludesAlwaysApply(path: String) throws {
    let tree = try TemporaryTree()
    defer { tree.remove() }
    try tree.write(".gitignore", "!*\n")
    var rules = makeRules(tree, excludes: ["!*"])
    expectIgnored(&rules, path, isDirectory: path == ".git", true)
}

@Test func forgettingAnIgnoreFileRereadsIt() throws {
    let tree = try TemporaryTree()
    defer { tree.remove() }
    try tree.write("a/.gitignore", "x.py\n")
    var rules = makeRules(tree)
    expectIgnored(&rules, "a/x.py", isDirectory: false, true)
    try tree.write("a/.gitignore", "y.py\n")
    expectIgnored(&rules, "a/x.py", isDirectory: false, true)
    rules.forgetIgnoreFile(inDirectory: "a")
    expectIgnored(&rules, "a/x.py", isDirectory: false, false)
}
