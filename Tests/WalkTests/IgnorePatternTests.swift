import Testing
@testable import BackcheckWalk

/// What an ignore file with `lines`, living in `directory`, says about the root-relative `path`.
private func verdict(
    _ lines: String, _ path: String, isDirectory: Bool = false, directory: String = ""
) -> IgnoreMatcher.Verdict? {
    let matcher = IgnoreMatcher(contents: Array(lines.utf8), directory: directory)
    let bytes = Array(path.utf8)
    let basenameStart = (bytes.lastIndex(of: UInt8(ascii: "/")) ?? -1) + 1
    return bytes.withUnsafeBufferPointer {
        matcher.verdict($0, basenameStart: basenameStart, isDirectory: isDirectory)
    }
}

@Test func blankLinesAndCommentsAreSkipped() {
    #expect(IgnoreMatcher(contents: Array("\n# comment\n   \n\n".utf8), directory: "").isEmpty)
    #expect(verdict("#foo\n", "#foo") == nil)
}

@Test func escapedHashAndBangAreLiterals() {
    #expect(verdict("\\#foo\n", "#foo") == .matched)
    #expect(verdict("\\!important\n", "!important") == .matched)
    #expect(verdict("\\!important\n", "important") == nil)
}

@Test func trailingSpacesAreTrimmedUnlessEscaped() {
    #expect(verdict("foo   \n", "foo") == .matched)
    #expect(verdict("foo\\ \n", "foo ") == .matched)
    #expect(verdict("foo\\ \n", "foo") == nil)
}

@Test func crlfLinesAndBomAreHandled() {
    #expect(verdict("\u{FEFF}a.py\r\nb.py\r\n", "a.py") == .matched)
    #expect(verdict("a.py\r\nb.py\r\n", "b.py") == .matched)
}

@Test func negationUndoesAnEarlierMatchAndLastMatchWins() {
    let lines = "*.log\n!keep.log\n"
    #expect(verdict(lines, "debug.log") == .matched)
    #expect(verdict(lines, "keep.log") == .negated)
    #expect(verdict("!keep.log\n*.log\n", "keep.log") == .matched)
}

@Test func trailingSlashMatchesDirectoriesOnly() {
    #expect(verdict("build/\n", "build", isDirectory: true) == .matched)
    #expect(verdict("build/\n", "build", isDirectory: false) == nil)
    #expect(verdict("build/\n", "src/build", isDirectory: true) == .matched)
}

@Test func leadingSlashAnchorsToTheIgnoreFilesDirectory() {
    #expect(verdict("/todo.py\n", "todo.py") == .matched)
    #expect(verdict("/todo.py\n", "src/todo.py") == nil)
    #expect(verdict("/todo.py\n", "sub/todo.py", directory: "sub") == .matched)
    #expect(verdict("/todo.py\n", "sub/deeper/todo.py", directory: "sub") == nil)
}

@Test func middleSlashAnchorsToo() {
    #expect(verdict("doc/frotz\n", "doc/frotz", isDirectory: true) == .matched)
    #expect(verdict("doc/frotz\n", "a/doc/frotz", isDirectory: true) == nil)
    #expect(verdict("doc/*.py\n", "doc/a.py") == .matched)
    #expect(verdict("doc/*.py\n", "doc/x/a.py") == nil)
}

@Test func patternWithoutSlashMatchesANameAtAnyDepth() {
    #expect(verdict("frotz\n", "a/b/frotz") == .matched)
    #expect(verdict("*.pyc\n", "a/b/c.pyc") == .matched)
    #expect(verdict("frotz\n", "x/frotz", directory: "x") == .matched)
    #expect(verdict("frotz\n", "y/frotz", directory: "x") == nil)
}

@Test func doubleStarForms() {
    #expect(verdict("**/foo\n", "foo") == .matched)
    #expect(verdict("**/foo\n", "a/b/foo") == .matched)
    #expect(verdict("**/foo/bar\n", "x/foo/bar") == .matched)
    #expect(verdict("abc/**\n", "abc/x/y.py") == .matched)
    #expect(verdict("abc/**\n", "abc", isDirectory: true) == nil)
    #expect(verdict("a/**/b\n", "a/b") == .matched)
    #expect(verdict("a/**/b\n", "a/x/y/b") == .matched)
    #expect(verdict("a/**/b\n", "c/a/x/b") == nil)
    // Not a whole component: an ordinary `*`, which stops at `/`.
    #expect(verdict("a**b\n", "a/x/b") == nil)
    #expect(verdict("a**b\n", "axxb") == .matched)
}

@Test func questionMarkAndClassesDoNotCrossSlashes() {
    #expect(verdict("?.py\n", "a.py") == .matched)
    #expect(verdict("?.py\n", "ab.py") == nil)
    #expect(verdict("[a-c]*.py\n", "beta.py") == .matched)
    #expect(verdict("[a-c]*.py\n", "delta.py") == nil)
    #expect(verdict("[!a]*.js\n", "b.js") == .matched)
    #expect(verdict("[!a]*.js\n", "a.js") == nil)
    #expect(verdict("x[/]y\n", "x/y") == nil)
    #expect(verdict("v[[:digit:]].sql\n", "v1.sql") == .matched)
}

@Test func patternsThatCanNeverMatchAreDropped() {
    #expect(IgnoreMatcher(contents: Array("!\n/\n".utf8), directory: "").isEmpty)
}
