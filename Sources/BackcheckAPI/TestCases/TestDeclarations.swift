import BackcheckLexer
import BackcheckModel

/// Where each language's test frameworks declare tests, and the tokens of each test's body.
struct TestDeclarations {
    struct Declaration {
        var name: String
        var start: Int
        var body: Range<Int>
        var framework: String
        /// A JavaScript test whose callback takes `done`: it may assert in a callback handed on.
        var takesCallback = false
        /// The values a parametrized test runs with.
        var data = TestData()
    }

    let source: SourceTokens

    static let annotations: Set<String> = ["Test", "ParameterizedTest", "RepeatedTest", "TestFactory"]
    static let attributes: Set<String> = ["Fact", "Theory", "Test", "TestCase", "TestMethod", "DataTestMethod"]
    static let jsDeclarations: Set<String> = ["it", "test", "specify"]

    func all() -> [Declaration] {
        // Tests do not nest in tests (a `describe` block is not one), so each body is skipped.
        scan(declaration(at:), resumingAt: \.body.upperBound)
    }

    /// What `find` finds at each token, in file order, the search going on at `resume` of each
    /// find (past its body, or into it) and at the next token otherwise.
    func scan<Found>(_ find: (Int) -> Found?, resumingAt resume: (Found) -> Int) -> [Found] {
        var result: [Found] = []
        var index = 0
        while index < source.count {
            WorkMeter.tick()
            if let found = find(index) {
                result.append(found)
                index = max(index + 1, resume(found))
            } else {
                index += 1
            }
        }
        return result
    }

    private func declaration(at index: Int) -> Declaration? {
        switch source.file.language {
        case .python:
            guard source.is(index, "def"), source.isIdentifier(index + 1), source.text(index + 1).hasPrefix("test"),
                  let body = pythonBody(after: index) else { return nil }
            var declaration = Declaration(name: source.text(index + 1), start: index, body: body, framework: "pytest")
            declaration.data = TestData.read(source, region: decoratorStart(before: index)..<index, parameters: index + 2)
            return declaration
        case .javascript, .typescript:
            // Byte comparisons first: this runs for every token of the file.
            guard Self.jsDeclarations.contains(where: { source.is(index, $0) }), source.isIdentifier(index), !source.is(index - 1, "."),
                  let open = callOpen(after: index), let name = source.arguments(open).first.flatMap({ source.string($0.lowerBound) }),
                  let close = source.close(open) else { return nil }
            let callback = source.arguments(open).dropFirst().last
            let takesCallback = callback.map { source.is($0.lowerBound, "(") && !source.is($0.lowerBound + 1, ")")
                || source.is($0.lowerBound, "function") && source.is($0.lowerBound + 1, "(") && !source.is($0.lowerBound + 2, ")")
                || source.isIdentifier($0.lowerBound) && source.is($0.lowerBound + 1, "=>") } ?? false
            var declaration = Declaration(name: name, start: index, body: (open + 1)..<close, framework: "jest", takesCallback: takesCallback)
            if let callback {
                let parameters = source.is(callback.lowerBound, "async") ? callback.lowerBound + 1 : callback.lowerBound
                declaration.data = TestData.read(source, region: index..<open,
                                                 parameters: source.is(parameters, "(") ? parameters : parameters + 1)
            }
            return declaration
        case .go:
            if source.is(index + 1, "(") { return suiteTest(at: index) }
            // `func TestX(t *testing.T)`; not TestMain, nor a helper process entry taking `_`.
            guard source.is(index, "func"), source.isIdentifier(index + 1), source.text(index + 1).hasPrefix("Test"),
                  source.text(index + 1) != "TestMain", source.path.hasSuffix("_test.go"), source.is(index + 2, "("),
                  source.isIdentifier(index + 3), !source.is(index + 3, "_"), source.is(index + 4, "*"), source.is(index + 5, "testing"),
                  let body = braceBody(after: index + 2) else { return nil }
            return Declaration(name: source.text(index + 1), start: index, body: body, framework: "go")
        case .java, .kotlin:
            guard source.is(index, "@"), Self.annotations.contains(source.text(index + 1)),
                  let (name, body) = annotatedMethod(after: index + 2) else { return nil }
            var declaration = Declaration(name: source.text(name), start: index, body: body, framework: "junit")
            declaration.data = TestData.read(source, region: index..<name, parameters: name + 1)
            return declaration
        case .csharp:
            guard source.is(index, "["), Self.attributes.contains(source.text(index + 1)), let close = source.close(index),
                  let (name, body) = annotatedMethod(after: close + 1) else { return nil }
            var declaration = Declaration(name: source.text(name), start: index, body: body, framework: "xunit")
            declaration.data = TestData.read(source, region: index..<name, parameters: name + 1)
            return declaration
        case .php:
            guard source.is(index, "function"), source.isIdentifier(index + 1),
                  source.text(index + 1).hasPrefix("test") || isMarkedPHPUnitTest(function: index),
                  let body = braceBody(after: index + 2) else { return nil }
            return Declaration(name: source.text(index + 1), start: index, body: body, framework: "phpunit")
        case .ruby:
            return rubyDeclaration(at: index)
        case .swift:
            let annotated = source.is(index, "@") && source.is(index + 1, "Test")
            var function = annotated ? index + 2 : index
            if annotated, source.is(function, "(") { function = (source.close(function) ?? function) + 1 }
            while source.is(function, "mutating") || source.is(function, "static") || source.is(function, "async") { function += 1 }
            guard source.is(function, "func"), source.isIdentifier(function + 1),
                  annotated || source.text(function + 1).hasPrefix("test"),
                  let body = braceBody(after: function + 2) else { return nil }
            return Declaration(name: source.text(function + 1), start: index, body: body, framework: annotated ? "swift-testing" : "xctest")
        case .sql:
            return nil
        }
    }

