#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BackcheckModel

/// The licence files a walk meets, and what they show: a directory below the root that keeps a
/// licence of its own, other than the root's, holds a copy of someone else's code (a library
/// vendored with its notice, as its licence asks: `libs/picodb/LICENSE`,
/// `server/modules/axios-ntlm/LICENSE`). A directory whose licence is the root's is the
/// project's own sub-project. Directories where projects keep their own differently licensed
/// code are left out: packages and apps of a monorepo, enterprise editions (`ee/`).
struct LicenceFiles {
    /// The root's licence texts.
    private(set) var root = Set<[UInt8]>()
    /// Licences of directories below the root: directory, licence file, text.
    private var nested: [(directory: String, file: String, text: [UInt8])] = []

    /// `LICENSE`, `LICENCE.md`, `license.txt`, `COPYING`: a file that is the directory's licence.
    static func isLicence(_ name: String) -> Bool {
        // Asked of every entry the walk lists: the first byte rules out nearly all of them before
        // anything is lower-cased.
        guard let first = name.utf8.first, [UInt8(ascii: "l"), UInt8(ascii: "c"), UInt8(ascii: "u")].contains(first | 0x20) else {
            return false
        }
        let parts = name.lowercased().split(separator: ".", maxSplits: 1)
        guard let stem = parts.first, ["license", "licence", "copying", "unlicense"].contains(stem) else { return false }
        return parts.count == 1 || ["md", "txt", "rst", "markdown"].contains(parts[1])
    }

    /// Reads the licence `name` of the directory open as `fd` at root-relative `directory`.
    mutating func read(_ name: String, in fd: Int32, directory: String) {
        guard let text = Self.text(of: name, in: fd) else { return }
        if directory.isEmpty {
            root.insert(text)
        } else if !Self.keepsOwnCode(directory) {
            nested.append((directory, directory + "/" + name, text))
        }
    }

    /// Reads the root's licence files from the root directory open as `fd`, for a walk of one
    /// subtree, which does not list the root.
    mutating func readRoot(in fd: Int32) {
        for name in ["LICENSE", "LICENSE.md", "LICENSE.txt", "LICENCE", "LICENCE.md", "COPYING", "license", "license.md"] {
            read(name, in: fd, directory: "")
        }
    }

    /// Third-party directories with the reason (`own licence libs/picodb/LICENSE`).
    func thirdPartyDirectories() -> [String: String] {
        var found: [String: String] = [:]
        for licence in nested where !root.contains(licence.text) && found[licence.directory] == nil {
            found[licence.directory] = "own licence \(licence.file)"
        }
        return found
    }

    private static let ownCodeParents: Set<String> = ["packages", "apps", "services"]
    private static let ownCodeNames: Set<String> = ["ee", "enterprise", "premium", "commercial"]

    private static func keepsOwnCode(_ directory: String) -> Bool {
        let parts = directory.split(separator: "/")
        if parts.contains(where: { ownCodeNames.contains($0.lowercased()) }) { return true }
        return parts.count >= 2 && ownCodeParents.contains(parts[parts.count - 2].lowercased())
    }

    /// The first 64 KiB of a regular file, whitespace at both ends left out; nil when it is
    /// missing, a symlink or no regular file.
    private static func text(of name: String, in directory: Int32) -> [UInt8]? {
        guard let fd = try? Posix.open(name, in: directory, flags: O_RDONLY | O_NOCTTY | O_NONBLOCK) else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        guard let count = try? Posix.readPrefix(fd, into: &buffer, count: buffer.count) else { return nil }
        var slice = buffer[..<count]
        // A byte-order mark and surrounding blank lines say nothing about the licence.
        if slice.starts(with: [0xEF, 0xBB, 0xBF]) { slice = slice.dropFirst(3) }
        while let first = slice.first, first <= Byte.space { slice = slice.dropFirst() }
        while let last = slice.last, last <= Byte.space { slice = slice.dropLast() }
        return Array(slice)
    }
}
