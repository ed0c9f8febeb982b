import BackcheckLexer
import BackcheckModel

/// A lexed snippet with readable renderings for assertions: each token as `"kind text"`, with
/// short kind names (`id`, `num`, `str`, `sstart`, `seg`, `iopen`, `iclose`, `send`, `regex`,
/// `comment`, `punct`, `bopen`, `bclose`).
struct Lexed {
    let bytes: [UInt8]
    let buffer: TokenBuffer

    init(_ source: String, _ language: Language, mode: LexMode = .source) {
        self.init(bytes: Array(source.utf8), language, mode: mode)
    }

    init(bytes: [UInt8], _ language: Language, mode: LexMode = .source) {
        self.bytes = bytes
        self.buffer = Lexer.tokenize(bytes, language: language, mode: mode)
    }

    var tokens: [Token] { buffer.tokens }

    /// Every significant token as `"kind text"`.
    var rendered: [String] { buffer.tokens.map(render) }

    /// Every comment's text.
    var commentTexts: [String] { buffer.comments.map(text) }

    /// Line of each significant token.
    var lines: [Int] { buffer.tokens.map { Int($0.line) } }

    /// Texts of the tokens flagged `.startsLine`.
    var lineStarts: [String] { buffer.tokens.filter { $0.flags.contains(.startsLine) }.map(text) }

    func text(_ token: Token) -> String { string(token.range) }

    func string(_ range: Range<Int>) -> String {
        String(decoding: bytes[max(0, range.lowerBound)..<min(bytes.count, range.upperBound)], as: UTF8.self)
    }

    /// The content of token `index` (inside the quotes, or a heredoc body).
    func content(_ index: Int) -> String { string(buffer.contentRange(of: index)) }

    /// Index of the first token whose text is `text`.
    func index(of text: String) -> Int? { buffer.tokens.firstIndex { self.text($0) == text } }

    /// `(index of opener, index of its partner)` for each token that opens a pair.
    var pairs: [(Int, Int)] {
        buffer.tokens.indices.compactMap { i in
            let t = buffer.tokens[i]
            guard t.hasPartner, Int(t.partner) > i else { return nil }
            return (i, Int(t.partner))
        }
    }

    func render(_ token: Token) -> String {
        "\(Lexed.shortName(token.kind)) \(text(token))"
    }

    static func shortName(_ kind: TokenKind) -> String {
        switch kind {
        case .identifier: "id"
        case .number: "num"
        case .string: "str"
        case .stringStart: "sstart"
        case .stringSegment: "seg"
        case .interpolationOpen: "iopen"
        case .interpolationClose: "iclose"
        case .stringEnd: "send"
        case .regex: "regex"
        case .comment: "comment"
        case .punctuation: "punct"
        case .blockOpen: "bopen"
        case .blockClose: "bclose"
        }
    }
}
