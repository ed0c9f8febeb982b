@testable import BackcheckEngine
import BackcheckLexer
import BackcheckModel
import Testing
import TestSupport

/// The one statement model: where statements begin and end, and which line breaks continue one.
/// Suppressions, the trailing `$...X` and taint all read it, so each is checked here through it.
@Suite struct StatementTests {
    /// The statement holding the first token `text` of `code`: from its first token to its end.
    func statement(of text: String, in code: String, _ language: Language = .javascript) -> String {
        let file = LexedFile(bytes: Array(code.utf8), language: language)
        let model = TokenIndex(file).statements(of: file)
        let tokens = file.buffer.tokens
        guard let index = tokens.indices.first(where: { file.text(ofTokens: $0..<($0 + 1)) == text }) else { return "no \(text)" }
        let start = model.start(of: index)
        let end = tokens.withUnsafeBufferPointer { tokens in
            file.bytes.withUnsafeBufferPointer { model.end(from: start, limit: tokens.count, tokens: tokens, bytes: $0) }
        }
        return (start..<end).map { file.text(ofTokens: $0..<($0 + 1)) }.joined(separator: " ")
    }

    @Test(arguments: [
        // An operator at the end of a line, or a member access or operator at the start of the
        // next, continues the statement.
        ("tax", "total = price +\n    tax\nlog(total)\n", "total = price + tax"),
        ("first", "q = db.table\n  .where(x)\n  .first()\nrun()\n", "q = db . table . where ( x ) . first ( )"),
        ("c", "ok = a\n  && b\n  || c\nnext()\n", "ok = a && b || c"),
        ("run", "q = db.table\n  .where(x)\nrun()\n", "run ( )"),
        ("b", "a = 1; b = 2\n", "b = 2"),
        // A call's arguments belong to the call; a block's statements are their own.
        ("b", "if (x) {\n  run(a,\n      b)\n}\n", "run ( a , b )"),
        ("x", "if (x) {\n  run(a)\n}\n", "if ( x ) { run ( a ) }"),
        // Braces used as a value go on: destructuring, a method on a function literal.
        ("=", "const { dir } = req.body\nuse(dir)\n", "const { dir } = req . body"),
        ("bind", "f = function () { return 1 }.bind(this)\ng()\n", "f = function ( ) { return 1 } . bind ( this )"),
    ] as [(String, String, String)])
    func statementOfAToken(token: String, code: String, expected: String) {
        #expect(statement(of: token, in: code) == expected)
    }

