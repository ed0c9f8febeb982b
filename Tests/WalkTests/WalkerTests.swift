import Foundation
import Testing
import TestSupport
import BackcheckWalk

private func walk(_ tree: TemporaryTree, _ options: WalkOptions = WalkOptions(globalExcludesFile: nil)) throws -> WalkResult {
    try Walker(root: tree.root, options: options).walk()
}

private func classifications(_ result: WalkResult) -> [String: WalkedFile.Classification] {
    Dictionary(uniqueKeysWithValues: result.files.map { ($0.relativePath, $0.classification) })
}

@Test func reportsSourceFilesSortedWithMetadata() throws {
    let tree = try TemporaryTree()
    defer { tree.remove() }
    try tree.write("src/b.ts", "let b = 1\n")
    try tree.write("a.py", "print(1)\n")
    try tree.write("README.md", "# not ours\n")
    try tree.write("Makefile", "all:\n")
    try tree.write("./db/schema.SQL", "create table t (id int);\n")
    let result = try walk(tree)
    #expect(result.files.map(\.relativePath) == ["a.py", "db/schema.SQL", "src/b.ts"])
    #expect(classifications(result)["db/schema.SQL"] == .source(.sql))
    let file = try #require(result.files.first)
    #expect(file.absolutePath == tree.path("a.py"))
    #expect(file.size == 9)
    #expect(file.inode != 0)
    let mtime = try FileManager.default.attributesOfItem(atPath: file.absolutePath)[.modificationDate] as! Date
    #expect(abs(Double(file.modificationTimeNanoseconds) / 1e9 - mtime.timeIntervalSince1970) < 0.001)
    #expect(result.diagnostics.isEmpty)
    #expect(result.stats.directories == 3)
}

@Test func binaryFilesAreSkippedByTheirFirst8KiB() throws {
    let tree = try TemporaryTree()
    defer { tree.remove() }
    try tree.write("blob.py", bytes: Array("x = 1\n".utf8) + [0, 1, 2])
    try tree.write("late.py", bytes: [UInt8](repeating: UInt8(ascii: "a"), count: 9000) + [0])
    let found = classifications(try walk(tree))
    #expect(found["blob.py"] == .skipped(reason: "binary"))
    #expect(found["late.py"] == .source(.python))
}

@Test func largeFilesAreSkippedWithTheirSize() throws {
    let tree = try TemporaryTree()
    defer { tree.remove() }
    try tree.write("big.go", bytes: [UInt8](repeating: 0x20, count: 1_048_577))
    try tree.write("limit.go", bytes: [UInt8](repeating: 0x20, count: 1_048_576))
    try tree.write("small.go", bytes: [UInt8](repeating: 0x20, count: 101))
    let found = classifications(try walk(tree))
    #expect(found["big.go"] == .skipped(reason: "too large (1048577 bytes > 1048576)"))
    #expect(found["limit.go"] == .source(.go))
    let tight = classifications(try walk(tree, WalkOptions(maxFileSize: 100, globalExcludesFile: nil)))
    #expect(tight["small.go"] == .skipped(reason: "too large (101 bytes > 100)"))
}

@Test func symlinksAreNeverFollowed() throws {
    let outside = try TemporaryTree()
    let tree = try TemporaryTree()
    defer {
        tree.remove()
        outside.remove()
    }
    try outside.write("secret/leak.py")
    try tree.write("real/app.py")
    try tree.symlink("linked-dir", to: outside.path("secret"))
    try tree.symlink("linked-file.py", to: outside.path("secret/leak.py"))
    try tree.symlink("real/loop", to: tree.root)
    try tree.symlink("dangling.py", to: tree.path("missing.py"))
    let result = try walk(tree)
    // Symlinks with a source file's name are listed as skipped, so the audit says why; none is read.
    #expect(result.files.map(\.relativePath) == ["dangling.py", "linked-file.py", "real/app.py"])
    #expect(result.files.filter { $0.classification == .skipped(reason: "symlink (not followed)") }.map(\.relativePath)
            == ["dangling.py", "linked-file.py"])
    #expect(result.stats.symlinks == 4)
    #expect(result.diagnostics.isEmpty)
}

@Test func fifosAreListedAsSkippedWithoutBeingOpened() throws {
    let tree = try TemporaryTree()
    defer { tree.remove() }
    try tree.write("app.py", "print(1)\n")
    #expect(mkfifo(tree.path("pipe.py"), 0o644) == 0)
    #expect(mkfifo(tree.path("pipe-without-language"), 0o644) == 0)
    // Opening the FIFO for reading would block the walk until a writer came.
    let result = try walk(tree)
    #expect(result.files.map(\.relativePath) == ["app.py", "pipe.py"])
    #expect(result.files.last?.classification == .skipped(reason: "not a regular file"))
    let walker = Walker(root: tree.root, options: WalkOptions(globalExcludesFile: nil))
    #expect(walker.files(relativePaths: ["pipe.py"])["pipe.py"]?.classification == .skipped(reason: "not a regular file"))
}

