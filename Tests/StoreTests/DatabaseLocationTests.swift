import BackcheckStore
import Foundation
import Testing

@Suite struct DatabaseLocationTests {
    @Test(arguments: [
        (nil, ["BACKCHECK_DB": "/b.sqlite", "STATE_DIRECTORY": "/s", "HOME": "/h"], "/b.sqlite"),
        ("/explicit.sqlite", ["BACKCHECK_DB": "/b.sqlite"], "/explicit.sqlite"),
        (nil, ["STATE_DIRECTORY": "/var/lib/backcheck:/other", "XDG_STATE_HOME": "/x"],
         "/var/lib/backcheck/backcheck.sqlite"),
        (nil, ["XDG_STATE_HOME": "/x", "HOME": "/h"], "/x/backcheck/backcheck.sqlite"),
        (nil, ["XDG_STATE_HOME": "relative", "HOME": "/h"], "/h/.local/state/backcheck/backcheck.sqlite"),
        (nil, ["BACKCHECK_DB": "", "HOME": "/h"], "/h/.local/state/backcheck/backcheck.sqlite"),
    ] as [(String?, [String: String], String)])
    func resolvesInPriorityOrder(explicit: String?, environment: [String: String], expected: String) {
        #expect(DatabaseLocation.resolve(explicit: explicit, environment: environment).path == expected)
    }

    /// README's order: `--db`, then `BACKCHECK_DB`, then the configuration's `database`, then the
    /// state directories.
    @Test(arguments: [
        (nil, "/config.sqlite", ["BACKCHECK_DB": "/env.sqlite", "HOME": "/h"], "/env.sqlite"),
        ("/explicit.sqlite", "/config.sqlite", ["BACKCHECK_DB": "/env.sqlite"], "/explicit.sqlite"),
        (nil, "/config.sqlite", ["STATE_DIRECTORY": "/s", "HOME": "/h"], "/config.sqlite"),
        (nil, "", ["HOME": "/h"], "/h/.local/state/backcheck/backcheck.sqlite"),
    ] as [(String?, String?, [String: String], String)])
    func environmentWinsOverTheConfiguration(explicit: String?, configured: String?, environment: [String: String], expected: String) {
        #expect(DatabaseLocation.resolve(explicit: explicit, configured: configured, environment: environment).path == expected)
    }

    @Test func keyFileLivesBesideTheDatabase() {
        #expect(DatabaseLocation(path: "/x/y/backcheck.sqlite").keyPath == "/x/y/backcheck.key")
        #expect(DatabaseLocation(path: "db.sqlite").keyPath == "./backcheck.key")
    }

    @Test func createsMissingDirectoriesPrivate() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let location = DatabaseLocation.resolve(explicit: nil, environment: ["XDG_STATE_HOME": temporary.path + "/state"])
        try location.createDirectory()
        #expect(mode(temporary.path + "/state") == 0o700)
        #expect(mode(temporary.path + "/state/backcheck") == 0o700)
    }
}
