import BackcheckLexer
import BackcheckModel

/// The suppression markers found in one file's comments.
///
/// `backcheck:ignore <rule-id>[, <rule-id>] -- reason` on a line suppresses those rules on that
/// line and the next; `backcheck:ignore-file <rule-id> -- reason` for the whole file. Foreign
/// markers (`nosemgrep`, `nosec`, `NOSONAR`, `gitleaks:allow`) suppress every rule on their line,
/// so teams can migrate without rewriting comments. Other analyzers' markers naming their own rule
/// ids — `# noqa: S324`, `//nolint:gosec`, and C#'s `#pragma warning disable CA5351` up to its
/// `restore` — suppress the rules that list those ids in `foreign-ids`: the author decided on that
/// check already.
struct SuppressionIndex {
    struct Marker {
        var marker: String
        var rules: Set<String>?
        var reason: String
        var line: Int
        /// Set for another analyzer's marker: the ids it names.
        var foreignIds: Set<String>? = nil

        func covers(ruleId: String, foreignIds ruleForeignIds: Set<String>) -> Bool {
            if let foreignIds { return !foreignIds.isDisjoint(with: ruleForeignIds) }
            return rules?.contains(ruleId) ?? true
        }
    }

    /// A `#pragma warning disable` region: the ids it disables and the lines until `restore`.
    private var pragmaRegions: [(ids: Set<String>, lines: ClosedRange<Int>)] = []

    private(set) var lineMarkers: [Int: [Marker]] = [:]
    /// The lines holding markers, in order: a statement may span thousands of lines, each with
    /// findings, so a lookup searches these rather than every line of the statement.
    private var markedLines: [Int] = []
    private(set) var fileMarkers: [Marker] = []
    /// Markers without the required reason: reported, not honoured.
    private(set) var problems: [(line: Int, message: String)] = []

    /// Own markers (not foreign ones), each rule id with its line: what an audit checks for use.
    var ownMarkers: [(line: Int, ruleId: String)] {
        (fileMarkers + lineMarkers.values.flatMap { $0 }).flatMap { marker in
            (marker.rules ?? []).map { (marker.line, $0) }
        }
    }

    private static let foreignMarkers = ["nosemgrep", "nosec", "NOSONAR", "gitleaks:allow"]
    private static let marker = "backcheck:ignore"
    /// What may precede a marker on a comment line: comment syntax and blanks.
    private static let commentSyntax: Set<Character> = ["/", "#", "*", "-", "!", "<", " ", "\t", "\r"]

    init(file: LexedFile) {
        let comments = file.buffer.comments.map { comment in
            (text: String(decoding: file.bytes[comment.range], as: UTF8.self), line: Int(comment.line))
        }
        self.init(comments: comments)
        if file.buffer.language == .csharp { pragmaRegions = Self.pragmaRegions(in: file.bytes) }
    }

    /// The markers of `comments`, each a comment's text (syntax included) and its first line.
    init(comments: [(text: String, line: Int)]) {
        for (text, line) in comments {
            // Own markers must open a comment line (`# backcheck:ignore ...`), so prose that
            // mentions the marker, like this comment, is not one.
            var isOwn = false
            for (offset, commentLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let body = commentLine.drop { Self.commentSyntax.contains($0) }
                if body.hasPrefix(Self.marker) {
                    parseOwn(String(body.dropFirst(Self.marker.count)), line: line + offset)
                    isOwn = true
                }
            }
            if isOwn { continue }
            // A comment spanning lines marks the line it ends on, where code follows.
            let endLine = line + text.reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
            if let foreign = Self.foreignMarkers.first(where: text.contains) {
                lineMarkers[endLine, default: []].append(Marker(marker: foreign, rules: nil, reason: "", line: endLine))
            } else if let (name, ids) = Self.foreignRuleIds(in: text) {
                lineMarkers[endLine, default: []].append(Marker(marker: name, rules: nil, reason: "", line: endLine, foreignIds: ids))
            }
        }
        markedLines = lineMarkers.keys.sorted()
    }

    /// `noqa: S324, B303` (flake8, Ruff) or `nolint:gosec,errcheck` (golangci-lint): the marker
    /// and the ids it names. A bare `noqa`/`nolint` names no check and suppresses nothing here.
    private static func foreignRuleIds(in text: String) -> (String, Set<String>)? {
        for name in ["noqa:", "nolint:"] {
            guard let range = text.range(of: name) else { continue }
            let ids = text[range.upperBound...]
                .prefix { $0.isLetter || $0.isNumber || $0 == "," || $0 == " " || $0 == "-" || $0 == "_" }
                .split(whereSeparator: { $0 == "," || $0 == " " })
                .map(String.init)
            if !ids.isEmpty { return (String(name.dropLast()), Set(ids)) }
        }
        return nil
    }

