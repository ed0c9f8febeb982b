/// Validation of token ranges that contain bytes >= 0x80; only run off the hot path, so ASCII
/// text pays one OR per byte at most.
enum UTF8Check {
    /// `.invalidUTF8` if `p[start..<end]` is not valid UTF-8, else no flags.
    static func flags(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> TokenFlags {
        var i = start
        var high: UInt8 = 0
        while i < end {
            high |= p[i]
            i += 1
        }
        if high & 0x80 == 0 { return [] }
        return isValid(p, start, end) ? [] : .invalidUTF8
    }

    static func isValid(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var i = start
        while i < end {
            let b = p[i]
            if b < 0x80 {
                i += 1
                continue
            }
            let extra: Int
            if b & 0xE0 == 0xC0, b >= 0xC2 {
                extra = 1
            } else if b & 0xF0 == 0xE0 {
                extra = 2
            } else if b & 0xF8 == 0xF0, b <= 0xF4 {
                extra = 3
            } else {
                return false
            }
            if i + extra >= end { return false }
            for k in 1...extra where p[i + k] & 0xC0 != 0x80 { return false }
            let c1 = p[i + 1]
            // Overlong forms, surrogates and code points above U+10FFFF.
            if (b == 0xE0 && c1 < 0xA0) || (b == 0xED && c1 >= 0xA0) || (b == 0xF0 && c1 < 0x90) || (b == 0xF4 && c1 >= 0x90) {
                return false
            }
            i += extra + 1
        }
        return true
    }
}
