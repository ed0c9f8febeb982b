/// One level of string/interpolation nesting. Nesting lives in an explicit stack rather than in
/// recursion, so adversarial input (`${`${`${…`) can never overflow the call stack.
struct Frame {
    enum Kind: UInt8 {
        /// Inside the literal text of an interpolated string.
        case string
        /// Inside the code of an interpolation.
        case interpolation
        /// Inside a format spec (`{x:>10}`), which is literal text up to the interpolation's `}`.
        case formatSpec
    }

    var kind: Kind
    /// The string's style (for `.string` and `.formatSpec`, the enclosing string's).
    var style: StringStyle
    /// Index of the `stringStart` (`.string`) or `interpolationOpen` (`.interpolation`) token.
    var token: UInt32
    /// Bracket-stack height when the frame was entered: closers never match openers below it.
    var bracketBase: Int
    /// The byte that ends an interpolation at its top level (`}` or Swift's `)`).
    var closer: UInt8 = 0
    /// Closing braces to consume together (C# `$$"""…{{x}}…"""`).
    var closeCount: UInt8 = 1
    /// Nesting depth of a bracket-delimited string (`%q(a(b)c)`).
    var depth = 0
}