/// A subtree walk (the daemon's rescan of one directory) lists nothing through a symlink, for a
/// missing directory, or under an ignored one; it still lists a real directory.
@Test func subtreeWalksNeverLeaveTheTree() throws {
    let outside = try TemporaryTree()
    let tree = try TemporaryTree()
    defer {
        tree.remove()
        outside.remove()
    }
    try outside.write("secret/leak.py")
    try tree.write("real/app.py")
    try tree.write("build/gen.py")
    try tree.write(".gitignore", "build/\n")
    try tree.symlink("linked-dir", to: outside.path("secret"))
    try tree.symlink("real/loop", to: tree.root)
    let walker = Walker(root: tree.root)
    #expect(try walker.walk(subtree: "real").files.map(\.relativePath) == ["real/app.py"])
    for subtree in ["linked-dir", "real/loop", "real/loop/real", "missing", "missing/deeper", "build", "real/app.py"] {
        var entered: [String] = []
        let result = try walker.walk(subtree: subtree) { entered.append($0) }
        #expect(result.files.isEmpty, "\(subtree)")
        #expect(entered.isEmpty, "\(subtree)")
    }
}

@Test func gitDirectoryAndInfoExcludeAreHonoured() throws {
    let tree = try TemporaryTree()
    defer { tree.remove() }
    try tree.write(".git/hooks/pre-commit.py")
    try tree.write(".git/info/exclude", "generated/\n")
    try tree.write("generated/model.py")
    try tree.write("app.py")
    let result = try walk(tree)
    #expect(result.files.map(\.relativePath) == ["app.py"])
    #expect(result.stats.ignored == 2)
}

@Test func nestedGitignoresApplyWhileWalking() throws {
    let tree = try TemporaryTree()
    defer { tree.remove() }
    try tree.write(".gitignore", "*.gen.ts\nbuild/\n")
    try tree.write("web/.gitignore", "!keep.gen.ts\n/local.ts\n")
    try tree.write("web/keep.gen.ts")
    try tree.write("web/drop.gen.ts")
    try tree.write("web/local.ts")
    try tree.write("web/deep/local.ts")
    try tree.write("build/out.js")
    try tree.write("web/build/out.js")
    let result = try walk(tree)
    #expect(result.files.map(\.relativePath) == ["web/deep/local.ts", "web/keep.gen.ts"])
}

@Test func configExcludesAndIncludes() throws {
    let tree = try TemporaryTree()
    defer { tree.remove() }
    for path in ["src/a.py", "src/vendor/b.py", "db/schema.sql", "tools/c.rb"] { try tree.write(path) }
    let excluded = try walk(tree, WalkOptions(excludes: ["vendor/", "*.rb"], globalExcludesFile: nil))
    #expect(excluded.files.map(\.relativePath) == ["db/schema.sql", "src/a.py"])
    let included = try walk(tree, WalkOptions(includes: ["src/**", "*.sql"], globalExcludesFile: nil))
    #expect(included.files.map(\.relativePath) == ["db/schema.sql", "src/a.py", "src/vendor/b.py"])
}

@Test func editorTempFilesAreIgnoredByDefault() throws {
    let tree = try TemporaryTree()
    defer { tree.remove() }
    try tree.write(".#app.py")
    try tree.write("4913", "#!/usr/bin/env python3\n")
    try tree.write("app.py")
    #expect(try walk(tree).files.map(\.relativePath) == ["app.py"])
}

@Test func extensionlessScriptsAreDetectedByShebang() throws {
    let tree = try TemporaryTree()
    defer { tree.remove() }
    try tree.write("manage", "#!/usr/bin/env python3\nimport sys\n")
    try tree.write("bin/serve", "#!/usr/local/bin/node --inspect\n")
    try tree.write("run", "#!/bin/sh\necho hi\n")
    try tree.write(".envrc", "export A=1\n")
    let found = classifications(try walk(tree))
    #expect(found == ["manage": .source(.python), "bin/serve": .source(.javascript)])
}

@Test func languageOverridesWinOverTheBuiltInTable() throws {
    let tree = try TemporaryTree()
    defer { tree.remove() }
    try tree.write("page.tpl")
    try tree.write("app.js")
    try tree.write("main.py")
    let options = WalkOptions(languageOverrides: [".TPL": .php, "js": .typescript], globalExcludesFile: nil)
    let found = classifications(try walk(tree, options))
    #expect(found == ["page.tpl": .source(.php), "app.js": .source(.typescript), "main.py": .source(.python)])
}

