/// Groups of multi-character operators. Each language enables the groups it has, so that
/// maximal munch never glues tokens a language keeps apart (Python `x--1`, Go `**p`, Java
/// `List<List<T>>`, JavaScript `a<-1`). Always on: `... == != <= >= && || += -= *= /= %= &= |= ^=`.
struct OperatorSet: OptionSet {
    let rawValue: UInt32
    static let strictEquality = OperatorSet(rawValue: 1 << 0)  // === !==
    static let fatArrow = OperatorSet(rawValue: 1 << 1)        // =>
    static let arrow = OperatorSet(rawValue: 1 << 2)           // ->
    static let increment = OperatorSet(rawValue: 1 << 3)       // ++ --
    static let nullish = OperatorSet(rawValue: 1 << 4)         // ?? ??= ?. (and PHP ?->)
    static let power = OperatorSet(rawValue: 1 << 5)           // ** **=
    static let shift = OperatorSet(rawValue: 1 << 6)           // << >> >>> <<= >>= >>>=
    static let walrus = OperatorSet(rawValue: 1 << 7)          // :=
    static let doubleColon = OperatorSet(rawValue: 1 << 8)     // ::
    static let elvis = OperatorSet(rawValue: 1 << 9)           // ?:
    static let bangBang = OperatorSet(rawValue: 1 << 10)       // !!
    static let range = OperatorSet(rawValue: 1 << 11)          // .. ..<
    static let spaceship = OperatorSet(rawValue: 1 << 12)      // <=>
    static let floorDivide = OperatorSet(rawValue: 1 << 13)    // // //=
    static let goChannel = OperatorSet(rawValue: 1 << 14)      // <- &^ &^=
    static let rubyMatch = OperatorSet(rawValue: 1 << 15)      // =~ !~ &.
    static let logicalAssign = OperatorSet(rawValue: 1 << 16)  // ||= &&=
    static let dotAssign = OperatorSet(rawValue: 1 << 17)      // .=
    static let notEqualAngle = OperatorSet(rawValue: 1 << 18)  // <>
    static let sqlJSON = OperatorSet(rawValue: 1 << 19)        // ->> @> <@ (plus :: and ->)

    /// Length of the operator starting at `p[i]` (at least 1), by longest match.
    @inline(__always)
    func length(_ p: UnsafePointer<UInt8>, _ i: Int, _ end: Int) -> Int {
        let b0 = p[i]
        let b1: UInt8 = i + 1 < end ? p[i + 1] : 0
        let b2: UInt8 = i + 2 < end ? p[i + 2] : 0
        let b3: UInt8 = i + 3 < end ? p[i + 3] : 0
        switch b0 {
        case ASCII.dot:
            if b1 == ASCII.dot {
                if b2 == ASCII.dot { return 3 }
                if contains(.range) { return b2 == ASCII.lt ? 3 : 2 }
            }
            if b1 == ASCII.equal, contains(.dotAssign) { return 2 }
        case ASCII.equal:
            if b1 == ASCII.equal { return b2 == ASCII.equal && contains(.strictEquality) ? 3 : 2 }
            if b1 == ASCII.gt, contains(.fatArrow) { return 2 }
            if b1 == ASCII.tilde, contains(.rubyMatch) { return 2 }
        case ASCII.bang:
            if b1 == ASCII.equal { return b2 == ASCII.equal && contains(.strictEquality) ? 3 : 2 }
            if b1 == ASCII.bang, contains(.bangBang) { return 2 }
            if b1 == ASCII.tilde, contains(.rubyMatch) { return 2 }
        case ASCII.lt:
            if b1 == ASCII.equal { return b2 == ASCII.gt && contains(.spaceship) ? 3 : 2 }
            if b1 == ASCII.lt, contains(.shift) { return b2 == ASCII.equal ? 3 : 2 }
            if b1 == ASCII.gt, contains(.notEqualAngle) { return 2 }
            if b1 == ASCII.minus, contains(.goChannel) { return 2 }
            if b1 == ASCII.at, contains(.sqlJSON) { return 2 }
        case ASCII.gt:
            if b1 == ASCII.equal { return 2 }
            if b1 == ASCII.gt, contains(.shift) {
                if b2 == ASCII.equal { return 3 }
                if b2 == ASCII.gt { return b3 == ASCII.equal ? 4 : 3 }
                return 2
            }
        case ASCII.minus:
            if b1 == ASCII.gt {
                if contains(.sqlJSON), b2 == ASCII.gt { return 3 }
                if contains(.arrow) { return 2 }
            }
            if b1 == ASCII.minus, contains(.increment) { return 2 }
            if b1 == ASCII.equal { return 2 }
        case ASCII.plus:
            if b1 == ASCII.plus, contains(.increment) { return 2 }
            if b1 == ASCII.equal { return 2 }
        case ASCII.amp:
            if b1 == ASCII.amp { return b2 == ASCII.equal && contains(.logicalAssign) ? 3 : 2 }
            if b1 == ASCII.equal { return 2 }
            if b1 == ASCII.caret, contains(.goChannel) { return b2 == ASCII.equal ? 3 : 2 }
            if b1 == ASCII.dot, contains(.rubyMatch) { return 2 }
        case ASCII.pipe:
            if b1 == ASCII.pipe { return b2 == ASCII.equal && contains(.logicalAssign) ? 3 : 2 }
            if b1 == ASCII.equal { return 2 }
        case ASCII.question:
            if contains(.nullish) {
                if b1 == ASCII.question { return b2 == ASCII.equal ? 3 : 2 }
                // `a?.5:1` is a conditional, not optional chaining.
                if b1 == ASCII.dot, !ByteClass.isDigit(b2) { return 2 }
                if b1 == ASCII.minus, b2 == ASCII.gt, contains(.elvis) { return 3 }
            }
            if b1 == ASCII.colon, contains(.elvis) { return 2 }
        case ASCII.colon:
            if b1 == ASCII.colon, contains(.doubleColon) { return 2 }
            if b1 == ASCII.equal, contains(.walrus) { return 2 }
        case ASCII.star:
            if b1 == ASCII.star, contains(.power) { return b2 == ASCII.equal ? 3 : 2 }
            if b1 == ASCII.equal { return 2 }
        case ASCII.slash:
            if b1 == ASCII.slash, contains(.floorDivide) { return b2 == ASCII.equal ? 3 : 2 }
            if b1 == ASCII.equal { return 2 }
        case ASCII.percent, ASCII.caret:
            if b1 == ASCII.equal { return 2 }
        case ASCII.at:
            if b1 == ASCII.gt, contains(.sqlJSON) { return 2 }
        default:
            break
        }
        return 1
    }
}
