/// Constraint results by metavariable slot and token range, for one rule and file: an
/// open-addressing table, since the matcher asks it for nearly every operand it binds and a
/// `Dictionary`'s hashing cost more than the regexes it saved on minified code.
struct ConstraintCache {
    /// Per slot: empty (0), or bit 63 set, the key in bits 1...62 and the result in bit 0.
    private var entries = [UInt64](repeating: 0, count: 64)
    private var count = 0

    /// The cached result for `slot` and `range`, or nil.
    func result(_ slot: Int, _ range: Range<Int>) -> Bool? {
        let key = Self.key(slot, range)
        let mask = entries.count - 1
        var position = Self.hash(key) & mask
        while entries[position] != 0 {
            if entries[position] >> 1 & Self.keyMask == key { return entries[position] & 1 == 1 }
            position = (position + 1) & mask
        }
        return nil
    }

    mutating func store(_ result: Bool, _ slot: Int, _ range: Range<Int>) {
        if (count + 1) * 2 > entries.count { grow() }
        insert(1 << 63 | Self.key(slot, range) << 1 | (result ? 1 : 0))
        count += 1
    }

    private mutating func insert(_ entry: UInt64) {
        let mask = entries.count - 1
        var position = Self.hash(entry >> 1 & Self.keyMask) & mask
        while entries[position] != 0 { position = (position + 1) & mask }
        entries[position] = entry
    }

    private mutating func grow() {
        let old = entries
        entries = [UInt64](repeating: 0, count: old.count * 2)
        for entry in old where entry != 0 { insert(entry) }
    }

    private static let keyMask: UInt64 = (1 << 62) - 1

    /// Slot (14 bits) and both bounds (24 bits each, enough for the tokens of a file that fits
    /// `max-file-size`; larger indices wrap and share a result, as the engine's indices are Int32).
    private static func key(_ slot: Int, _ range: Range<Int>) -> UInt64 {
        UInt64(slot & 0x3FFF) << 48 | UInt64(range.lowerBound & 0xFF_FFFF) << 24 | UInt64(range.upperBound & 0xFF_FFFF)
    }

    private static func hash(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32)
    }
}
