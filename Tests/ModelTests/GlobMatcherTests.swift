import Testing
@testable import BackcheckModel

/// Cases from git's t/t3070-wildmatch.sh (the `WM_PATHNAME` column), as (text, pattern, matches).
private let wildmatchCases: [(String, String, Bool)] = [
    ("foo", "foo", true), ("foo", "bar", false), ("foo", "???", true), ("foo", "??", false),
    ("foo", "*", true), ("foo", "f*", true), ("foo", "*f", false), ("foo", "*foo*", true),
    ("foobar", "*ob*a*r*", true), ("aaaaaaabababab", "*ab", true), ("foo*", "foo\\*", true),
    ("foobar", "foo\\*bar", false), ("f\\oo", "f\\\\oo", true), ("ball", "*[al]?", true),
    ("ten", "[ten]", false), ("ten", "**[!te]", true), ("ten", "**[!ten]", false),
    ("ten", "t[a-g]n", true), ("ten", "t[!a-g]n", false), ("ton", "t[!a-g]n", true),
    ("ton", "t[^a-g]n", true), ("a]b", "a[]]b", true), ("a-b", "a[]-]b", true),
    ("a]b", "a[]-]b", true), ("aab", "a[]-]b", false), ("aab", "a[]a-]b", true), ("]", "]", true),
    ("foo/baz/bar", "foo*bar", false), ("foo/baz/bar", "foo**bar", false), ("foobazbar", "foo**bar", true),
    ("foo/baz/bar", "foo/**/bar", true), ("foo/baz/bar", "foo/**/**/bar", true),
    ("foo/b/a/z/bar", "foo/**/bar", true), ("foo/b/a/z/bar", "foo/**/**/bar", true),
    ("foo/bar", "foo/**/bar", true), ("foo/bar", "foo/**/**/bar", true), ("foo/bar", "foo?bar", false),
    ("foo/bar", "foo[/]bar", false), ("foo/bar", "foo[^a-z]bar", false),
    ("foo/bar", "f[^eiu][^eiu][^eiu][^eiu][^eiu]r", false),
    ("foo-bar", "f[^eiu][^eiu][^eiu][^eiu][^eiu]r", true),
    ("foo", "**/foo", true), ("XXX/foo", "**/foo", true), ("bar/baz/foo", "**/foo", true),
    ("bar/baz/foo", "*/foo", false), ("foo/bar/baz", "**/bar*", false),
    ("deep/foo/bar/baz", "**/bar/*", true), ("deep/foo/bar/baz/", "**/bar/*", false),
    ("deep/foo/bar/baz/", "**/bar/**", true), ("deep/foo/bar", "**/bar/*", false),
    ("deep/foo/bar/", "**/bar/**", true), ("foo/bar/baz", "**/bar**", false),
    ("foo/bar/baz/x", "*/bar/**", true), ("deep/foo/bar/baz/x", "*/bar/**", false),
    ("deep/foo/bar/baz/x", "**/bar/*/*", true), ("foo/bar/baz/to", "**/t[o]", true),
    ("A", "[[:digit:][:upper:][:space:]]", true), ("a", "[[:digit:][:upper:][:space:]]", false),
    ("1", "[[:digit:][:upper:][:space:]]", true), ("[ab]", "\\[ab]", true), ("[ab]", "[[]ab]", true),
    ("[ab]", "[[:]ab]", true), ("[ab]", "[[::]ab]", false), ("[ab]", "[[:digit]ab]", true),
    ("[ab]", "[\\[:]ab]", true), ("?a?b", "\\??\\?b", true), ("abc", "\\a\\b\\c", true),
    ("a/b", "a/**", true), ("a", "a/**", false), ("abc", "a[bc", false), ("a", "a\\", false),
    ("x.py", "*.py", true), ("a/x.py", "*.py", false), (".py", "*.py", true),
]

@Test(arguments: wildmatchCases)
func wildmatchAgreesWithGit(text: String, pattern: String, expected: Bool) {
    let matcher = GlobMatcher(pattern.utf8)
    let matched = Array(text.utf8).withUnsafeBufferPointer { matcher.matches($0) }
    #expect(matched == expected, "\(pattern) vs \(text)")
}