    /// C# `#pragma warning disable ID[, ID]` … `#pragma warning restore ID` regions (an
    /// unrestored one runs to the end of the file).
    private static func pragmaRegions(in bytes: [UInt8]) -> [(ids: Set<String>, lines: ClosedRange<Int>)] {
        var regions: [(ids: Set<String>, lines: ClosedRange<Int>)] = []
        var open: [String: Int] = [:]
        var line = 1
        var lineStart = 0
        func handle(_ lineBytes: ArraySlice<UInt8>) {
            let text = String(decoding: lineBytes, as: UTF8.self)
            let words = text.split(separator: "//", maxSplits: 1).first.map {
                $0.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," || $0 == "\r" }).map(String.init)
            } ?? []
            guard words.count >= 3, words[0] == "#pragma" || (words[0] == "#" && words.count >= 4 && words[1] == "pragma")
            else { return }
            let rest = words[0] == "#" ? Array(words.dropFirst(2)) : Array(words.dropFirst(1))
            guard rest.first == "warning", rest.count >= 2 else { return }
            let ids = rest.dropFirst(2)
            switch rest[1] {
            case "disable": for id in ids where open[id] == nil { open[id] = line }
            case "restore":
                for id in ids.isEmpty ? Array(open.keys) : Array(ids) {
                    if let start = open.removeValue(forKey: id) { regions.append(([id], start...line)) }
                }
            default: break
            }
        }
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            if bytes[lineStart..<offset].contains(UInt8(ascii: "#")) { handle(bytes[lineStart..<offset]) }
            line += 1
            lineStart = offset + 1
        }
        if lineStart < bytes.count, bytes[lineStart...].contains(UInt8(ascii: "#")) { handle(bytes[lineStart...]) }
        for (id, start) in open { regions.append(([id], start...Int.max)) }
        return regions
    }

    private mutating func parseOwn(_ rest: String, line: Int) {
        var body = Substring(rest)
        var isFile = false
        if body.hasPrefix("-file") {
            isFile = true
            body = body.dropFirst(5)
        }
        let parts = body.components(separatedBy: "--")
        let ids = parts[0].split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" })
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "*/#>")) }
            .filter { !$0.isEmpty }
        guard body.first == nil || body.first == " " || body.first == "\t" || body.first == ":" else { return }
        if let malformed = ids.first(where: { !Self.isRuleId($0) }) {
            problems.append((line, "`\(malformed)` is not a rule id (`checklist/name`, see `backcheck rules list`)"))
            return
        }
        let reason = parts.count > 1
            ? parts.dropFirst().joined(separator: "--").trimmingCharacters(in: CharacterSet(charactersIn: " \t*/#>-").union(.newlines))
            : ""
        let name = isFile ? "backcheck:ignore-file" : "backcheck:ignore"
        guard !ids.isEmpty else {
            problems.append((line, "`\(name)` needs a rule id: `\(name) <rule-id> -- reason`"))
            return
        }
        guard !reason.isEmpty else {
            problems.append((line, "`\(name) \(ids.joined(separator: ", "))` has no reason and is ignored; write `-- why it is safe`"))
            return
        }
        let marker = Marker(marker: name, rules: Set(ids), reason: reason, line: line)
        if isFile { fileMarkers.append(marker) } else { lineMarkers[line, default: []].append(marker) }
    }

    private static func isRuleId(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy { part in
            !part.isEmpty && part.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-" || $0 == "_") }
        }
    }

    /// The marker suppressing `ruleId` (whose other analyzers' ids are `foreignIds`) for a match
    /// spanning `lines`, if any: a marker on any of those lines or on the line above the first, or
    /// a pragma region around the first.
    func suppression(ruleId: String, foreignIds: Set<String> = [], lines: ClosedRange<Int>) -> Suppression? {
        if let marker = fileMarkers.first(where: { $0.rules?.contains(ruleId) ?? true }) {
            return Suppression(marker: marker.marker, reason: marker.reason, line: marker.line)
        }
        if !foreignIds.isEmpty, let region = pragmaRegions.first(where: {
            $0.lines.contains(lines.lowerBound) && !$0.ids.isDisjoint(with: foreignIds)
        }) {
            return Suppression(marker: "#pragma warning disable \(region.ids.sorted().joined(separator: ", "))",
                               reason: "", line: region.lines.lowerBound)
        }
        var low = 0
        var high = markedLines.count
        while low < high {
            let middle = (low + high) / 2
            if markedLines[middle] < lines.lowerBound - 1 { low = middle + 1 } else { high = middle }
        }
        for line in markedLines[low...] {
            guard line <= lines.upperBound else { break }
            if let marker = lineMarkers[line]?.first(where: { $0.covers(ruleId: ruleId, foreignIds: foreignIds) }) {
                return Suppression(marker: marker.marker, reason: marker.reason, line: marker.line)
            }
        }
        return nil
    }
}

import Foundation
