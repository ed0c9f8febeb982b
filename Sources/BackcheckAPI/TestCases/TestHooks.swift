extension TestDeclarations {
    /// A setup hook: code that runs before each test of its scope, so its requests are theirs.
    struct Hook {
        var body: Range<Int>
        /// The tokens whose tests it runs before.
        var scope: Range<Int>
    }

    /// Hooks that run before each test: RSpec's `before do … end` (for the tests of its
    /// `describe`/`context` block), Jest's and Mocha's `beforeEach(() => { … })` (for its
    /// `describe` callback), JUnit's `@BeforeEach`/`@Before` methods, PHPUnit's and unittest's
    /// `setUp` (for the whole file).
    func hooks() -> [Hook] {
        scan(hook(at:), resumingAt: \.body.upperBound)
    }

    private func hook(at index: Int) -> Hook? {
        let whole = 0..<source.count
        switch source.file.language {
        case .ruby:
            guard source.is(index, "before"), source.tokens[index].flags.contains(.startsLine) else { return nil }
            var cursor = index + 1
            // `before(:each)`, `before :each` — not `before(:all)`, whose state is shared, nor
            // `before(:suite)`.
            // (A symbol lexes as one identifier, `:all`.)
            if source.is(cursor, "("), let close = source.close(cursor) {
                if ((cursor + 1)..<close).contains(where: { Self.sharedHookScopes.contains(source.text($0)) }) { return nil }
                cursor = close + 1
            } else if source.text(cursor).hasPrefix(":") {
                guard source.is(cursor, ":each") || source.is(cursor, ":example") else { return nil }
                cursor += 1
            }
            if source.is(cursor, "{"), let close = source.close(cursor) {
                return Hook(body: (cursor + 1)..<close, scope: rubyScope(after: close + 1))
            }
            guard source.is(cursor, "do"), let body = rubyBlock(from: cursor + 1) else { return nil }
            return Hook(body: body, scope: rubyScope(after: body.upperBound + 1))
        case .javascript, .typescript:
            guard source.is(index, "beforeEach"), !source.is(index - 1, "."), source.is(index + 1, "("),
                  let callback = source.arguments(index + 1).last,
                  let open = callback.first(where: { source.is($0, "{") }), let close = source.close(open) else { return nil }
            return Hook(body: (open + 1)..<close, scope: index..<(enclosingClose(of: index) ?? source.count))
        case .java, .kotlin:
            guard source.is(index, "@"), source.is(index + 1, "BeforeEach") || source.is(index + 1, "Before"),
                  let (_, body) = annotatedMethod(after: index + 2) else { return nil }
            return Hook(body: body, scope: whole)
        case .php:
            guard source.is(index, "function"), source.is(index + 1, "setUp"), let body = braceBody(after: index + 2) else { return nil }
            return Hook(body: body, scope: whole)
        case .python:
            guard source.is(index, "def"), source.is(index + 1, "setUp"), let body = pythonBody(after: index) else { return nil }
            return Hook(body: body, scope: whole)
        default:
            return nil
        }
    }

    /// RSpec hook scopes that run once for a group, not before each test.
    private static let sharedHookScopes: Set<String> = [":all", ":suite", ":context"]

    /// From a Ruby hook's end to the `end` of the block it stands in (the file's end at the top).
    private func rubyScope(after start: Int) -> Range<Int> {
        start..<(rubyBlock(from: start)?.upperBound ?? source.count)
    }

    /// The closing bracket of the innermost group that holds `index`.
    private func enclosingClose(of index: Int) -> Int? {
        var cursor = index - 1
        while cursor >= 0 {
            let token = source.tokens[cursor]
            if token.hasPartner {
                let partner = Int(token.partner)
                if partner > index { return partner }
                if partner < cursor { cursor = partner }
            }
            cursor -= 1
        }
        return nil
    }
}