@Test func rootErrorsAreTyped() throws {
    let tree = try TemporaryTree()
    defer { tree.remove() }
    try tree.write("file.py")
    #expect(throws: WalkError.rootMissing(path: tree.path("missing"))) {
        try Walker(root: tree.path("missing")).walk()
    }
    #expect(throws: WalkError.rootNotDirectory(path: tree.path("file.py"))) {
        try Walker(root: tree.path("file.py")).walk()
    }
}

@Test func nonUTF8NamesAreDiagnosedNotFatal() throws {
    let tree = try TemporaryTree()
    defer { tree.remove() }
    try tree.write("ok.py")
    // "bad\xFF.py": FileManager only takes Strings, so create it through open(2).
    let name = Array((tree.root + "/bad").utf8) + [0xFF] + Array(".py".utf8) + [0]
    let fd = name.withUnsafeBufferPointer { open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_CREAT | O_WRONLY, 0o644) }
    #expect(fd >= 0)
    close(fd)
    let result = try walk(tree)
    #expect(result.files.map(\.relativePath) == ["ok.py"])
    #expect(result.diagnostics.count == 1)
    #expect(result.diagnostics.first?.message == "file name is not valid UTF-8; skipped")
}

@Test(.enabled(if: geteuid() != 0, "root reads every directory"))
func unreadableDirectoriesAreDiagnosed() throws {
    let tree = try TemporaryTree()
    defer { tree.remove() }
    try tree.write("locked/a.py")
    try tree.write("open.py")
    chmod(tree.path("locked"), 0)
    let result = try walk(tree)
    #expect(result.files.map(\.relativePath) == ["open.py"])
    #expect(result.diagnostics.map(\.path) == ["locked"])
}

@Test func singleFilesAreClassifiedAsTheWalkListsThem() throws {
    let tree = try TemporaryTree()
    defer { tree.remove() }
    try tree.write("src/a.py", "print(1)\n")
    try tree.write("src/blob.py", bytes: [0x70, 0x00, 0x01])
    try tree.write("README.md", "# not ours\n")
    try tree.symlink("src/link.py", to: tree.path("src/a.py"))
    let walked = Dictionary(uniqueKeysWithValues: try walk(tree).files.map { ($0.relativePath, $0) })
    let walker = Walker(root: tree.root, options: WalkOptions(globalExcludesFile: nil))
    let found = walker.files(relativePaths: ["src/a.py", "src/blob.py", "README.md", "src/link.py", "gone.py", "src"])
    #expect(found == walked)
    #expect(found["src/blob.py"]?.classification == .skipped(reason: "binary"))
    #expect(found["src/link.py"]?.classification == .skipped(reason: "symlink (not followed)"))
}

@Test func directoriesWithALicenceOtherThanTheRootsAreThirdParty() throws {
    let tree = try TemporaryTree()
    defer { tree.remove() }
    try tree.write("LICENSE", "GNU GENERAL PUBLIC LICENSE\nVersion 3\n")
    try tree.write("libs/querykit/LICENSE", "MIT License\nCopyright (c) 2015 Someone Else\n")
    try tree.write("libs/querykit/src/Db.php", "<?php\n")
    try tree.write("server/modules/ntlm/LICENSE.md", "ISC License\n")
    // The project's own: the root's licence (a BOM and blank lines aside), a monorepo package,
    // an enterprise edition, and a symlink to a licence outside.
    try tree.write("ui/web/LICENSE", "\u{FEFF}\nGNU GENERAL PUBLIC LICENSE\nVersion 3\n\n")
    try tree.write("packages/sdk/LICENSE", "MIT License\n")
    try tree.write("ee/LICENSE", "Commercial licence\n")
    try tree.write("elsewhere/LICENSE.txt", "Apache License 2.0\n")
    try tree.write("linked/app.py")
    try tree.symlink("linked/LICENSE", to: tree.path("elsewhere/LICENSE.txt"))
    try tree.write("docs/licenses.md", "# Licences we use\n")
    let expected = ["libs/querykit": "own licence libs/querykit/LICENSE", "server/modules/ntlm": "own licence server/modules/ntlm/LICENSE.md",
                    "elsewhere": "own licence elsewhere/LICENSE.txt"]
    #expect(try walk(tree).thirdPartyDirectories == expected)
    // A walk of one subtree compares with the root's licence too.
    #expect(try Walker(root: tree.root).walk(subtree: "ui").thirdPartyDirectories.isEmpty)
    #expect(try Walker(root: tree.root).walk(subtree: "libs").thirdPartyDirectories == ["libs/querykit": "own licence libs/querykit/LICENSE"])
}
