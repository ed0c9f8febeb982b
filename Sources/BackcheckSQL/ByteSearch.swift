/// Byte-level substring search for prefilters (no String decoding).
enum ByteSearch {
    /// Whether `bytes` contain `word` (lower-case ASCII), ignoring ASCII case.
    static func containsCaseInsensitive(_ bytes: [UInt8], _ word: String) -> Bool {
        let needle = Array(word.utf8)
        guard let first = needle.first, bytes.count >= needle.count else { return false }
        return bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            let last = buffer.count - needle.count
            while index <= last {
                if buffer[index] | 0x20 == first {
                    var matched = true
                    for offset in 1..<needle.count where buffer[index + offset] | 0x20 != needle[offset] {
                        matched = false
                        break
                    }
                    if matched { return true }
                }
                index += 1
            }
            return false
        }
    }

    /// Whether `bytes` contain `text` exactly.
    static func contains(_ bytes: [UInt8], _ text: String) -> Bool {
        let needle = Array(text.utf8)
        guard let first = needle.first, bytes.count >= needle.count else { return false }
        return bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            let last = buffer.count - needle.count
            while index <= last {
                if buffer[index] == first, buffer[(index + 1)..<(index + needle.count)].elementsEqual(needle[1...]) { return true }
                index += 1
            }
            return false
        }
    }
}
