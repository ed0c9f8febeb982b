/// The SQL dialect a schema is written in; it decides engine-specific facts (MySQL/InnoDB
/// indexes every foreign key itself; `CREATE INDEX CONCURRENTLY` is PostgreSQL's).
public enum SQLDialect: String, Sendable, Hashable, Codable, CaseIterable {
    case postgresql, mysql, sqlite, unknown

    /// The dialect the most files voted for; ties and no votes give `unknown`.
    public static func majority(_ votes: [SQLDialect]) -> SQLDialect {
        var counts: [SQLDialect: Int] = [:]
        for vote in votes where vote != .unknown { counts[vote, default: 0] += 1 }
        let ranked = counts.sorted { $0.value > $1.value }
        guard let first = ranked.first else { return .unknown }
        if ranked.count > 1, ranked[1].value == first.value { return .unknown }
        return first.key
    }
}
