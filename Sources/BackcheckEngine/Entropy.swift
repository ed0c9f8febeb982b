/// Shannon entropy of text, the usual signal that a string literal is a random secret.
enum Entropy {
    /// Bits per character over the text's Unicode scalars.
    static func bitsPerCharacter(_ text: Substring) -> Double {
        var counts: [Unicode.Scalar: Int] = [:]
        var total = 0
        for scalar in text.unicodeScalars {
            counts[scalar, default: 0] += 1
            total += 1
        }
        guard total > 0 else { return 0 }
        var bits = 0.0
        for count in counts.values {
            let p = Double(count) / Double(total)
            bits -= p * log2(p)
        }
        return bits
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