    /// A testify suite's test: `func (s *OrderSuite) TestCreate()` in a `_test.go` file, run by
    /// `suite.Run`.
    private func suiteTest(at index: Int) -> Declaration? {
        guard source.is(index, "func"), source.path.hasSuffix("_test.go"), let receiverClose = source.close(index + 1),
              source.isIdentifier(receiverClose + 1), source.text(receiverClose + 1).hasPrefix("Test"),
              source.is(receiverClose + 2, "("), source.is(receiverClose + 3, ")"),
              let body = braceBody(after: receiverClose + 2) else { return nil }
        return Declaration(name: source.text(receiverClose + 1), start: index, body: body, framework: "go")
    }

    /// The file's functions and methods outside test declarations' names (helpers a test may
    /// call), with their bodies, in file order.
    func helpers(excluding tests: Set<String>) -> [(name: String, start: Int, body: Range<Int>)] {
        scan({ index in function(at: index).map { (name: $0.0, start: index, body: $0.1) } }, resumingAt: \.body.lowerBound)
            .filter { !tests.contains($0.name) }
    }

    static let notFunctions: Set<String> = ["if", "for", "while", "switch", "catch", "foreach", "elseif", "using", "lock",
                                            "synchronized", "return", "function", "fixed", "when", "guard"]

    /// A function declaration at `index`: its name and body.
    private func function(at index: Int) -> (String, Range<Int>)? {
        switch source.file.language {
        case .python:
            guard source.is(index, "def"), source.isIdentifier(index + 1), let body = pythonBody(after: index) else { return nil }
            return (source.text(index + 1), body)
        case .ruby:
            guard source.is(index, "def"), source.isIdentifier(index + 1), let body = rubyBlock(from: index + 2) else { return nil }
            return (source.text(index + 1), body)
        case .go:
            guard source.is(index, "func") else { return nil }
            var name = index + 1
            if source.is(name, "("), let close = source.close(name) { name = close + 1 }
            guard source.isIdentifier(name), source.is(name + 1, "("), let body = braceBody(after: name + 1) else { return nil }
            return (source.text(name), body)
        case .sql:
            return nil
        default:
            // `name(…) {` (methods, PHP/JS `function name(…) {`), `name = (…) => {`.
            guard source.isIdentifier(index), source.is(index + 1, "(") || source.is(index + 1, "="), !source.is(index - 1, "."),
                  !source.is(index - 1, "new"), !Self.notFunctions.contains(source.text(index)) else { return nil }
            var open = index + 1
            if source.is(open, "="), source.is(open + 1, "async") { open += 2 } else if source.is(open, "=") { open += 1 }
            guard source.is(open, "("), let close = source.close(open) else { return nil }
            var cursor = close + 1
            // An arrow function is a helper only when assigned to its name.
            let assigned = open != index + 1
            if source.is(cursor, "=>") {
                guard assigned else { return nil }
                cursor += 1
            } else if assigned {
                return nil
            }
            guard let body = braceBody(after: cursor), body.lowerBound - cursor <= 16 else { return nil }
            return (source.text(index), body)
        }
    }

    /// `it(`, `it.only(`, `test.each(table)(`: the call's `(` that takes the name and callback.
    private func callOpen(after index: Int) -> Int? {
        var cursor = index + 1
        while source.is(cursor, "."), source.isIdentifier(cursor + 1) {
            cursor += 2
            if source.is(cursor, "("), let close = source.close(cursor), source.is(close + 1, "(") { cursor = close + 1 }
        }
        return source.is(cursor, "(") ? cursor : nil
    }

    /// The indented block after `def name(...):` (an annotation `-> T` may come first).
    func pythonBody(after def: Int) -> Range<Int>? {
        var index = def + 2
        guard source.is(index, "("), let close = source.close(index) else { return nil }
        index = close + 1
        while index < source.count, !source.is(index, ":") { index += 1 }
        let open = index + 1
        guard open < source.count, source.tokens[open].kind == .blockOpen, let end = source.close(open) else { return nil }
        return (open + 1)..<end
    }

    /// Where the decorators right above the `def` at `def` start (`def` itself when it has none):
    /// each decorator is a line opening with `@`, its arguments possibly spanning lines.
    private func decoratorStart(before def: Int) -> Int {
        var start = def
        var cursor = def - 1
        while cursor >= 0, def - cursor < 512 {
            WorkMeter.tick()
            let token = source.tokens[cursor]
            if token.hasPartner, Int(token.partner) < cursor { cursor = Int(token.partner) }
            if source.tokens[cursor].flags.contains(.startsLine) {
                guard source.is(cursor, "@") else { break }
                start = cursor
            }
            cursor -= 1
        }
        return start
    }

