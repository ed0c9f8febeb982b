import BackcheckLexer
import BackcheckModel

/// The code of a file that cannot run because a condition is a compile-time constant: the
/// branch of an `if` not taken, the arm of a `?:` not chosen, the `switch` sections a constant
/// selector skips. Taint ignores what happens there: `if (7 * 42 - num > 200) bar = "x"; else
/// bar = param;` leaves `bar` clean when `num` is a constant that makes the test true.
struct DeadCode {
    let ranges: MatchRanges
    let isEmpty: Bool

    init(tokens: UnsafeBufferPointer<Token>, bytes: UnsafeBufferPointer<UInt8>, language: Language, statements: Statements) {
        let dead = language == .ruby ? [] : Finder(tokens: tokens, bytes: bytes, language: language, statements: statements).deadRanges()
        ranges = MatchRanges(dead)
        isEmpty = dead.isEmpty
    }

    /// Whether `index` lies in dead code.
    func contains(_ index: Int) -> Bool { !isEmpty && ranges.anyContains(index..<(index + 1)) }

    /// Whether a range lies wholly in dead code.
    func contains(_ range: Range<Int>) -> Bool { !isEmpty && ranges.anyContains(range) }
}

/// Reads one file's tokens for the constructs whose conditions may fold.
private struct Finder {
    let tokens: UnsafeBufferPointer<Token>
    let bytes: UnsafeBufferPointer<UInt8>
    let language: Language
    let statements: Statements

    func deadRanges() -> [Range<Int>] {
        var dead: [Range<Int>] = []
        // The folder reads the whole file: build it only when some condition may fold.
        var folder: ConstantFolder?
        func fold(_ range: Range<Int>) -> ConstantValue? {
            guard Self.mayFold(range, tokens: tokens, bytes: bytes) else { return nil }
            if folder == nil { folder = ConstantFolder(tokens: tokens, bytes: bytes, language: language, statements: statements) }
            return folder?.value(of: range)
        }
        for index in tokens.indices {
            let token = tokens[index]
            if token.kind == .identifier, token.length == 2, bytes[Int(token.start)] == UInt8(ascii: "i"),
               bytes[Int(token.start) + 1] == UInt8(ascii: "f") {
                deadBranch(ofIfAt: index, fold: fold).map { dead.append($0) }
            } else if token.kind == .identifier, token.length == 6, bytes[token.range].elementsEqual("switch".utf8) {
                dead += deadSections(ofSwitchAt: index, fold: fold)
            } else if token.kind == .punctuation, token.length == 1, bytes[Int(token.start)] == UInt8(ascii: "?"), language != .python {
                deadArm(ofTernaryAt: index, fold: fold).map { dead.append($0) }
            }
        }
        return dead
    }

    // MARK: - Constructs

    private func deadBranch(ofIfAt index: Int, fold: (Range<Int>) -> ConstantValue?) -> Range<Int>? {
        guard let (condition, thenStart) = ifCondition(at: index),
              case .boolean(let taken)? = fold(condition),
              let thenBranch = branch(at: thenStart) else { return nil }
        if !taken { return thenBranch }
        return elseBranch(after: thenBranch.upperBound)
    }

    /// The condition of the `if` at `index` and where its body starts: `if (c) …`, Go's
    /// `if c {`, Python's `if c:`.
    private func ifCondition(at index: Int) -> (Range<Int>, Int)? {
        guard index + 1 < tokens.count else { return nil }
        if isOpener(index + 1, "("), language != .python, language != .go {
            let close = Int(tokens[index + 1].partner)
            return ((index + 2)..<close, close + 1)
        }
        var cursor = index + 1
        while cursor < tokens.count, cursor - index < 64 {
            let token = tokens[cursor]
            if language == .python, token.kind == .blockOpen { return ((index + 1)..<(cursor - 1), cursor) }
            if language != .python, isOpener(cursor, "{") { return ((index + 1)..<cursor, cursor) }
            if token.hasPartner, Int(token.partner) > cursor { cursor = Int(token.partner) }
            cursor += 1
        }
        return nil
    }

    /// The extent of the statement or block starting at `start`.
    private func branch(at start: Int) -> Range<Int>? {
        guard start < tokens.count else { return nil }
        let token = tokens[start]
        if token.hasPartner, Int(token.partner) > start, token.kind == .blockOpen || isOpener(start, "{") {
            return start..<(Int(token.partner) + 1)
        }
        if isWord(start, "if"), let (_, thenStart) = ifCondition(at: start), let thenBranch = branch(at: thenStart) {
            let elseBranch = elseBranch(after: thenBranch.upperBound)
            return start..<(elseBranch?.upperBound ?? thenBranch.upperBound)
        }
        var end = statements.end(from: start, limit: tokens.count, tokens: tokens, bytes: bytes)
        if end < tokens.count, isPunctuation(end, ";") { end += 1 }
        return end > start ? start..<end : nil
    }

    private func elseBranch(after end: Int) -> Range<Int>? {
        guard end < tokens.count, isWord(end, "else") else { return nil }
        var start = end + 1
        if language == .python, start < tokens.count, isPunctuation(start, ":") { start += 1 }
        return branch(at: start)
    }

    /// The arm of `c ? a : b` that a constant `c` does not choose.
    /// How many tokens a ternary's parts may span and still be folded.
    private static let reach = 256

