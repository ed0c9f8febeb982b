/// Whether a test's name says it tries a failure: `test_it_rejects_special_characters`,
/// `returnsNotFoundForAMissingOrder`, `test_it_does_not_save_nonstandard_period`. Such a test
/// checks a failure even when the handler answers it with a 200 page (a form shown again, an
/// empty result), which its asserted statuses cannot tell.
enum FailureTestName {
    static func names(_ name: String) -> Bool {
        let words = Self.words(name)
        if words.contains(where: failureWords.contains) { return true }
        let joined = words.joined(separator: " ")
        return failurePhrases.contains { joined.contains($0) }
    }

    private static let failureWords: Set<String> = [
        "reject", "rejects", "rejected", "invalid", "missing", "bad", "forbidden", "unauthorized", "unauthorised",
        "unauthenticated", "denied", "denies", "deny", "fail", "fails", "failure", "error", "errors", "wrong", "cannot",
        "refuses", "disallows", "disallowed", "nonexistent", "malformed", "expired", "notfound", "doesnt",
    ]
    private static let failurePhrases = ["does not", "do not", "should not", "not found", "can not", "not allowed", "not exist"]

    /// Lowercased words of `snake_case`, `camelCase` and `"quoted names"` alike.
    private static func words(_ name: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previousLower = false
        for character in name {
            if character.isLetter || character.isNumber {
                if character.isUppercase, previousLower, !current.isEmpty {
                    words.append(current)
                    current = ""
                }
                current.append(Character(character.lowercased()))
                previousLower = character.isLowercase
            } else {
                if !current.isEmpty { words.append(current) }
                current = ""
                previousLower = false
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}
