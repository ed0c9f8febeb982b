import BackcheckLexer

/// What a Ruby method hands back without `return`: the value of its last statement and, when
/// that statement is an `if`/`unless`/`case`/`begin` block, the value of each branch's last
/// statement, recursively. A branch left out (an `if` without `else`, a `case` without one)
/// gives nil, which carries nothing. Whatever is not understood says so, and the summary then
/// takes the method to return anything.
extension TaintFlow {
    /// A keyword block inside a method: its `end` and the branch keywords at its own depth.
    private struct RubyBlock {
        var end: Int
        var branches: [Int]
    }

    /// Blocks nest at most this deep before a value is called not understood.
    private static let rubyValueDepth = 8

    /// The token ranges a Ruby method's implicit value may come from (its explicit `return`s
    /// aside); nil when the body's shape is not understood.
    func rubyImplicitValues(of scope: FunctionScopes.Scope, work: inout Int) -> [Range<Int>]? {
        let end = scope.body.upperBound - 1
        guard end >= scope.body.lowerBound, isWord(end, "end") else { return nil }
        var start = scope.body.lowerBound
        if start == end {
            // `def f(x); x; end` on one line: the body is the header's rest.
            guard let signature = FunctionSignatures.signature(of: scope, tokens: tokens, bytes: bytes, language: language) else { return nil }
            start = signature.parameters.upperBound
        }
        guard let method = rubyBlock(openedAt: scope.header.lowerBound, limit: scope.body.upperBound, work: &work),
              method.end == end else { return nil }
        var values: [Range<Int>] = []
        // A method body is a `begin` block: `rescue`, `else` and `ensure` may split it.
        guard appendBeginValues(method, bodyStart: start, into: &values, depth: 0, work: &work) else { return nil }
        return values
    }

    /// Where the value of a Ruby `return` ends: before an `if`/`unless`/`while`/`until`/`rescue`
    /// modifier (`return PLACEHOLDER unless ok`), whose test is not returned.
    func rubyModifierStart(in value: Range<Int>) -> Int {
        var index = value.lowerBound
        while index < value.upperBound {
            let token = tokens[index]
            if token.hasPartner, Int(token.partner) > index {
                index = Int(token.partner) + 1
                continue
            }
            if token.kind == .identifier, !followsMemberAccess(index),
               isWord(index, "if") || isWord(index, "unless") || isWord(index, "while")
                || isWord(index, "until") || isWord(index, "rescue") {
                return index
            }
            index += 1
        }
        return value.upperBound
    }

    /// Appends the values the statements of `range` end with; false when not understood.
    private func appendLastValue(of range: Range<Int>, into values: inout [Range<Int>], depth: Int, work: inout Int) -> Bool {
        guard depth < Self.rubyValueDepth else { return false }
        var last: Int?
        var lastBlock: RubyBlock?
        var index = range.lowerBound
        while index < range.upperBound {
            if index == range.lowerBound || statements.begins(at: index) {
                last = index
                lastBlock = nil
            }
            let token = tokens[index]
            if token.hasPartner, Int(token.partner) > index {
                guard Int(token.partner) < range.upperBound else { return false }
                index = Int(token.partner) + 1
                continue
            }
            if opensRubyBlock(index) {
                guard let block = rubyBlock(openedAt: index, limit: range.upperBound, work: &work) else { return false }
                if index == last { lastBlock = block }
                index = block.end + 1
                continue
            }
            index += 1
        }
        work += range.count
        guard let last else { return true }
        if let block = lastBlock, block.end == range.upperBound - 1 {
            if isWord(last, "if") || isWord(last, "unless") {
                return appendConditionalValues(last, block, into: &values, depth: depth, work: &work)
            }
            if isWord(last, "case") { return appendCaseValues(block, into: &values, depth: depth, work: &work) }
            if isWord(last, "begin") {
                return appendBeginValues(block, bodyStart: last + 1, into: &values, depth: depth + 1, work: &work)
            }
            // A `while`/`until` loop's value is nil.
            if isWord(last, "while") || isWord(last, "until") { return true }
        }
        // An explicit `return` is read with the others; a `raise` hands nothing back.
        if isWord(last, "return") || isWord(last, "raise") || isWord(last, "fail") { return true }
        values.append(last..<range.upperBound)
        return true
    }

    /// `if c … elsif d … else … end` (`unless` alike): each branch's value; no `else`, nil.
    private func appendConditionalValues(_ opener: Int, _ block: RubyBlock, into values: inout [Range<Int>], depth: Int,
                                         work: inout Int) -> Bool {
        appendBranchValues(first: [opener], heads: ["elsif", "else"], block, into: &values, depth: depth, work: &work)
    }

    /// `case x when a … in b … else … end`: each branch's value; no `else`, nil.
    private func appendCaseValues(_ block: RubyBlock, into values: inout [Range<Int>], depth: Int, work: inout Int) -> Bool {
        appendBranchValues(first: [], heads: ["when", "in", "else"], block, into: &values, depth: depth, work: &work)
    }