    /// The `{ … }` after a parameter list starting at or after `index`.
    /// Whether the PHP method whose `function` keyword is at `function` is marked a test by
    /// PHPUnit's `#[Test]` attribute or a `@test` docblock tag, above its modifiers.
    private func isMarkedPHPUnitTest(function: Int) -> Bool {
        var first = function
        while first > 0, ["public", "protected", "private", "static", "final"].contains(where: { source.is(first - 1, $0) }) {
            first -= 1
        }
        // `#[Test]`, `#[\PHPUnit\Framework\Attributes\Test]`, `#[Test, Group('x')]`.
        if first > 0, source.is(first - 1, "]"), let open = source.open(first - 1), open > 0, source.is(open - 1, "#") {
            if ((open + 1)..<(first - 1)).contains(where: { source.is($0, "Test") }) { return true }
        }
        // A docblock is no token: look at the source between the previous token and the method.
        let gapStart = first > 0 ? Int(source.tokens[first - 1].end) : 0
        let gap = source.file.bytes[gapStart..<Int(source.tokens[first].start)]
        return gap.count >= 5 && gap.indices.dropLast(4).contains { gap[$0...].starts(with: "@test".utf8) }
    }

    func braceBody(after index: Int) -> Range<Int>? {
        var cursor = index
        while cursor < source.count, cursor - index < 64 {
            if source.is(cursor, "{"), let close = source.close(cursor) { return (cursor + 1)..<close }
            if source.is(cursor, ";") { return nil }
            if source.is(cursor, "("), let close = source.close(cursor) { cursor = close + 1 } else { cursor += 1 }
        }
        return nil
    }

    /// The method after annotations or attributes: its name (the index of the identifier before
    /// its parameter list) and its body (`{ … }`, or an expression body up to `;`).
    func annotatedMethod(after index: Int) -> (Int, Range<Int>)? {
        var cursor = index
        while cursor < source.count, cursor - index < 64 {
            if source.is(cursor, "@"), source.isIdentifier(cursor + 1) {
                cursor += 2
                if source.is(cursor, "("), let close = source.close(cursor) { cursor = close + 1 }
                continue
            }
            if source.is(cursor, "["), let close = source.close(cursor) {
                cursor = close + 1
                continue
            }
            if source.isIdentifier(cursor), source.is(cursor + 1, "("), let close = source.close(cursor + 1) {
                if let body = braceBody(after: close + 1) { return (cursor, body) }
                var end = close + 1
                while end < source.count, !source.is(end, ";") { end += 1 }
                return (cursor, (close + 1)..<end)
            }
            cursor += 1
        }
        return nil
    }

    /// RSpec `it "…" do … end` / `it { … }`, Minitest `test "…" do`, `def test_…`, shoulda
    /// `should "…" do`.
    private func rubyDeclaration(at index: Int) -> Declaration? {
        let word = source.text(index)
        guard source.isIdentifier(index), source.tokens[index].flags.contains(.startsLine) else { return nil }
        if word == "def", source.isIdentifier(index + 1), source.text(index + 1).hasPrefix("test") {
            return rubyBlock(from: index + 2).map { Declaration(name: source.text(index + 1), start: index, body: $0, framework: "minitest") }
        }
        // shoulda-context's `should "…" do` (a bare `should be_valid` is an RSpec matcher).
        let isShould = word == "should" && source.string(index + 1) != nil
        guard word == "it" || word == "specify" || word == "test" || word == "scenario" || isShould else { return nil }
        let name = source.string(index + 1) ?? word
        var cursor = index + 1
        while cursor < source.count, !source.tokens[cursor].flags.contains(.startsLine) {
            if source.is(cursor, "{"), let close = source.close(cursor) {
                return Declaration(name: name, start: index, body: (cursor + 1)..<close, framework: word == "test" || isShould ? "minitest" : "rspec")
            }
            if source.is(cursor, "do") { break }
            cursor += 1
        }
        guard source.is(cursor, "do"), let body = rubyBlock(from: cursor + 1) else { return nil }
        return Declaration(name: name, start: index, body: body, framework: word == "test" || isShould ? "minitest" : "rspec")
    }

    /// From `start` to the `end` closing the block open there (blocks nested inside counted).
    func rubyBlock(from start: Int) -> Range<Int>? {
        var depth = 1
        var index = start
        while index < source.count {
            let token = source.tokens[index]
            if token.kind == .identifier {
                switch source.text(index) {
                case "do", "begin", "case", "class", "module", "def": depth += 1
                // Only a statement opens a block: `return x if y` is a modifier.
                case "if", "unless", "while", "until": if token.flags.contains(.startsLine) { depth += 1 }
                case "end":
                    depth -= 1
                    if depth == 0 { return start..<index }
                default: break
                }
            }
            index += 1
        }
        return nil
    }
}
