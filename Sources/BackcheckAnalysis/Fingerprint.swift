import Crypto

/// Line-independent finding identity (docs/DESIGN.md §7): rule, path, the matched tokens' texts joined by
/// single spaces (so moving, re-indenting or re-wrapping code keeps it), the occurrence index
/// among identical matches in the file, and the secret's keyed hash instead of the secret.
package enum Fingerprint {
    /// Tokens beyond this many do not enter the identity, so edits deep inside a matched block
    /// do not make its finding new.
    static let tokenLimit = 64

    package static func make(ruleId: String, path: String, normalizedMatch: String, occurrence: Int) -> String {
        var hasher = SHA256()
        for part in ["v1", ruleId, path, normalizedMatch, String(occurrence)] {
            hasher.update(data: Array(part.utf8))
            hasher.update(data: [0])
        }
        return Hex.encode(hasher.finalize().prefix(16))
    }
}
