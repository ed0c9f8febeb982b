/// A token range that matched a pattern, with what each metavariable bound.
public struct PatternMatch: Sendable, Hashable {
    /// Index of the first matched token.
    public var start: Int
    /// Index one past the last matched token.
    public var end: Int
    /// Bound token ranges, indexed like `CompiledRule.metavariables`; nil when unbound.
    public var bindings: [Range<Int>?]
    /// For a taint rule's audit-tier match, the token of the value of unknown origin built into
    /// the sink's text; nil for a confirmed match (a source reaches the sink) and other rules.
    public var origin: Int?

    public init(start: Int, end: Int, bindings: [Range<Int>?], origin: Int? = nil) {
        self.start = start
        self.end = end
        self.bindings = bindings
        self.origin = origin
    }
}
