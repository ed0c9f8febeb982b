import Foundation

/// A `where` constraint on one metavariable's text.
public struct TextConstraint: Sendable {
    public var regex: CompiledRegex?
    public var notRegex: CompiledRegex?
    /// Minimum Shannon entropy in bits per character.
    public var entropy: Double?
    /// Minimum length in characters.
    public var minLength: Int?
    /// The binding must be unexplained: no tokens and, between its neighbours, no comment but
    /// to-dos, tool directives and commented-out code. A `catch` block holding any other comment
    /// (`// ignore` included) is a documented decision, not an empty block.
    public var unexplained: Bool
    /// A filter (`not`, `inside`, `not-inside`) match that binds the metavariable counts only
    /// where it binds the same tokens as the match it filters: `not-inside: '$A = signer.unsign(...)
    /// ...'` spares the comparison of that `$A`, not of every value compared after an unsign.
    public var unify: Bool

    public init(regex: CompiledRegex? = nil, notRegex: CompiledRegex? = nil, entropy: Double? = nil, minLength: Int? = nil,
                unexplained: Bool = false, unify: Bool = false) {
        self.regex = regex
        self.notRegex = notRegex
        self.entropy = entropy
        self.minLength = minLength
        self.unexplained = unexplained
        self.unify = unify
    }

    /// Whether `text` satisfies every part of the constraint. The regexes are asked through
    /// optional chaining: binding them (`if let regex`) would copy each, retaining its parts.
    func accepts(_ text: Substring) -> Bool {
        if let minLength, text.count < minLength { return false }
        if let entropy, Entropy.bitsPerCharacter(text) < entropy { return false }
        if regex?.matches(text) == false { return false }
        if notRegex?.matches(text) == true { return false }
        return true
    }
}
