import BackcheckLexer
import BackcheckModel

/// A lexed file read the way route extractors need it: names, literal strings, call arguments.
struct SourceTokens {
    let file: LexedFile
    let path: String
    let tokens: [Token]

    init(_ file: LexedFile, path: String) {
        self.file = file
        self.path = path
        tokens = file.buffer.tokens
    }

    var count: Int { tokens.count }

    func isIdentifier(_ index: Int) -> Bool { index >= 0 && index < count && tokens[index].kind == .identifier }

    /// Whether token `index` is the identifier or punctuation `text`.
    func `is`(_ index: Int, _ text: String) -> Bool {
        guard index >= 0, index < count else { return false }
        let kind = tokens[index].kind
        guard kind == .identifier || kind == .punctuation else { return false }
        return file.bytes[tokens[index].range].elementsEqual(text.utf8)
    }

    func text(_ index: Int) -> String {
        guard index >= 0, index < count else { return "" }
        return String(decoding: file.bytes[tokens[index].range], as: UTF8.self)
    }

    /// The index of the bracket closing the group opening at `index`, or nil.
    func close(_ index: Int) -> Int? {
        guard index >= 0, index < count, tokens[index].hasPartner, Int(tokens[index].partner) > index else { return nil }
        return Int(tokens[index].partner)
    }

    /// The index of the bracket opening the group closing at `index`, or nil.
    func open(_ index: Int) -> Int? {
        guard index >= 0, index < count, tokens[index].hasPartner, Int(tokens[index].partner) < index else { return nil }
        return Int(tokens[index].partner)
    }

    /// The literal text of the string starting at `index`: a plain string's content, or an
    /// interpolated one with each interpolation as `{}`; nil when no string starts there.
    func string(_ index: Int) -> String? {
        guard index >= 0, index < count else { return nil }
        let token = tokens[index]
        if token.kind == .string {
            return String(decoding: file.bytes[file.buffer.contentRange(of: index)], as: UTF8.self)
        }
        guard token.kind == .stringStart, let end = close(index) else { return nil }
        var text = ""
        var inner = index + 1
        while inner < end {
            let part = tokens[inner]
            if part.kind == .stringSegment {
                text += String(decoding: file.bytes[part.range], as: UTF8.self)
            } else if part.kind == .interpolationOpen, let partner = close(inner) {
                text += "{}"
                inner = partner
            }
            inner += 1
        }
        return text
    }

    /// The index after the string starting at `index`.
    func afterString(_ index: Int) -> Int {
        tokens[index].kind == .stringStart ? (close(index) ?? index) + 1 : index + 1
    }

    /// The top-level comma-separated arguments of the bracket group opening at `open`.
    func arguments(_ open: Int) -> [Range<Int>] {
        guard let end = close(open) else { return [] }
        var result: [Range<Int>] = []
        var start = open + 1
        var index = open + 1
        while index < end {
            if `is`(index, ",") {
                if index > start { result.append(start..<index) }
                start = index + 1
                index += 1
            } else if let partner = close(index), tokens[index].kind != .blockOpen {
                index = partner + 1
            } else {
                index += 1
            }
        }
        if end > start { result.append(start..<end) }
        return result
    }

    /// The value of the keyword argument `name=` / `name:` among `arguments`.
    func keywordArgument(_ name: String, in arguments: [Range<Int>]) -> Range<Int>? {
        for argument in arguments where argument.count >= 3 && `is`(argument.lowerBound, name)
            && (`is`(argument.lowerBound + 1, "=") || `is`(argument.lowerBound + 1, ":")) {
            return (argument.lowerBound + 2)..<argument.upperBound
        }
        return nil
    }

    /// The string value of `'key' => 'value'` among `arguments` (PHP arrays, Ruby hashes).
    func keywordArrow(_ key: String, in arguments: [Range<Int>]) -> String? {
        for argument in arguments where argument.count >= 3 && string(argument.lowerBound) == key
            && `is`(argument.lowerBound + 1, "=>") {
            return string(argument.lowerBound + 2)
        }
        return nil
    }

    /// The strings of a list or tuple literal at `range` (`["GET", "POST"]`), or of a lone string.
    func strings(in range: Range<Int>) -> [String] {
        guard let first = range.first else { return [] }
        if let value = string(first) { return [value] }
        guard close(first) != nil else { return [] }
        return arguments(first).compactMap { string($0.lowerBound) }
    }

    /// The last name of a dotted expression ending before `end`: `views.article_list` → `article_list`.
    func lastName(in range: Range<Int>) -> String? {
        var index = range.upperBound - 1
        // `ArticleView.as_view()`: the view class, not `as_view`.
        if index > range.lowerBound, `is`(index, ")"), let open = Optional(Int(tokens[index].partner)), open >= range.lowerBound,
           open - 1 >= range.lowerBound, `is`(open - 1, "as_view"), open - 3 >= range.lowerBound {
            index = open - 3
        }
        guard index >= range.lowerBound, isIdentifier(index) else { return nil }
        return text(index)
    }

    func position(_ index: Int) -> SourcePosition {
        file.position(ofByte: Int(tokens[index].start))
    }

    /// This file's path without its extension: the module name mounts use.
    var module: String {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return path }
        return String(path[..<dot])
    }

    /// The root-relative directory of this file ("" at the root).
    var directory: String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// A module path written relative to this file (`./routes/users`, `../api`) as a root-relative
    /// path without extension; nil for package names (`express`).
    func relativeModule(_ written: String) -> String? {
        guard written.hasPrefix("./") || written.hasPrefix("../") else { return nil }
        var parts = directory.isEmpty ? [] : directory.split(separator: "/").map(String.init)
        for part in written.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(String(part))
            }
        }
        var module = parts.joined(separator: "/")
        for suffix in [".js", ".ts", ".mjs", ".cjs", ".jsx", ".tsx"] where module.hasSuffix(suffix) {
            module.removeLast(suffix.count)
        }
        return module
    }
}
