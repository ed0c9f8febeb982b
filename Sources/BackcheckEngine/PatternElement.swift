import BackcheckLexer

/// One compiled element of a pattern; groups hold their contents, so matching a group is one
/// comparison plus a jump over the target's bracket pair.
package enum PatternElement: Sendable, Hashable {
    /// A token with this kind and text (identifier, number, operator, regex literal).
    case token(TokenKind, PatternLiteral)
    /// `"..."`: any string literal, plain or interpolated.
    case anyString
    /// `"$S"`: any plain string literal, bound to the metavariable.
    case bindString(Int)
    /// `"abc"`: a string literal with exactly this content.
    case exactString(PatternLiteral)
    /// `$X`: an operand, bound to the metavariable.
    case metavariable(Int)
    /// `...`: any balanced token sequence, lazily.
    case ellipsis
    /// `$...X`: like `...`, binding the sequence to the metavariable (a whole argument, say).
    case ellipsisBinding(Int)
    /// `...,`: nothing, or a balanced sequence ending in a comma.
    case ellipsisComma
    /// `, ...`: nothing, or a comma followed by a balanced sequence.
    case commaEllipsis
    /// A bracket group opened by this byte (`(`, `[`, `{`), contents matched entirely.
    case group(UInt8, [PatternElement])
    /// A Python indentation block, contents matched entirely.
    case block([PatternElement])
    /// An interpolated string: text parts and interpolations, matched entirely.
    case interpolatedString([PatternElement])
    /// One interpolation inside an interpolated string.
    case interpolation([PatternElement])
    /// Literal text between interpolations.
    case stringText(PatternLiteral)
    /// Before the `:` of a pattern's `def $F(...):`, a return annotation (`-> T`) the target may
    /// have: a pattern that says nothing of the return type matches functions that declare one.
    case optionalReturnAnnotation

    /// Identifier literals this element requires to be present in a file (for the prefilter).
    var requiredWords: [[UInt8]] {
        switch self {
        case .token(.identifier, let text) where text.count >= 2: [text.array]
        case .group(_, let children), .block(let children), .interpolatedString(let children), .interpolation(let children):
            children.flatMap(\.requiredWords)
        default: []
        }
    }
}
