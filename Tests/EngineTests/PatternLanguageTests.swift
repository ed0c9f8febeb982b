import BackcheckRules
import Testing
import TestSupport
@testable import BackcheckEngine

/// The pattern language of docs/DESIGN.md §5, one behaviour per test, each with code that must and must
/// not match.
@Suite struct PatternLanguageTests {
    func rule(_ pattern: String, language: String = "python", message: String = "m $X", extra: String = "") throws -> CompiledRule {
        try TestSupport.rule("""
        id: logging/test
        checklist: logging
        severity: high
        languages: [\(language)]
        message: "\(message)"
        pattern: '\(pattern)'
        \(extra)
        """)
    }

    /// A rule around `formula` (YAML at the rule's top level: `all:`, `any:` …).
    func formulaRule(language: String = "python", _ formula: String) throws -> CompiledRule {
        try TestSupport.rule("id: logging/test\nchecklist: logging\nseverity: high\nlanguages: [\(language)]\nmessage: m\n" + formula)
    }

    func check(_ rule: CompiledRule, _ code: String, _ comment: Comment? = nil) {
        #expect(TestSupport.positions(rule, code) == TestSupport.markers(code), comment)
    }

    @Test func literalTokensIgnoreWhitespaceAndNewlines() throws {
        let r = try rule("hashlib.md5(data)")
        check(r, "x = ↓hashlib . md5 ( data )")
        check(r, "x = ↓hashlib.md5(\n    data\n)")
        check(r, "x = hashlib.md5(other)")
        check(r, "x = hashlib.sha256(data)")
    }

    @Test func metavariableBindsOperandChains() throws {
        let r = try rule("hashlib.md5($X)")
        check(r, "↓hashlib.md5(password)")
        check(r, "↓hashlib.md5(user.password.encode('utf-8'))")
        check(r, "↓hashlib.md5(os.environ[\"K\"])")
        check(r, "hashlib.md5(a + b)")
    }

    @Test func wordsOnlyOtherLanguagesReserveAreNamesInPython() throws {
        let r = try rule("$X.full_clean()")
        check(r, "↓interface.full_clean()\n↓package.full_clean()\n↓end.full_clean()")
        let go = try rule("$X.Close()", language: "go")
        check(go, "defer ↓f.Close()")
    }

    @Test func anArrowIsAMemberAccessOnlyInPHP() throws {
        let java = try rule("$A != $B", language: "java", message: "m $B")
        let found = TestSupport.findings(java, "var t = switch (p) { case ApiKey k when k != null -> k.getTeams(); default -> none; };")
        #expect(found.map(\.message) == ["m null"])
        let php = try rule("$X->save()", language: "php")
        check(php, "<?php ↓$this->order->save();")
    }

    @Test func sameMetavariableMustBindSameText() throws {
        let r = try rule("$X == $X")
        check(r, "if ↓a.b == a.b: pass")
        check(r, "if a.b == a.c: pass")
    }

    @Test func metavariableNeverStartsInsideAChain() throws {
        let r = try rule("$X.digest()")
        let found = TestSupport.findings(r, "h = hashlib.md5(p).digest()")
        #expect(found.count == 1)
        #expect(found.first?.message == "m hashlib.md5(p)")
    }

    @Test func ellipsisStaysInsideItsGroup() throws {
        let r = try rule("f(..., secret)")
        check(r, "↓f(a, b, secret)")
        check(r, "↓f(secret)")
        check(r, "f(a, g(secret))")
        check(r, "f(a)\nsecret")
    }

    @Test func argumentEllipsisMatchesAnyPosition() throws {
        let r = try rule("log($A, ..., $X, ...)", extra: "where:\n  X: { regex: \"^pw$\" }")
        check(r, "↓log(1, pw)")
        check(r, "↓log(1, 2, pw, 3)")
        check(r, "log(pw)")
        check(r, "log(1, 2, 3)")
    }

    @Test func stringPatterns() throws {
        let any = try rule("open(\"...\")")
        check(any, "↓open('a.txt')")
        check(any, "↓open(f\"{x}.txt\")")
        check(any, "open(name)")
        let exact = try rule("mode(\"r\")")
        check(exact, "↓mode('r')")
        check(exact, "mode('w')")
        let bound = try rule("key = \"$S\"", extra: "where:\n  S: { min-length: 5 }")
        check(bound, "↓key = 'abcdef'")
        check(bound, "key = 'abc'")
    }

    @Test func interpolatedStringPatterns() throws {
        let r = try rule("log(f\"...{$X}...\")", extra: "where:\n  X: { regex: password }")
        check(r, "↓log(f\"user {name} pw {password}\")")
        check(r, "log(f\"user {name}\")")
        check(r, "log(\"password {password}\")")
        let js = try rule("log(`...${$X}...`)", language: "javascript", extra: "where:\n  X: { regex: token }")
        check(js, "↓log(`t=${req.token}`)")
        check(js, "log(`t=${req.id}`)")
    }