    private func deadArm(ofTernaryAt question: Int, fold: (Range<Int>) -> ConstantValue?) -> Range<Int>? {
        // Every walk is bounded: a condition longer than the folder reads never folds, and a
        // minified line holds thousands of `?`.
        var start = question - 1
        while start >= 0, question - start <= Self.reach {
            let token = tokens[start]
            if token.hasPartner {
                if Int(token.partner) > start { break }
                start = Int(token.partner) - 1
                continue
            }
            if token.kind == .punctuation, [";", ",", "=", ":", "?", "=>", "return", "+=", "??", "||=", "&&="].contains(text(start)) { break }
            if token.kind == .identifier, isWord(start, "return") { break }
            if statements.begins(at: start) {
                start -= 1
                break
            }
            start -= 1
        }
        guard start + 1 < question, case .boolean(let chosen)? = fold((start + 1)..<question) else { return nil }
        var nesting = 0
        var colon: Int?
        var cursor = question + 1
        while cursor < tokens.count, cursor - question <= Self.reach {
            let token = tokens[cursor]
            if token.hasPartner {
                if Int(token.partner) < cursor { return nil }
                cursor = Int(token.partner) + 1
                continue
            }
            if isPunctuation(cursor, "?") { nesting += 1 }
            if isPunctuation(cursor, ":") {
                if nesting == 0 { colon = cursor; break }
                nesting -= 1
            }
            if isPunctuation(cursor, ";") || isPunctuation(cursor, ",") { return nil }
            cursor += 1
        }
        guard let colon else { return nil }
        if !chosen { return (question + 1)..<colon }
        var end = colon + 1
        while end < tokens.count, end - colon <= Self.reach {
            let token = tokens[end]
            if token.hasPartner {
                if Int(token.partner) < end { break }
                end = Int(token.partner) + 1
                continue
            }
            if isPunctuation(end, ";") || isPunctuation(end, ",") || (end > colon + 1 && statements.begins(at: end)) { break }
            end += 1
        }
        return end > colon + 1 ? (colon + 1)..<end : nil
    }

    /// The sections of `switch (c) { case …: }` that a constant `c` skips: all but the one its
    /// value selects (or `default`), which runs to its `break`, `return`, `throw` or `continue`.
    private func deadSections(ofSwitchAt index: Int, fold: (Range<Int>) -> ConstantValue?) -> [Range<Int>] {
        guard index + 1 < tokens.count, isOpener(index + 1, "(") else { return [] }
        let close = Int(tokens[index + 1].partner)
        let bodyOpen = close + 1
        guard bodyOpen < tokens.count, isOpener(bodyOpen, "{"), let selector = fold((index + 2)..<close) else { return [] }
        let bodyClose = Int(tokens[bodyOpen].partner)
        var labels: [(start: Int, value: ConstantValue?)] = []
        var cursor = bodyOpen + 1
        while cursor < bodyClose {
            let token = tokens[cursor]
            if token.hasPartner, Int(token.partner) > cursor {
                cursor = Int(token.partner) + 1
                continue
            }
            if isPunctuation(cursor, "->") { return [] }
            if isWord(cursor, "case") {
                var colon = cursor + 1
                while colon < bodyClose, !isPunctuation(colon, ":") { colon += 1 }
                guard colon < bodyClose, let value = fold((cursor + 1)..<colon) else { return [] }
                labels.append((cursor, value))
                cursor = colon
            } else if isWord(cursor, "default") {
                labels.append((cursor, nil))
            }
            cursor += 1
        }
        guard let live = labels.first(where: { $0.value == selector }) ?? labels.first(where: { $0.value == nil }) else {
            return [(bodyOpen + 1)..<bodyClose]
        }
        var liveEnd = bodyClose
        cursor = live.start
        while cursor < bodyClose {
            let token = tokens[cursor]
            if token.hasPartner, Int(token.partner) > cursor {
                cursor = Int(token.partner) + 1
                continue
            }
            if isWord(cursor, "break") || isWord(cursor, "return") || isWord(cursor, "throw") || isWord(cursor, "continue") {
                liveEnd = min(bodyClose, statements.end(from: cursor, limit: bodyClose, tokens: tokens, bytes: bytes) + 1)
                break
            }
            cursor += 1
        }
        return [(bodyOpen + 1)..<live.start, liveEnd..<bodyClose].filter { !$0.isEmpty }
    }

    // MARK: - Tokens

    /// Whether the tokens of `range` are all literals, names and operators: a condition with a
    /// call in it (other than the two string methods the folder knows) never folds.
    private static func mayFold(_ range: Range<Int>, tokens: UnsafeBufferPointer<Token>, bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !range.isEmpty, range.count <= 64 else { return false }
        var hasLiteral = false
        for index in range {
            switch tokens[index].kind {
            case .number, .string: hasLiteral = true
            case .identifier, .punctuation, .comment: continue
            default: return false
            }
        }
        return hasLiteral || range.count <= 3
    }

    private func text(_ index: Int) -> String { String(decoding: bytes[tokens[index].range], as: UTF8.self) }

    private func isWord(_ index: Int, _ word: String) -> Bool {
        tokens[index].kind == .identifier && bytes[tokens[index].range].elementsEqual(word.utf8)
    }

    private func isPunctuation(_ index: Int, _ symbol: String) -> Bool {
        tokens[index].kind == .punctuation && bytes[tokens[index].range].elementsEqual(symbol.utf8)
    }

    private func isOpener(_ index: Int, _ symbol: Unicode.Scalar) -> Bool {
        let token = tokens[index]
        return token.kind == .punctuation && token.hasPartner && Int(token.partner) > index && token.length == 1
            && bytes[Int(token.start)] == UInt8(ascii: symbol)
    }
}
