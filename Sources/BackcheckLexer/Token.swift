/// One token: a kind and a byte range into the source. 20 bytes, no references, no allocation.
public struct Token: Sendable, Hashable {
    /// Byte offset of the first byte.
    public var start: UInt32
    /// Length in bytes (may be 0 for virtual tokens).
    public var length: UInt32
    /// 1-based line of the first byte.
    public var line: UInt32
    /// Index (in `TokenBuffer.tokens`) of the matching bracket, or `Token.noPartner`.
    /// Set on `( [ {`, `blockOpen`, `stringStart`, `interpolationOpen` and their closers.
    public var partner: UInt32
    public var kind: TokenKind
    public var flags: TokenFlags
    /// For `.string` and `.regex`: bytes from `start` to the content (prefix and opening delimiter).
    public var contentStartOffset: UInt8
    /// For `.string` and `.regex`: bytes after the content (closing delimiter, regex flags); 0 if unterminated.
    public var contentEndTrim: UInt8

    public static let noPartner = UInt32.max

    public init(
        kind: TokenKind, start: UInt32, length: UInt32, line: UInt32,
        flags: TokenFlags = [], partner: UInt32 = Token.noPartner,
        contentStartOffset: UInt8 = 0, contentEndTrim: UInt8 = 0
    ) {
        self.kind = kind
        self.start = start
        self.length = length
        self.line = line
        self.flags = flags
        self.partner = partner
        self.contentStartOffset = contentStartOffset
        self.contentEndTrim = contentEndTrim
    }

    /// One past the last byte.
    @inlinable public var end: UInt32 { start + length }

    /// The byte range of the token.
    @inlinable public var range: Range<Int> { Int(start)..<Int(start + length) }

    /// Whether this token has a partner bracket.
    @inlinable public var hasPartner: Bool { partner != Token.noPartner }
}