    @Test func whereConstraints() throws {
        let r = try rule("$K = \"$V\"", extra: """
        where:
          K: { regex: "(?i)secret", not-regex: "(?i)name" }
          V: { entropy: 3.0, min-length: 10 }
        """)
        check(r, "↓SECRET_KEY = 'q8Zr2LmX9vPw'")
        check(r, "SECRET_NAME = 'q8Zr2LmX9vPw'")
        check(r, "SECRET_KEY = 'aaaaaaaaaaaa'")
        check(r, "SECRET_KEY = 'q8Zr2'")
    }

    @Test func combinators() throws {
        let r = try formulaRule("""
        all:
          - hashlib.$H($X)
          - not: hashlib.$H($X, usedforsecurity=False)
          - inside: |
              def $F(...):
                  ...
          - not-inside: |
              def test_$T(...):
                  ...
        where:
          H: { regex: "^(md5|sha1)$" }
        """)
        check(r, "def f(p):\n    return ↓hashlib.md5(p)")
        check(r, "def f(p):\n    return hashlib.md5(p, usedforsecurity=False)")
        check(r, "x = hashlib.md5(p)")
        check(r, "def f(p):\n    return hashlib.sha512(p)")
    }

    /// A `def $F(...):` pattern says nothing of the return type, so it matches annotated
    /// functions too; without that, a decorator pattern's `...` ran on to the next unannotated
    /// function and judged it instead.
    @Test func functionPatternsMatchAnnotatedReturns() throws {
        let r = try formulaRule("""
        all:
          - '@exempt'
          - inside:
              all:
                - |
                  @exempt
                  ...
                  def $F(...):
                      ...
                - request.user
        """)
        check(r, "↓@exempt\ndef f(request) -> HttpResponse:\n    return request.user\n")
        check(r, "↓@exempt\ndef f(request) -> Dict[str, int]:\n    return request.user\n")
        check(r, "@exempt\ndef f(request) -> HttpResponse:\n    return 1\n\ndef g(request):\n    return request.user\n")
        check(r, "@exempt\nasync def f(request) -> Optional[HttpResponse]:\n    return 1\n\ndef g(request):\n    return request.user\n")
    }

    @Test func notInFileDropsEveryMatchOfAFileWhereItsFormulaMatches() throws {
        let r = try formulaRule("""
        all:
          - $C.execute(...)
          - not-in-file: sqlite3.connect(...)
        """)
        check(r, "def f(c):\n    ↓c.execute(q)\n\ndef g(c):\n    ↓c.execute(r)\n")
        // The fact holds for the whole file, before and after where it is written.
        check(r, "def f(c):\n    c.execute(q)\n\ndef g():\n    c = sqlite3.connect(':memory:')\n    c.execute(r)\n")
        check(r, "def f(c):\n    ↓c.execute(q)\n\ndef g():\n    c = psycopg2.connect(dsn)\n")
    }

    @Test func anyOfPatterns() throws {
        let r = try formulaRule(language: "javascript", """
        any:
          - crypto.createHash("md5")
          - crypto.createHash("sha1")
        """)
        check(r, "const h = ↓crypto.createHash('md5').update(pw)")
        check(r, "const h = ↓crypto.createHash(\"sha1\")")
        check(r, "const h = crypto.createHash('sha256')")
    }

    @Test func focusMovesTheFindingStart() throws {
        let r = try rule("log(..., $X, ...)", extra: "focus: X\nwhere:\n  X: { regex: pw }")
        check(r, "log(1, ↓pw)")
    }

    @Test func secretsAreMaskedInMessageAndSnippet() throws {
        let r = try rule("token = \"$S\"", message: "secret $S", extra: "secret: S")
        let found = TestSupport.findings(r, "token = 'sk_live_0123456789abcdef'")
        #expect(found.count == 1)
        #expect(found.first?.message == "secret sk_l****************cdef")
        #expect(found.first?.snippet == "token = 'sk_l****************cdef'")
        #expect(found.first?.secretHash != nil)
    }

    @Test func filterTrailingEllipsisRunsToTheEndOfItsGroup() throws {
        let r = try formulaRule(language: "ruby", """
        all:
          - puts $X
          - not-inside: 'STDIN.gets ...'
        """)
        check(r, "↓puts a\nanswer = STDIN.gets\nputs b\nrun(answer)\nputs c\n")
        check(r, "[STDIN.gets, puts(b)]\n↓puts c\n")
        // Outside a filter a trailing `...` is still lazy: it matches nothing.
        let plain = try rule("STDIN.gets ...", language: "ruby", message: "m")
        let found = TestSupport.findings(plain, "x = STDIN.gets\nputs x\n")
        #expect(found.map(\.line) == [1])
        #expect(found.first?.endLine == 1)
    }