    /// Python continues a line only inside brackets (or after a backslash): its newline tokens end
    /// statements elsewhere.
    @Test func pythonStatementsInsideBrackets() {
        #expect(statement(of: "secret", in: "x = 1\nresult = service.lookup(\n    a,\n    secret)\nlog(x)\n", .python)
                == "result = service . lookup ( a , secret )")
    }

    /// A suppression comment above a statement covers a match on its wrapped lines.
    @Test func suppressionCoversAStatementWrappedAtAnOperatorAndAMemberAccess() throws {
        let rule = try TestSupport.rule("""
        id: logging/print-secret
        checklist: logging
        severity: high
        languages: [javascript]
        message: m
        pattern: 'log($X)'
        where:
          X: { regex: '^secret$' }
        """)
        let code = "// backcheck:ignore logging/print-secret -- fixture\nconst line = prefix +\n  logger\n    .wrap(log(secret))\n"
        #expect(TestSupport.findings(rule, code).map { $0.suppression != nil } == [true])
        // The next statement is not covered.
        #expect(TestSupport.findings(rule, code + "log(secret)\n").map { $0.suppression != nil } == [true, false])
    }

    /// A trailing `$...X` takes the rest of the statement, continued lines included, and stops
    /// where the statement ends.
    @Test func trailingEllipsisBindingTakesTheContinuedStatement() throws {
        let rule = try TestSupport.rule("""
        id: logging/assigned-value
        checklist: logging
        severity: low
        languages: [javascript]
        message: "value $V"
        pattern: 'token = $...V'
        """)
        let messages = TestSupport.findings(rule, "token = head +\n  tail\nother = 1\n").map(\.message)
        #expect(messages == ["value head + tail"])
    }

    /// Taint follows an assignment whose right side is wrapped over lines, and a `::` member.
    @Test func taintThroughAWrappedAssignmentAndAStaticMember() throws {
        let rule = try TestSupport.rule("""
        id: input-validation/wrapped-flow
        checklist: input-validation
        severity: high
        languages: [php]
        message: m
        taint:
          sources:
            - pattern: '$_GET[...]'
          sinks:
            - pattern: 'mysqli_query($C, $SINK)'
        """)
        let wrapped = "<?php\nfunction f($c) {\n  $q = 'SELECT * FROM t WHERE id = ' .\n    $_GET['id'];\n  ↓mysqli_query($c, $q);\n}\n"
        #expect(TestSupport.positions(rule, wrapped) == TestSupport.markers(wrapped))
        let member = "<?php\nfunction f($c) {\n  Cache::$last = $_GET['id'];\n  ↓mysqli_query($c, Cache::$last);\n}\n"
        #expect(TestSupport.positions(rule, member) == TestSupport.markers(member))
        let overwritten = "<?php\nfunction f($c) {\n  $q = $_GET['id'];\n  $q = 'SELECT 1';\n  mysqli_query($c, $q);\n}\n"
        #expect(TestSupport.positions(rule, overwritten).isEmpty)
    }

    /// The per-token tables answer as the walks they replace: back over whole groups to a token
    /// that begins a statement, forward over whole groups to a stop.
    @Test func tablesAgreeWithWalksOnRandomCode() {
        var random = SplitMix64(state: 5)
        let alphabet = Array("ab.,;:=+()[]{} \n\"x\"".utf8)
        for round in 0..<300 {
            let code = (0..<random.below(300)).map { _ in alphabet[random.below(alphabet.count)] }
            let file = LexedFile(bytes: code, language: [Language.javascript, .ruby, .python, .go][round % 4])
            let model = TokenIndex(file).statements(of: file)
            file.buffer.tokens.withUnsafeBufferPointer { tokens in
                file.bytes.withUnsafeBufferPointer { bytes in
                    for index in tokens.indices {
                        let limit = random.below(index + 1)
                        var current = index
                        while current > limit, !model.begins(at: current) {
                            let previous = tokens[current - 1]
                            current = previous.hasPartner && Int(previous.partner) < current - 1 ? max(limit, Int(previous.partner)) : current - 1
                        }
                        #expect(model.start(of: index, limit: limit) == current)
                        for atComma in [false, true] {
                            let end = index + random.below(tokens.count - index + 1)
                            #expect(model.end(from: index, limit: end, atComma: atComma, tokens: tokens, bytes: bytes)
                                    == walkedEnd(model, index, end, atComma, tokens, bytes))
                        }
                    }
                }
            }
        }
    }

    private func walkedEnd(_ model: Statements, _ index: Int, _ limit: Int, _ atComma: Bool,
                           _ tokens: UnsafeBufferPointer<Token>, _ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var cursor = index
        while cursor < limit {
            let token = tokens[cursor]
            if cursor > index, model.begins(at: cursor) { return cursor }
            if Statements.isCloser(token, at: cursor, bytes: bytes) { return cursor }
            if token.kind == .punctuation, token.length == 1,
               bytes[Int(token.start)] == UInt8(ascii: ";") || (atComma && bytes[Int(token.start)] == UInt8(ascii: ",")) {
                return cursor
            }
            if token.hasPartner, Int(token.partner) > cursor {
                guard Int(token.partner) < limit else { return cursor }
                cursor = Int(token.partner) + 1
            } else {
                cursor += 1
            }
        }
        return limit
    }
}
