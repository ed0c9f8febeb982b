/// What a file is for, as far as its path and first bytes tell: code that ships (`source`), or
/// code around it that rules should not judge as production code. The classifier
/// (`FileRoleClassifier`, BackcheckWalk) decides; config `roles:` re-classifies.
public enum FileRole: String, CaseIterable, Sendable, Codable {
    /// Code that runs in production: everything no convention below claims.
    case source
    /// Tests and test data (`tests/`, `*_test.go`, `test_*.py`, `*.spec.ts`, `*Test.java`, ...).
    case test
    /// Data and stand-ins for tests and development (`fixtures/`, `factories/`, `seeds/`, `mocks/`).
    case fixture
    /// Documentation, examples and samples (`docs/`, `examples/`, `samples/`, `*.md`).
    case docs
    /// Schema migrations (`migrations/`, `db/migrate/`, `alembic/versions/`, Flyway `V1__*.sql`).
    case migration
    /// Written by a tool (`Code generated ... DO NOT EDIT`, `@generated`, `*.pb.go`, `*_pb2.py`).
    case generated
    /// Third-party code kept in the repository (`vendor/`, `node_modules/`, `third_party/`,
    /// library files and licence banners such as `/*! jQuery v3`).
    case vendored
    /// Minified code (`*.min.js`, or lines far longer than people write).
    case minified
    /// Browser UI code: components (`*.jsx`, `*.tsx`, `*.vue`, `*.svelte`), scripts under
    /// `client/`, `frontend/` or `ui/`, and scripts importing a browser UI package (`react`,
    /// `@angular/core`, `@codemirror/view`) or using the DOM (`document.addEventListener`), and a
    /// mobile app's scripts (importing `react-native` or `expo-*`). It ships, but to the browser
    /// or the device: server-side checks (queries, logs, error handling, request input) do not
    /// apply, while a secret in it is exposed.
    case frontend

    /// The roles whose files are recorded as skipped, not analysed, unless config `skip-roles`
    /// says otherwise: nobody here wrote them, so nobody here can fix what a rule would report.
    public static let skippedByDefault: Set<FileRole> = [.vendored, .minified, .generated]

    /// Code that runs in production: source, and the skipped-by-default roles (so a file of
    /// theirs included back by config meets the same rules as source).
    public static let shipped: Set<FileRole> = [.source, .generated, .vendored, .minified]

    /// When several roles apply, the earlier in this order wins: who wrote a file (a tool, a third
    /// party) says more than where it sits, and a test's helpers are test code wherever they are.
    public static let precedence: [FileRole] = [.vendored, .minified, .generated, .test, .fixture, .migration, .docs, .frontend, .source]
}

/// A config `roles:` entry: files a pattern selects have this role, whatever the conventions say.
public struct FileRoleOverride: Sendable, Hashable {
    public var pattern: PathPattern
    public var role: FileRole

    public init(pattern: PathPattern, role: FileRole) {
        self.pattern = pattern
        self.role = role
    }
}
