import Foundation

/// Reads `--since`: a duration back from `now` (`90s`, `30m`, `24h`, `7d`, `2w`) or a date
/// (`2024-05-01`, UTC midnight, or ISO 8601 `2024-05-01T08:00:00Z`).
public enum SinceParser {
    public static func parse(_ text: String, now: Date = Date()) throws(QueryError) -> Date {
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86_400, "w": 604_800]
        if let unit = text.last, let seconds = units[unit], let count = Double(text.dropLast()), count >= 0 {
            return now.addingTimeInterval(-count * seconds)
        }
        let day = DateFormatter()
        day.locale = Locale(identifier: "en_US_POSIX")
        day.timeZone = TimeZone(identifier: "UTC")
        day.dateFormat = "yyyy-MM-dd"
        if let date = day.date(from: text) { return date }
        if let date = ISO8601DateFormatter().date(from: text) { return date }
        throw .invalidSince(text)
    }
}
