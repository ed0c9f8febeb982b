/// A rule example that is a small project: files headed by `=== path` lines, for rules whose
/// findings come from several files at once (a route in code against an OpenAPI document).
/// Lines before the first header may only be blank or comments; anything else (the example
/// commented out, or wrapped in a string) makes the example no project at all, with no files.
struct ExampleProject {
    struct File {
        var path: String
        var text: String
        /// The example's line of the file's line 1, less one.
        var lineOffset: Int
    }

    var files: [File] = []

    init(_ text: String) {
        var current: (path: String, lines: [Substring], offset: Int)?
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("=== "), !line.dropFirst(4).contains(" ") {
                if let open = current { files.append(File(path: open.path, text: open.lines.joined(separator: "\n"), lineOffset: open.offset)) }
                current = (String(line.dropFirst(4)), [], index + 1)
            } else if current != nil {
                current?.lines.append(line)
            } else {
                let trimmed = line.drop { $0 == " " || $0 == "\t" }
                guard trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed.hasPrefix("//") else {
                    files = []
                    return
                }
            }
        }
        if let open = current { files.append(File(path: open.path, text: open.lines.joined(separator: "\n"), lineOffset: open.offset)) }
    }

    /// The text of the file at `path` (for references between files).
    func text(of path: String) -> String? {
        files.first { $0.path == path }?.text
    }
}
