/// Where the per-user findings database lives, and the secret key file beside it (docs/DESIGN.md §7).
public struct DatabaseLocation: Sendable, Hashable {
    /// Path of the SQLite database file.
    public var path: String

    /// Uses `path` as is (a `--db` value, a config value, or a test's temporary file).
    public init(path: String) {
        self.path = path
    }

    /// The directory holding the database (and the key file).
    public var directory: String { PrivateFiles.parentDirectory(of: path) }

    /// Path of the per-user HMAC key for secrets, beside the database.
    public var keyPath: String {
        directory == "/" ? "/backcheck.key" : directory + "/backcheck.key"
    }

    /// Resolves the database path: `explicit` (`--db`) first, then `BACKCHECK_DB`, then
    /// `configured` (the configuration's `database`: the environment wins over a file, as with
    /// every tool that has both), then `$STATE_DIRECTORY/backcheck.sqlite` (systemd's
    /// `StateDirectory=`), then `$XDG_STATE_HOME/backcheck/backcheck.sqlite`, then
    /// `$HOME/.local/state/backcheck/backcheck.sqlite`. Empty values count as unset; a relative
    /// `XDG_STATE_HOME` is ignored, as the XDG spec says. Without `HOME`, the home directory
    /// comes from the password database.
    public static func resolve(explicit: String?, configured: String? = nil, environment: [String: String]) -> DatabaseLocation {
        func value(_ name: String) -> String? {
            guard let value = environment[name], !value.isEmpty else { return nil }
            return value
        }
        if let explicit, !explicit.isEmpty { return DatabaseLocation(path: explicit) }
        if let path = value("BACKCHECK_DB") { return DatabaseLocation(path: path) }
        if let configured, !configured.isEmpty { return DatabaseLocation(path: configured) }
        // systemd passes several directories colon-separated when the unit lists several.
        if let state = value("STATE_DIRECTORY"), let first = state.split(separator: ":").first {
            return DatabaseLocation(path: String(first) + "/backcheck.sqlite")
        }
        if let xdg = value("XDG_STATE_HOME"), xdg.hasPrefix("/") {
            return DatabaseLocation(path: xdg + "/backcheck/backcheck.sqlite")
        }
        let home = value("HOME") ?? PrivateFiles.passwordDatabaseHome()
        return DatabaseLocation(path: home + "/.local/state/backcheck/backcheck.sqlite")
    }

    /// Creates the database's directory, and missing ancestors, with mode 0700.
    public func createDirectory() throws(StoreError) {
        try PrivateFiles.createDirectories(directory)
    }
}
