import BackcheckLexer
import BackcheckModel

/// The names and parameter lists of a file's named functions, read from the tokens before each
/// function body: what summaries key their facts by.
package enum FunctionSignatures {
    private static let anonymousKeywords: Set<String> = ["function", "func", "fun", "fn", "def", "async", "new", "lambda"]

    /// The function's name token and parameter list (brackets included), when it is named:
    /// `def f(a)`, `function f(a) {`, `f(a) {`, `const f = (a): T => {`, `func f(a int) (T, error) {`.
    static func signature(of scope: FunctionScopes.Scope, tokens: UnsafeBufferPointer<Token>, bytes: UnsafeBufferPointer<UInt8>,
                          language: Language) -> (name: Int, parameters: Range<Int>)? {
        if language == .ruby { return rubySignature(of: scope, tokens: tokens, bytes: bytes) }
        func text(_ index: Int) -> String { String(decoding: bytes[tokens[index].range], as: UTF8.self) }
        let brace = scope.body.lowerBound
        var close: Int?
        var cursor = brace - 1
        // Back over a return type to the parameter list; an open bracket or a statement
        // boundary on the way means the body belongs to a call's callback or something else.
        while cursor > 0, brace - cursor <= 24 {
            let token = tokens[cursor]
            if token.hasPartner, Int(token.partner) > brace { return nil }
            if token.kind == .punctuation, token.hasPartner, Int(token.partner) < cursor, text(cursor) == ")" {
                close = cursor
                break
            }
            if token.kind == .punctuation, [";", "{", "}"].contains(text(cursor)) { return nil }
            cursor -= 1
        }
        guard var close else { return nil }
        var open = Int(tokens[close].partner)
        // Go's result list follows the parameters: `(a int) (string, error)`.
        if open > 0, tokens[open - 1].hasPartner, text(open - 1) == ")" {
            close = open - 1
            open = Int(tokens[close].partner)
        }
        guard open > 0 else { return nil }
        var before = open - 1
        // `function (a) {` and `async (a) =>` are anonymous unless assigned: `const f = async (a) =>`.
        while before > 0, text(before) == "function" || text(before) == "async" { before -= 1 }
        if before > 0, tokens[before].kind == .punctuation, text(before) == "=" || text(before) == ":" { before -= 1 }
        guard tokens[before].kind == .identifier, !anonymousKeywords.contains(text(before)),
              !Keywords.isStatementKeyword(bytes[tokens[before].range]) else { return nil }
        return (before, open..<(close + 1))
    }

    /// Ruby's `def name(a, b)`, `def self.name(a)`: the name follows `def` (and a receiver), the
    /// parameters are its bracketed list. A Ruby body has no bracket to look back from, and
    /// looking back past `def` would find another line's call; `def name a, b` and `def name`
    /// are left unnamed.
    private static func rubySignature(of scope: FunctionScopes.Scope, tokens: UnsafeBufferPointer<Token>,
                                      bytes: UnsafeBufferPointer<UInt8>) -> (name: Int, parameters: Range<Int>)? {
        let header = scope.header
        guard header.count >= 3, bytes[tokens[header.lowerBound].range].elementsEqual("def".utf8) else { return nil }
        var name = header.lowerBound + 1
        if name + 3 < header.upperBound, OperandGrammar.isMemberAccess(tokens[name + 1], bytes: bytes, language: .ruby),
           tokens[name + 2].kind == .identifier {
            name += 2
        }
        // Operator methods (`def ==(other)`) have no name calls could use.
        let open = name + 1
        guard tokens[name].kind == .identifier, open < header.upperBound, tokens[open].kind == .punctuation,
              tokens[open].hasPartner, bytes[Int(tokens[open].start)] == UInt8(ascii: "("),
              Int(tokens[open].partner) > open, Int(tokens[open].partner) < header.upperBound else { return nil }
        return (name, open..<(Int(tokens[open].partner) + 1))
    }

    /// The names of the functions `file` defines.
    package static func definedNames(in file: LexedFile, index: TokenIndex) -> [String] {
        file.buffer.tokens.withUnsafeBufferPointer { tokens in
            file.bytes.withUnsafeBufferPointer { bytes in
                let scopes = index.taintStructure(tokens: tokens, bytes: bytes, language: file.language).scopes
                return scopes.scopes.compactMap { scope in
                    signature(of: scope, tokens: tokens, bytes: bytes, language: file.language).map {
                        String(decoding: bytes[tokens[$0.name].range], as: UTF8.self)
                    }
                }
            }
        }
    }
}
