import BackcheckModel

/// The state of lexing one file. It lives inside one `Lexer.tokenize` call, so the byte pointer
/// never escapes the caller's buffer scope.
struct Scanner {
    let p: UnsafePointer<UInt8>
    let end: Int
    let language: Language
    let traits: LanguageTraits
    let patternMode: Bool
    /// Offset just past a UTF-8 BOM (0 without one): where a shebang or `=begin` may sit.
    let bodyStart: Int
    var pos: Int
    var tokens: [Token] = []
    var comments: [Token] = []
    var lines: LineTable
    var heredocContents: [(token: UInt32, content: Range<UInt32>)] = []
    /// Indices of open brackets not yet closed.
    var brackets: [UInt32] = []
    var frames: [Frame] = []
    /// End of the last non-virtual significant token, for `.startsLine`.
    var lastSignificantEnd = -1
    /// Python: indentation columns (the first is the baseline) and the `blockOpen` of each deeper level.
    var indentColumns: [Int] = []
    var indentOpens: [UInt32] = []
    /// Python: the next line continues the previous one after a backslash.
    var continuationLine = false
    /// Ruby: heredocs whose bodies start at the next line break.
    var pendingHeredocs: [PendingHeredoc] = []
    /// PHP: between `<?php` and `?>`.
    var phpInCode: Bool
    /// Swift `#…`, C# `$…`/`@…`: the end of the last run of string-prefix bytes that was found
    /// to open no string, so the run's later bytes are not scanned again.
    var plainPrefixRunEnd = 0

    init(_ p: UnsafePointer<UInt8>, count: Int, language: Language, mode: LexMode) {
        self.p = p
        self.end = count
        self.language = language
        self.traits = LanguageTraits.of(language)
        self.patternMode = mode == .pattern
        let hasBOM = count >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF
        self.bodyStart = hasBOM ? 3 : 0
        self.pos = bodyStart
        self.lines = LineTable(p, count: count)
        self.phpInCode = language != .php || mode == .pattern
        tokens.reserveCapacity(count / 4 + 16)
        comments.reserveCapacity(count / 64 + 4)
    }

    /// Lexes everything, then closes what is still open at the end of the input.
    mutating func run() {
        while true {
            WorkMeter.tick()
            if let top = frames.last {
                switch top.kind {
                case .string: continueString()
                case .formatSpec: continueFormatSpec()
                case .interpolation:
                    if !lexCodeToken() { closeInterpolationAtEOF() }
                }
            } else if !lexCodeToken() {
                break
            }
        }
        // A heredoc marker on the last line still gets its (empty, unterminated) body.
        if !pendingHeredocs.isEmpty {
            pos = end
            readHeredocBodies()
        }
        for index in brackets { tokens[Int(index)].flags.insert(.unbalanced) }
        brackets.removeAll()
        closeAllBlocks(at: end)
    }

    /// Appends a significant token and returns its index. Non-empty tokens get `.startsLine`
    /// when nothing significant precedes them on their line; Python indentation is applied there.
    @discardableResult @inline(__always)
    mutating func emit(
        _ kind: TokenKind, _ start: Int, _ stop: Int, _ flags: TokenFlags = [],
        contentStart: Int = 0, contentTrim: Int = 0
    ) -> Int {
        let line = lines.line(of: start)
        var flags = flags
        if stop > start {
            if lines.start(ofLine: line) >= lastSignificantEnd {
                flags = TokenFlags(rawValue: flags.rawValue | TokenFlags.startsLine.rawValue)
                if traits.indentation {
                    if !continuationLine, brackets.isEmpty, frames.isEmpty { indent(line: line, at: start) }
                    continuationLine = false
                }
            }
            lastSignificantEnd = stop
        }
        let index = tokens.count
        tokens.append(Token(
            kind: kind, start: UInt32(truncatingIfNeeded: start), length: UInt32(truncatingIfNeeded: stop - start),
            line: UInt32(truncatingIfNeeded: line), flags: flags,
            contentStartOffset: UInt8(truncatingIfNeeded: min(contentStart, 255)),
            contentEndTrim: UInt8(truncatingIfNeeded: min(contentTrim, 255))
        ))
        return index
    }

    mutating func emitComment(_ start: Int, _ stop: Int, _ flags: TokenFlags = []) {
        let line = lines.line(of: start)
        let flags = flags.union(UTF8Check.flags(p, start, stop))
        comments.append(Token(
            kind: .comment, start: UInt32(truncatingIfNeeded: start), length: UInt32(truncatingIfNeeded: stop - start),
            line: UInt32(truncatingIfNeeded: line), flags: flags
        ))
    }

    /// Literal text of an interpolated string; empty segments are omitted.
    mutating func emitSegment(_ start: Int, _ stop: Int) {
        if stop > start { emit(.stringSegment, start, stop, UTF8Check.flags(p, start, stop)) }
    }

    mutating func pair(_ a: Int, _ b: Int) {
        tokens[a].partner = UInt32(truncatingIfNeeded: b)
        tokens[b].partner = UInt32(truncatingIfNeeded: a)
    }

    /// The byte at `i`, or 0 past the end (a NUL in the input reads the same and is harmless:
    /// no construct ends or starts with NUL).
    /// Look-ahead reads go through here, so they are what ``WorkMeter`` counts of the lexer.
    @inline(__always)
    func at(_ i: Int) -> UInt8 {
        WorkMeter.tick()
        return i < end ? p[i] : 0
    }

    func buffer(language: Language) -> TokenBuffer {
        TokenBuffer(
            language: language, tokens: tokens, comments: comments, lineStarts: lines.starts,
            heredocContents: heredocContents
        )
    }
}
