/// A Ruby heredoc whose marker has been lexed and whose body starts at the next line break.
struct PendingHeredoc {
    /// Index of the heredoc's `.string` token (at the marker).
    var token: UInt32
    /// The terminator word's range in the input.
    var nameStart: Int
    var nameEnd: Int
    /// `<<~` and `<<-`: the terminator may be indented.
    var indented: Bool
}
