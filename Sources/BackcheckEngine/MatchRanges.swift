/// Token ranges sorted by start (one formula member's matches, a taint rule's sources or
/// sanitizers), answering whether some range overlaps, contains or lies inside a given one in
/// logarithmic time: `all:` and taint ask it of every candidate, and a minified line holds tens
/// of thousands of both.
struct MatchRanges {
    private let starts: [Int]
    /// `maxEnd[i]`: the furthest end among the first i + 1 ranges.
    private let maxEnd: [Int]
    /// `minEnd[i]`: the nearest end among the ranges from i on.
    private let minEnd: [Int]

    init(_ ranges: [Range<Int>]) {
        let sorted = ranges.sorted { ($0.lowerBound, $0.upperBound) < ($1.lowerBound, $1.upperBound) }
        starts = sorted.map(\.lowerBound)
        var furthest = Int.min
        maxEnd = sorted.map { range in
            furthest = max(furthest, range.upperBound)
            return furthest
        }
        var nearest = Int.max
        minEnd = sorted.reversed().map { range in
            nearest = min(nearest, range.upperBound)
            return nearest
        }.reversed()
    }

    init(_ matches: [PatternMatch]) {
        self.init(matches.map { $0.start..<$0.end })
    }

    /// Whether some range overlaps `range` (starts before its end and ends after its start).
    func anyOverlaps(_ range: Range<Int>) -> Bool {
        let before = firstStart(atLeast: range.upperBound)
        return before > 0 && maxEnd[before - 1] > range.lowerBound
    }

    /// Whether some range contains `range`: starts at or before it and ends at or after it.
    func anyContains(_ range: Range<Int>) -> Bool {
        let before = firstStart(atLeast: range.lowerBound + 1)
        return before > 0 && maxEnd[before - 1] >= range.upperBound
    }

    /// Whether some range lies inside `range`: starts at or after it and ends at or before it.
    func anyInside(_ range: Range<Int>) -> Bool {
        let from = firstStart(atLeast: range.lowerBound)
        return from < starts.count && minEnd[from] <= range.upperBound
    }

    /// The index of the first range starting at or after `position`.
    private func firstStart(atLeast position: Int) -> Int {
        var low = 0
        var high = starts.count
        while low < high {
            let middle = (low + high) / 2
            if starts[middle] < position { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
