/// A place in a source file: 1-based line and 1-based column, columns counted in Unicode scalars
/// (every byte that does not continue a UTF-8 sequence), as findings report them.
public struct SourcePosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// Earlier in the file first: by line, then by column.
    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    /// `line:column`, the form messages and tests print.
    public var description: String { "\(line):\(column)" }
}
