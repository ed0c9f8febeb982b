import BackcheckModel
import BackcheckYAML
import Yams

/// The YAML (or JSON) trees of a document and the files its `$ref`s name, with references
/// followed: a local pointer (`#/components/parameters/Id`, `~0`/`~1` escapes), another file
/// (`./paths/users.yaml`), or a pointer into another file. Cycles and missing targets end the
/// chain; each unresolved reference is a problem at the line that wrote it.
struct DocumentNodes {
    /// A node and the root-relative file it is in.
    struct Located {
        var node: Node
        var file: String
    }

    private var trees: [String: Node?] = [:]
    private let load: (String) -> String?
    private(set) var problems: [OpenAPIProblem] = []
    private(set) var referencedFiles: [String] = []
    private var reported = Set<String>()

    init(root: Node, path: String, load: @escaping (String) -> String?) {
        trees[path] = root
        self.load = load
    }

    /// `located` with `$ref`s followed (at most 16 in a chain).
    mutating func resolve(_ located: Located) -> Located? {
        var current = located
        for _ in 0..<16 {
            guard let reference = current.node.mapping?["$ref"], let text = reference.string else { return current }
            // A reference to another server is not ours to fetch (backcheck reads no network).
            if text.hasPrefix("http://") || text.hasPrefix("https://") { return nil }
            guard let target = follow(text, from: current.file) else {
                report(reference, text, in: current.file)
                return nil
            }
            current = target
        }
        return nil
    }

    /// Reports every `$ref` of the document and the files it references that points at
    /// nothing, also those no operation reads (schemas, examples).
    mutating func checkReferences() {
        var checked = Set<String>()
        var pending = Array(trees.keys)
        while let file = pending.popLast() {
            guard checked.insert(file).inserted, let tree = trees[file] ?? nil else { continue }
            var stack = [tree]
            while let node = stack.popLast() {
                if let mapping = node.mapping {
                    if let reference = mapping["$ref"], let text = reference.string, !text.hasPrefix("http://"),
                       !text.hasPrefix("https://"), follow(text, from: file) == nil {
                        report(reference, text, in: file)
                    }
                    stack.append(contentsOf: mapping.values)
                } else if let sequence = node.sequence {
                    stack.append(contentsOf: sequence)
                }
            }
            pending += trees.keys.filter { !checked.contains($0) }
        }
    }

    /// One problem per written reference, however often it is followed.
    private mutating func report(_ reference: Node, _ text: String, in file: String) {
        let line = reference.mark?.line ?? 1
        let column = reference.mark?.column ?? 1
        guard reported.insert("\(file):\(line):\(column)").inserted else { return }
        problems.append(OpenAPIProblem(kind: .unresolvedReference, path: file, line: line, column: column,
                                       message: "`$ref: \(text)` points at nothing"))
    }

    private mutating func follow(_ reference: String, from file: String) -> Located? {
        let parts = reference.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let filePart = parts.first.map(String.init) ?? ""
        let pointer = parts.count > 1 ? String(parts[1]) : ""
        let target = filePart.isEmpty ? file : Self.join(directory(of: file), filePart)
        guard let target, let tree = tree(target) else { return nil }
        var node = tree
        for token in pointer.split(separator: "/") {
            let key = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            if let child = node.mapping?[key] {
                node = child
            } else if let index = Int(key), let sequence = node.sequence, index >= 0, index < sequence.count {
                node = sequence[index]
            } else {
                return nil
            }
        }
        return Located(node: node, file: target)
    }

    /// Files one document may reach through `$ref`s. A relative reference read again from the
    /// file it leads to names a deeper path each time (`a/x.yaml` → `a/a/x.yaml` …); where every
    /// such file exists (a generated tree, a loader that answers every path) the chain would
    /// never end.
    static let maxFiles = 256

    private mutating func tree(_ path: String) -> Node? {
        if let known = trees[path] { return known }
        guard trees.count < Self.maxFiles else { return nil }
        let parsed = load(path).flatMap { text in try? YAMLDocument.compose(text, file: path, detail: .problem) }
        trees[path] = parsed
        if parsed != nil { referencedFiles.append(path) }
        return parsed
    }

    private func directory(of file: String) -> String {
        file.lastIndex(of: "/").map { String(file[..<$0]) } ?? ""
    }

    /// `directory/relative` normalised; nil when it leaves the root.
    static func join(_ directory: String, _ relative: String) -> String? {
        var parts = relative.hasPrefix("/") ? [] : directory.split(separator: "/").map(String.init)
        for part in relative.split(separator: "/") {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }
}
