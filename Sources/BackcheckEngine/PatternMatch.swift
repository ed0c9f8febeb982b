/// A token range that matched a pattern, with what each metavariable bound.
public struct PatternMatch: Sendable, Hashable {
    /// Index of the first matched token.
    public var start: Int
    /// Index one past the last matched token.
    public var end: Int
    /// Bound token ranges, indexed like `CompiledRule.metavariables`; nil when unbound.
    public var bindings: [Range<Int>?]

    public init(start: Int, end: Int, bindings: [Range<Int>?]) {
        self.start = start
        self.end = end
        self.bindings = bindings
    }
}
