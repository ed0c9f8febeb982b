import BackcheckRulePack
import Foundation

/// `backcheck init`: a commented starter `.backcheck.yml`, made from the embedded defaults
/// (Config/backcheck.yml) with every setting commented out, so the file documents every key and
/// its default and changes nothing until a line is uncommented.
public enum StarterConfig {
    /// The starter file's text.
    public static var text: String {
        let defaults = EmbeddedPack.defaultConfig.map { String(decoding: $0.contents, as: UTF8.self) } ?? ""
        var lines = [
            "# backcheck settings for this repository (backcheck's README, \"Configuration\", explains them).",
            "# Every key below shows its default; uncomment a line to change it. Unknown keys and wrong",
            "# values are errors naming the line.",
            "",
        ]
        for line in defaults.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("# backcheck configuration") || line.hasPrefix("# A repository's") { continue }
            let isComment = line.trimmingCharacters(in: .whitespaces).hasPrefix("#")
            lines.append(line.isEmpty || isComment ? String(line) : "# " + line)
        }
        return lines.joined(separator: "\n").trimmingCharacters(in: .newlines) + "\n"
    }

    /// Writes the starter file into `directory`; refuses to replace an existing file unless
    /// `force`. Returns the path written.
    public static func write(into directory: String, force: Bool) throws(StarterConfigError) -> String {
        let path = (directory as NSString).appendingPathComponent(ConfigLoader.repositoryFileName)
        if !force, FileManager.default.fileExists(atPath: path) { throw .exists(path) }
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw .cannotWrite(path, (error as NSError).localizedDescription)
        }
        return path
    }
}

/// Why `backcheck init` wrote nothing.
public enum StarterConfigError: Error, Sendable, CustomStringConvertible {
    case exists(String)
    case cannotWrite(String, String)

    /// An existing file is the user's to resolve (exit 2); a failed write is environmental (exit 3).
    public var isUsageError: Bool {
        if case .exists = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case .exists(let path): "\(path) already exists; edit it, or pass --force to replace it with the starter file"
        case .cannotWrite(let path, let reason): "cannot write \(path): \(reason); check the directory exists and is writable"
        }
    }
}
