/// Byte-level substring search for prefilters (no String decoding).
enum ByteSearch {
    /// Whether `bytes` contain `word` (lower-case ASCII), ignoring ASCII case.
    static func containsCaseInsensitive(_ bytes: [UInt8], _ word: String) -> Bool {
        contains(bytes, Array(word.utf8)) { $0 | 0x20 }
    }

    /// Whether `bytes` contain `text` exactly.
    static func contains(_ bytes: [UInt8], _ text: String) -> Bool {
        contains(bytes, Array(text.utf8)) { $0 }
    }

    /// Whether some run of `bytes`, each byte passed through `fold`, equals `needle`.
    private static func contains(_ bytes: [UInt8], _ needle: [UInt8], fold: (UInt8) -> UInt8) -> Bool {
        guard let first = needle.first, bytes.count >= needle.count else { return false }
        return bytes.withUnsafeBufferPointer { buffer in
            let last = buffer.count - needle.count
            var index = 0
            while index <= last {
                if fold(buffer[index]) == first, (1..<needle.count).allSatisfy({ fold(buffer[index + $0]) == needle[$0] }) {
                    return true
                }
                index += 1
            }
            return false
        }
    }
}
