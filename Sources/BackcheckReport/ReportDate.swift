import Foundation

/// Dates as reports print them: UTC, to the minute or the day, the same on every machine.
enum ReportDate {
    /// `2024-05-01 02:00 UTC`.
    static func minutes(_ date: Date) -> String { formatter("yyyy-MM-dd HH:mm 'UTC'").string(from: date) }

    /// `2024-05-01`.
    static func day(_ date: Date) -> String { formatter("yyyy-MM-dd").string(from: date) }

    /// `2024-05-01T02:00:00Z`.
    static func iso(_ date: Date) -> String { formatter("yyyy-MM-dd'T'HH:mm:ss'Z'").string(from: date) }

    private static func formatter(_ format: String) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = format
        return formatter
    }
}
