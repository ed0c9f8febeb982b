/// The marker files of `backcheck findings --sync` (Watchman's cookies): the query creates one in
/// a watched root, the daemon acknowledges it once every earlier change is committed, and the
/// walker never takes one for a source file.
public enum SyncCookie {
    /// The start of every marker file's name.
    public static let prefix = ".backcheck-cookie-"
}
