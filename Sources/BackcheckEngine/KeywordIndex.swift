/// Finds which of a fixed set of words occur in a file, in one pass over its bytes, ignoring
/// ASCII case (an Aho-Corasick automaton flattened into a transition table, as gitleaks does).
package struct KeywordIndex: Sendable {
    /// Words in the order given; `present` answers by index into this.
    let words: [[UInt8]]
    private let wordIndex: [[UInt8]: Int]
    /// `transitions[state * 256 + byte]` is the next state.
    private let transitions: [Int32]
    /// For each state, the words that end there (following dictionary suffix links).
    private let outputs: [[Int32]]

    package init(words: some Sequence<[UInt8]>) {
        let unique = Array(Set(words.filter { !$0.isEmpty })).sorted { $0.lexicographicallyPrecedes($1) }
        self.words = unique
        self.wordIndex = Dictionary(uniqueKeysWithValues: unique.enumerated().map { ($1, $0) })
        // Trie.
        var children: [[UInt8: Int32]] = [[:]]
        var terminal: [[Int32]] = [[]]
        for (index, word) in unique.enumerated() {
            var state: Int32 = 0
            for byte in word {
                if let next = children[Int(state)][byte] {
                    state = next
                } else {
                    children.append([:])
                    terminal.append([])
                    let next = Int32(children.count - 1)
                    children[Int(state)][byte] = next
                    state = next
                }
            }
            terminal[Int(state)].append(Int32(index))
        }
        // Breadth-first: failure links and the full transition table.
        let stateCount = children.count
        var table = [Int32](repeating: 0, count: stateCount * 256)
        var failure = [Int32](repeating: 0, count: stateCount)
        var outputs = terminal
        var queue: [Int32] = []
        for byte in 0..<256 {
            if let next = children[0][UInt8(byte)] {
                table[byte] = next
                queue.append(next)
            }
        }
        var head = 0
        while head < queue.count {
            let state = Int(queue[head])
            head += 1
            outputs[state] += outputs[Int(failure[state])]
            for byte in 0..<256 {
                let fallback = table[Int(failure[state]) * 256 + byte]
                if let next = children[state][UInt8(byte)] {
                    failure[Int(next)] = fallback
                    table[state * 256 + byte] = next
                    queue.append(next)
                } else {
                    table[state * 256 + byte] = fallback
                }
            }
        }
        self.transitions = table
        self.outputs = outputs
    }

    /// Which words occur in `bytes` (ASCII case-insensitive).
    package func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> KeywordHits {
        var hits = [Bool](repeating: false, count: words.count)
        guard !words.isEmpty else { return KeywordHits(index: self, hits: hits) }
        transitions.withUnsafeBufferPointer { table in
            var state = 0
            for byte in bytes {
                let folded = byte &- 65 < 26 ? byte | 0x20 : byte
                state = Int(table[state &* 256 &+ Int(folded)])
                if !outputs[state].isEmpty {
                    for word in outputs[state] { hits[Int(word)] = true }
                }
            }
        }
        return KeywordHits(index: self, hits: hits)
    }

    func position(of word: [UInt8]) -> Int? { wordIndex[word] }
}

/// The result of one `KeywordIndex.scan`.
package struct KeywordHits {
    let index: KeywordIndex
    let hits: [Bool]

    package func contains(_ word: [UInt8]) -> Bool {
        guard let position = index.position(of: word) else { return false }
        return hits[position]
    }
}
