/// The order migrations are replayed in: paths compared segment by segment, runs of digits as
/// numbers. Migration tools name versions `0.7` … `0.16`, `v2` … `v10` or `9_x` … `10_y`, and
/// byte order would replay `0.16` before `0.7` (a table dropped in a later version would be
/// dropped before it is created, and so live on).
enum NaturalPathOrder {
    /// Whether `left` is replayed before `right`.
    static func precedes(_ left: String, _ right: String) -> Bool {
        let leftSegments = left.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        let rightSegments = right.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        for (a, b) in zip(leftSegments, rightSegments) {
            switch compare(Array(a), Array(b)) {
            case .some(true): return true
            case .some(false): return false
            case nil: continue
            }
        }
        // Equal so far: the shorter path (a folder's own file) first, then byte order for
        // spellings that compare equal (`01` and `1`), so the order is total.
        if leftSegments.count != rightSegments.count { return leftSegments.count < rightSegments.count }
        return left < right
    }

    /// Whether segment `a` sorts before `b`; nil when they compare equal.
    private static func compare(_ a: [UInt8], _ b: [UInt8]) -> Bool? {
        var i = 0
        var j = 0
        while i < a.count, j < b.count {
            if isDigit(a[i]), isDigit(b[j]) {
                let aEnd = a[i...].firstIndex { !isDigit($0) } ?? a.count
                let bEnd = b[j...].firstIndex { !isDigit($0) } ?? b.count
                let aNumber = a[i..<aEnd].drop { $0 == UInt8(ascii: "0") }
                let bNumber = b[j..<bEnd].drop { $0 == UInt8(ascii: "0") }
                // Fewer significant digits is the smaller number; then digit by digit.
                if aNumber.count != bNumber.count { return aNumber.count < bNumber.count }
                if !aNumber.elementsEqual(bNumber) { return aNumber.lexicographicallyPrecedes(bNumber) }
                i = aEnd
                j = bEnd
            } else {
                if a[i] != b[j] { return a[i] < b[j] }
                i += 1
                j += 1
            }
        }
        if a.count - i != b.count - j { return a.count - i < b.count - j }
        return nil
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
