import BackcheckLexer
import BackcheckModel

/// The function bodies of a file as token ranges, found from brackets and keywords: what taint
/// mode means by "within one function".
///
/// A `{` group is a function body when it follows an arrow (`=>`, `->`, `in` closures come with
/// their call) or a parameter list whose owner is not a control keyword (`if (x) {` is not a
/// function, `get(x) {` and `func f(x) T {` are); Python bodies are the blocks after `def`;
/// Ruby bodies run from `def`/`do` to their `end`.
struct FunctionScopes {
    struct Scope: Equatable {
        /// The signature: parameters live here.
        var header: Range<Int>
        /// The body, brackets included.
        var body: Range<Int>
    }

    let scopes: [Scope]
    /// Per token: the index in `scopes` of the innermost function around it, or -1. Found once
    /// per file, since a minified file has thousands of functions and of sinks to look up.
    private let innermostAt: [Int32]

    private static let controlKeywords: Set<String> = [
        "if", "for", "foreach", "while", "switch", "catch", "using", "lock", "synchronized", "when", "with",
        "elif", "elseif", "unless", "until", "guard", "match", "return", "sizeof", "typeof", "try", "else",
        "do", "finally", "fixed", "checked", "unchecked", "unsafe", "in", "of",
    ]

    private static let typeKeywords: Set<String> = [
        "class", "interface", "struct", "enum", "record", "object", "namespace", "trait", "impl", "extension", "protocol",
        "extends", "implements",
    ]

    init(tokens: UnsafeBufferPointer<Token>, bytes: UnsafeBufferPointer<UInt8>, language: Language) {
        func text(_ index: Int) -> String { String(decoding: bytes[tokens[index].range], as: UTF8.self) }
        func isWord(_ index: Int, _ word: String) -> Bool { bytes[tokens[index].range].elementsEqual(word.utf8) }
        var scopes: [Scope] = []
        switch language {
        case .python:
            for index in tokens.indices where tokens[index].kind == .identifier && isWord(index, "def") {
                var cursor = index + 1
                while cursor < tokens.count, tokens[cursor].kind != .blockOpen {
                    if tokens[cursor].hasPartner, Int(tokens[cursor].partner) > cursor { cursor = Int(tokens[cursor].partner) }
                    cursor += 1
                    if cursor - index > 400 { break }
                }
                if cursor < tokens.count, tokens[cursor].kind == .blockOpen, tokens[cursor].hasPartner {
                    scopes.append(Scope(header: index..<cursor, body: cursor..<(Int(tokens[cursor].partner) + 1)))
                }
            }
        case .ruby:
            var stack: [(index: Int, isFunction: Bool)] = []
            for index in tokens.indices where tokens[index].kind == .identifier && tokens[index].length <= 6 {
                let word = text(index)
                switch word {
                case "def", "do":
                    stack.append((index, true))
                case "class", "module", "begin", "case":
                    stack.append((index, false))
                case "if", "unless", "while", "until", "for":
                    if Self.isRubyStatementForm(index, tokens: tokens, bytes: bytes) { stack.append((index, false)) }
                case "end":
                    guard let open = stack.popLast() else { continue }
                    if open.isFunction {
                        var headerEnd = open.index + 1
                        while headerEnd < index, !tokens[headerEnd].flags.contains(.startsLine) { headerEnd += 1 }
                        scopes.append(Scope(header: open.index..<headerEnd, body: headerEnd..<(index + 1)))
                    }
                default:
                    break
                }
            }
        default:
            for index in tokens.indices where tokens[index].kind == .punctuation && tokens[index].hasPartner
                && Int(tokens[index].partner) > index && bytes[Int(tokens[index].start)] == UInt8(ascii: "{") {
                if let headerStart = Self.functionHeader(before: index, tokens: tokens, text: text, isGo: language == .go) {
                    scopes.append(Scope(header: headerStart..<index, body: index..<(Int(tokens[index].partner) + 1)))
                }
            }
        }
        self.scopes = scopes
        self.innermostAt = Self.innermost(scopes, count: tokens.count)
    }

    private static let rubyExpressionStarts: Set<String> = ["=", "(", ";", "return", "||", "&&"]

    /// Whether the Ruby `if`/`unless`/`while`/`until`/`for` at `index` opens a block closed by
    /// `end`: only statement forms do; `x if y` modifiers do not.
    static func isRubyStatementForm(_ index: Int, tokens: UnsafeBufferPointer<Token>, bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if tokens[index].flags.contains(.startsLine) || index == 0 { return true }
        let previous = tokens[index - 1]
        guard previous.length <= 6 else { return false }
        return rubyExpressionStarts.contains(String(decoding: bytes[previous.range], as: UTF8.self))
    }

    /// Sweeps the tokens with a stack of the scopes open at each, outer ones below: its top
    /// holds the token and began last.
    private static func innermost(_ scopes: [Scope], count: Int) -> [Int32] {
        let order = scopes.indices.sorted {
            (scopes[$0].header.lowerBound, -scopes[$0].body.upperBound) < (scopes[$1].header.lowerBound, -scopes[$1].body.upperBound)
        }
        var innermost = [Int32](repeating: -1, count: count)
        var open: [Int] = []
        var next = 0
        for token in 0..<count {
            while let top = open.last, scopes[top].body.upperBound <= token { open.removeLast() }
            while next < order.count, scopes[order[next]].header.lowerBound <= token {
                if scopes[order[next]].body.upperBound > token { open.append(order[next]) }
                next += 1
            }
            innermost[token] = Int32(open.last ?? -1)
        }
        return innermost
    }

    /// The start of the signature that makes the `{` at `brace` a function body, or nil.
    private static func functionHeader(before brace: Int, tokens: UnsafeBufferPointer<Token>, text: (Int) -> String,
                                       isGo: Bool) -> Int? {
        var cursor = brace - 1
        var steps = 0
        while cursor >= 0, steps < 16 {
            let token = tokens[cursor]
            let word = text(cursor)
            // Go's composite literals (`opts := Options{`, `return &T{`, `f(x, []string{`) are
            // values: a function's `{` follows its signature on the same line.
            if isGo, cursor < brace - 1, token.flags.contains(.startsLine) || word == "," || word == "&" || word == "return"
                || (token.hasPartner && Int(token.partner) > brace) {
                return nil
            }
            if word == ":=" { return nil }
            // `@Path("/x") public class C {`, `[Route("x")] class C {`: an annotation's arguments
            // before a type declaration do not make its body a function.
            if token.kind == .identifier, typeKeywords.contains(word) { return nil }
            if token.kind == .punctuation {
                if word == "=>" || word == "->" { return max(0, cursor - 1) }
                if word == ")", token.hasPartner {
                    let open = Int(token.partner)
                    guard open > 0 else { return open }
                    let owner = text(open - 1)
                    if tokens[open - 1].kind == .identifier {
                        return Self.controlKeywords.contains(owner) ? nil : open - 1
                    }
                    // `func (r *T) Name(...)`, `) throws {`, `)(...)`: keep looking back.
                    cursor = open - 1
                    steps += 1
                    continue
                }
                if word == ";" || word == "{" || word == "}" || word == "=" { return nil }
            }
            cursor -= 1
            steps += 1
        }
        return nil
    }

    /// The innermost function whose header or body holds token `index`.
    func innermost(at index: Int) -> Scope? {
        let scope = Int(innermostAt[index])
        return scope < 0 ? nil : scopes[scope]
    }
}
