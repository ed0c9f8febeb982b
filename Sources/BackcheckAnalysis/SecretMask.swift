import Crypto

/// How secrets appear anywhere outside the file they live in: a masked preview that keeps the
/// length and a few characters at each end, and a keyed hash for identity.
public enum SecretMask {
    /// `sk_live_abcdefGHIJ` → `sk_l**********GHIJ`: the length is kept, at most a quarter shown.
    public static func mask(_ secret: String) -> String {
        let characters = Array(secret)
        let shown = characters.count >= 16 ? 4 : (characters.count >= 8 ? 2 : 0)
        guard shown > 0 else { return String(repeating: "*", count: characters.count) }
        return String(characters.prefix(shown)) + String(repeating: "*", count: characters.count - 2 * shown)
            + String(characters.suffix(shown))
    }

    /// Hex HMAC-SHA-256 of the secret under the per-user key (first 32 hex digits).
    public static func keyedHash(_ secret: String, key: [UInt8]) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Array(secret.utf8), using: SymmetricKey(data: key))
        return Hex.encode(Array(code).prefix(16))
    }
}

/// Lower-case hexadecimal encoding.
public enum Hex {
    public static func encode(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Hex SHA-256 of bytes (content hashes of files).
    public static func sha256(_ bytes: some DataProtocol) -> String {
        encode(SHA256.hash(data: bytes))
    }
}

import Foundation