    /// A `unify` metavariable ties a filter's binding to the match's: the filter spares only the
    /// matches that bind the same tokens to it. Without `unify` the filter's `$X` is its own.
    @Test func unifiedMetavariablesTieFiltersToTheMatch() throws {
        let formula = """
        all:
          - print($X)
          - not-inside: |
              $X = clean(...)
              ...
        """
        let unified = try formulaRule(formula + "\nwhere:\n  X: { unify: true }")
        check(unified, "a = clean(raw)\nprint(a)\n↓print(b)\n")
        check(unified, "a = clean(raw)\nb = clean(raw)\nprint(a)\nprint(b)\n")
        check(unified, "↓print(a)\na = clean(raw)\n")
        // A match that leaves the metavariable unbound is filtered by every binding.
        let free = try formulaRule(formula)
        check(free, "a = clean(raw)\nprint(a)\nprint(b)\n")
        let unbound = try formulaRule("""
        all:
          - any: [print($X), print()]
          - not-inside: |
              $X = clean(...)
              ...
        where:
          X: { unify: true }
        """)
        check(unbound, "a = clean(raw)\nprint()\n↓print(b)\n")
    }

    @Test func unexplainedBindingOnlyTriesTheEmptySequence() throws {
        // Ruby's `rescue … end` has no closer to stop a `...`: each non-empty rescue used to test
        // every longer body up to the end of the file and exhaust the budget of a 200-line file.
        let r = try rule("rescue $...BODY end", language: "ruby", message: "m", extra: "where:\n  BODY: { unexplained: true }")
        let handled = Array(repeating: "begin\n  work\nrescue\n  recover(x, y, z)\nend\n", count: 150).joined()
        let code = handled + "begin\n  work\n↓rescue\nend\n"
        let analyzer = FileAnalyzer(rules: RuleSet(rules: [r]), secretKey: [1])
        let result = analyzer.analyze(path: "a.rb", bytes: Array(code.replacingOccurrences(of: "↓", with: "").utf8),
                                      language: .ruby, role: .source)
        #expect(result.diagnostics.isEmpty)
        check(r, code)
        check(r, "begin\n  work\nrescue\n  # the cache is optional\nend\n")
    }

    @Test func runawayMatchStopsAtTheBudget() throws {
        let r = try rule("f(... , ... , ... , ..., x)")
        let code = "f(" + Array(repeating: "a", count: 400).joined(separator: ", ") + ")"
        let analyzer = FileAnalyzer(rules: RuleSet(rules: [r]), secretKey: [1])
        var limited = analyzer
        limited.budgetPerToken = 1
        let result = limited.analyze(path: "big.py", bytes: Array(code.utf8), language: .python, role: .source)
        #expect(result.findings.isEmpty)
        #expect(result.diagnostics.contains { $0.message.contains("work budget") })
    }

    /// A filter the budget cuts short matched only part of the file: the candidates it would have
    /// removed cannot be told from the rest, so the rule reports none of them (and says so).
    @Test func candidatesAFilterCouldNotCheckAreWithheld() throws {
        let r = try formulaRule("""
        all:
          - g($X)
          - not: 'f(... , ... , ... , ..., x)'
        """)
        func analysis(arguments: Int) -> FileAnalysis {
            let code = "g(a)\nf(" + Array(repeating: "a", count: arguments).joined(separator: ", ") + ")\n"
            var analyzer = FileAnalyzer(rules: RuleSet(rules: [r]), secretKey: [1])
            analyzer.budgetPerToken = 1
            return analyzer.analyze(path: "big.py", bytes: Array(code.utf8), language: .python, role: .source)
        }
        let checked = analysis(arguments: 5)
        #expect(checked.findings.map(\.line) == [1])
        #expect(checked.diagnostics.isEmpty)
        let cutShort = analysis(arguments: 400)
        #expect(cutShort.findings.isEmpty)
        #expect(cutShort.diagnostics.map(\.message).contains { $0.contains("reports none its filters could not check") })
    }
}

import BackcheckAnalysis

/// The word-set fast path must agree with the regex engine.
@Suite struct CompiledRegexTests {
    @Test(arguments: ["^(debug|info|warn)$", "(?i)^(?:Debug|INFO)$", "^(a|b)", "(debug|info)", "^(de.ug|info)$"])
    func fastPathAgreesWithTheEngine(_ source: String) throws {
        let regex = try CompiledRegex(source)
        let engine = try NSRegularExpression(pattern: source)
        for text in ["debug", "info", "warn", "DEBUG", "Info", "debugx", "xinfo", "a", "b", "ab", "deXug", ""] {
            let expected = engine.firstMatch(in: text, range: NSRange(location: 0, length: text.utf16.count)) != nil
            #expect(regex.matches(text) == expected, "\(source) on \(text)")
        }
    }
}