    /// The last value of each branch of `block`, whose branches open with one of `heads` (after
    /// `first`, the opener's own branch); false when a branch opens with another word.
    private func appendBranchValues(first: [Int], heads words: [StaticString], _ block: RubyBlock, into values: inout [Range<Int>],
                                    depth: Int, work: inout Int) -> Bool {
        var heads = first
        for branch in block.branches where !isWord(branch, "then") {
            guard words.contains(where: { isWord(branch, $0) }) else { return false }
            heads.append(branch)
        }
        for (position, head) in heads.enumerated() {
            let segmentEnd = position + 1 < heads.count ? heads[position + 1] : block.end
            let bodyStart = isWord(head, "else") ? head + 1 : conditionEnd(after: head, limit: segmentEnd, block: block)
            guard appendLastValue(of: bodyStart..<segmentEnd, into: &values, depth: depth + 1, work: &work) else { return false }
        }
        return true
    }

    /// `begin … rescue E => e … else … ensure … end` (a method body alike): the main part's and
    /// each `rescue` and `else` part's value; an `ensure` part's value is dropped.
    private func appendBeginValues(_ block: RubyBlock, bodyStart: Int, into values: inout [Range<Int>], depth: Int,
                                   work: inout Int) -> Bool {
        var heads: [Int] = []
        for branch in block.branches {
            guard isWord(branch, "rescue") || isWord(branch, "else") || isWord(branch, "ensure") else { return false }
            heads.append(branch)
        }
        let mainEnd = heads.first ?? block.end
        guard appendLastValue(of: bodyStart..<mainEnd, into: &values, depth: depth, work: &work) else { return false }
        for (position, head) in heads.enumerated() where !isWord(head, "ensure") {
            let segmentEnd = position + 1 < heads.count ? heads[position + 1] : block.end
            let start = isWord(head, "else") ? head + 1 : conditionEnd(after: head, limit: segmentEnd, block: block)
            guard appendLastValue(of: start..<segmentEnd, into: &values, depth: depth, work: &work) else { return false }
        }
        return true
    }

    /// Where the branch whose test follows `head` begins: after a `then` on the test's line, or
    /// at the next statement.
    private func conditionEnd(after head: Int, limit: Int, block: RubyBlock) -> Int {
        let testEnd = statements.end(from: head + 1, limit: limit, tokens: tokens, bytes: bytes)
        if let then = block.branches.first(where: { $0 > head && $0 <= testEnd && $0 < limit && isWord($0, "then") }) {
            return then + 1
        }
        return testEnd
    }

    /// The block opened at `opener` (a keyword taking an `end`): its `end` and branch keywords.
    private func rubyBlock(openedAt opener: Int, limit: Int, work: inout Int) -> RubyBlock? {
        var depth = 0
        var branches: [Int] = []
        var index = opener + 1
        defer { work += index - opener }
        while index < limit {
            let token = tokens[index]
            if token.hasPartner, Int(token.partner) > index {
                index = Int(token.partner) + 1
                continue
            }
            if isRubyKeyword(index) {
                if isWord(index, "end") {
                    if depth == 0 { return RubyBlock(end: index, branches: branches) }
                    depth -= 1
                } else if opensRubyBlock(index) {
                    depth += 1
                } else if depth == 0, isRubyBranch(index) {
                    branches.append(index)
                }
            }
            index += 1
        }
        return nil
    }

    /// Whether the keyword at `index` opens a block that `end` closes.
    private func opensRubyBlock(_ index: Int) -> Bool {
        guard isRubyKeyword(index) else { return false }
        if isWord(index, "def") || isWord(index, "do") || isWord(index, "class") || isWord(index, "module")
            || isWord(index, "begin") || isWord(index, "case") {
            return true
        }
        guard isWord(index, "if") || isWord(index, "unless") || isWord(index, "while") || isWord(index, "until")
            || isWord(index, "for") else { return false }
        return FunctionScopes.isRubyStatementForm(index, tokens: tokens, bytes: bytes)
    }

    /// Whether the keyword at `index` splits its block: `elsif`, `else`, `when`, `then`,
    /// `ensure`, and `rescue`/`in` beginning a line (else a modifier, or a `for`'s).
    private func isRubyBranch(_ index: Int) -> Bool {
        if isWord(index, "elsif") || isWord(index, "else") || isWord(index, "when") || isWord(index, "then")
            || isWord(index, "ensure") {
            return true
        }
        guard isWord(index, "rescue") || isWord(index, "in") else { return false }
        return tokens[index].flags.contains(.startsLine)
            || (index > 0 && tokens[index - 1].kind == .punctuation && bytes[Int(tokens[index - 1].start)] == UInt8(ascii: ";"))
    }

    /// Whether the token at `index` may be a keyword: a short name that is not a member
    /// (`range.end`) or a hash key (`end: 3`).
    private func isRubyKeyword(_ index: Int) -> Bool {
        let token = tokens[index]
        return token.kind == .identifier && token.length <= 6 && !followsMemberAccess(index) && !isRubyLabel(index)
    }

    /// Whether the Ruby name at `index` is a hash key or keyword argument's label (`param:`, with
    /// the colon right after it): a symbol, not a reference to the variable.
    func isRubyLabel(_ index: Int) -> Bool {
        guard index + 1 < tokens.count else { return false }
        let next = tokens[index + 1]
        return next.kind == .punctuation && next.length == 1 && next.start == tokens[index].end
            && bytes[Int(next.start)] == UInt8(ascii: ":")
    }
}