import Foundation

@Suite struct PathFilterTests {
    @Test func includeAndExcludeGlobs() throws {
        let rule = try TestSupport.rule("""
        id: error-handling/debug
        checklist: error-handling
        severity: high
        languages: [python]
        message: m
        paths:
          include: ["*settings.py", "**/*settings/*.py"]
          exclude: ["*test*"]
        pattern: DEBUG = True
        """)
        let analyzer = FileAnalyzer(rules: RuleSet(rules: [rule]), secretKey: [1])
        func count(_ path: String) -> Int {
            analyzer.analyze(path: path, bytes: Array("DEBUG = True\n".utf8), language: .python, role: .source).findings.count
        }
        #expect(count("shop/settings.py") == 1)
        #expect(count("shop/settings/prod.py") == 1)
        #expect(count("shop/views.py") == 0)
        #expect(count("tests/settings.py") == 0)
    }
}

/// The literal prefilter of regexes must never reject text the regex matches.
@Suite struct RegexLiteralTests {
    @Test func requiredLiterals() {
        #expect(RegexLiterals.required(in: "(?i)^\\s*select\\s+\\*")?.map { String(decoding: $0, as: UTF8.self) } == ["select"])
        #expect(RegexLiterals.required(in: "(?i)(password|token|secret)")?.count == 3)
        #expect(RegexLiterals.required(in: "a|b") == nil)
        #expect(RegexLiterals.required(in: "(?x) password") == nil)
        #expect(RegexLiterals.required(in: "(?is)\\b(?:i?like)\\s+")?.map { String(decoding: $0, as: UTF8.self) } == ["like"])
        #expect(RegexLiterals.required(in: "(?i)(?:password|hexdigest\\(\\)|api_?key)")?.map { String(decoding: $0, as: UTF8.self) } == ["password", "hexdigest()", "api"])
        #expect(RegexLiterals.required(in: "colou?r")?.map { String(decoding: $0, as: UTF8.self) } == ["colo"])
        // Scoped flags and names open a group, they are not text: `(?i:token)` requires `token`.
        #expect(RegexLiterals.required(in: "^\\w*(?i:token)\\w*$")?.map { String(decoding: $0, as: UTF8.self) } == ["token"])
        #expect(RegexLiterals.required(in: "(?-i:Secret)$")?.map { String(decoding: $0, as: UTF8.self) } == ["secret"])
        #expect(RegexLiterals.required(in: "(?P<kind>bearer|basic) ")?.map { String(decoding: $0, as: UTF8.self) } == ["bearer", "basic"])
        #expect(RegexLiterals.required(in: "(?<=key)=x") == nil)
        let scoped = try! CompiledRegex("^\\w*(?i:token)\\w*$")
        #expect(scoped.matches("authToken") && scoped.matches("API_TOKEN") && !scoped.matches("authKey"))
    }

    @Test func prefilterAgreesWithTheEngineOnThePack() throws {
        // Every regex of the built-in pack, against every example line: same answers with and
        // without the literal prefilter.
        let pack = try RuleSet.builtIn()
        let texts = pack.rules.flatMap { ($0.rule.examples.bad + $0.rule.examples.good).map(\.text) }
            .flatMap { $0.split(whereSeparator: { " ()[]{},;\"'".contains($0) }).map(String.init) }
        var checked = 0
        for rule in pack.rules {
            for constraint in rule.rule.constraints.values {
                for regex in [constraint.regex, constraint.notRegex].compactMap({ $0 }) {
                    let engine = try NSRegularExpression(pattern: regex.source)
                    for text in texts.prefix(400) {
                        let expected = engine.firstMatch(in: text, range: NSRange(location: 0, length: text.utf16.count)) != nil
                        #expect(regex.matches(text) == expected, "\(regex.source) on \(text)")
                        checked += 1
                    }
                }
            }
        }
        #expect(checked > 1000)
    }
}

@Suite struct SecretMaskingTests {
    @Test func everySecretOnALineIsMaskedInEveryFinding() throws {
        let rule = try TestSupport.rule("""
        id: sensitive-data/test
        checklist: sensitive-data
        severity: high
        languages: [python]
        message: "secret $S"
        secret: S
        pattern: '"$S"'
        where:
          S: { regex: '^(sk|gh)_' }
        """)
        let findings = TestSupport.findings(rule, "keys = ['sk_0123456789abcdef', 'gh_fedcba9876543210']")
        #expect(findings.count == 2)
        for finding in findings {
            #expect(!finding.snippet.contains("sk_0123456789abcdef"))
            #expect(!finding.snippet.contains("gh_fedcba9876543210"))
        }
    }
}
