import BackcheckLexer
import BackcheckModel
import Foundation

/// Positions and snippets of one file's findings, at a cost per finding that does not grow with
/// the length of its line: a minified file is one line of a megabyte holding thousands of
/// findings, and counting columns or copying the line for each of them is quadratic.
struct SourceText {
    let file: LexedFile
    /// Unicode scalars before every `checkpointStride`-th byte of the file, counted on the first
    /// position asked for deep into a long line.
    private var checkpoints: [UInt32] = []
    /// Each line's snippet, made once however many findings the line holds.
    private var snippets: [Int: String] = [:]

    /// A column further than this many bytes into its line is counted from a checkpoint.
    private static let checkpointStride = 256
    /// At most this many bytes of a line are decoded for its snippet: more than its 200
    /// characters, unless the line is mostly combining marks.
    private static let snippetBytes = 1024

    init(file: LexedFile) {
        self.file = file
    }

    /// The line and column of a byte offset (columns in Unicode scalars, as `LineStarts` counts them).
    mutating func position(ofByte offset: Int) -> SourcePosition {
        let lineStarts = file.buffer.lineStarts
        let line = lineStarts.line(ofByte: offset)
        let lineStart = lineStarts.start(ofLine: line)
        let end = min(offset, file.bytes.count)
        guard end - lineStart > Self.checkpointStride else { return file.position(ofByte: offset) }
        if checkpoints.isEmpty { checkpoints = Self.checkpoints(file.bytes) }
        return SourcePosition(line: line, column: 1 + scalars(before: end) - scalars(before: lineStart))
    }

    /// The source line, trimmed, at most 200 characters.
    mutating func snippet(ofLine line: Int) -> String {
        if let known = snippets[line] { return known }
        let snippet = makeSnippet(line)
        snippets[line] = snippet
        return snippet
    }

    private func makeSnippet(_ line: Int) -> String {
        let starts = file.buffer.lineStarts
        guard line >= 1, line <= starts.lineCount else { return "" }
        let bytes = file.bytes
        var lower = starts.start(ofLine: line)
        let upper = max(lower, line < starts.lineCount ? starts.start(ofLine: line + 1) : bytes.count)
        // Leading blanks are trimmed anyway; skipping them first keeps an indented line's
        // snippet from being cut short by the byte window.
        while lower < upper, bytes[lower] == UInt8(ascii: " ") || bytes[lower] == UInt8(ascii: "\t") { lower += 1 }
        let text = String(decoding: bytes[lower..<min(upper, lower + Self.snippetBytes)], as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return text.count > 200 ? String(text.prefix(197)) + "..." : text
    }

    private func scalars(before offset: Int) -> Int {
        let checkpoint = offset / Self.checkpointStride
        var count = Int(checkpoints[checkpoint])
        for index in (checkpoint * Self.checkpointStride)..<offset where file.bytes[index] & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// Scalars (bytes that do not continue a UTF-8 sequence) before each stride boundary.
    private static func checkpoints(_ bytes: [UInt8]) -> [UInt32] {
        var checkpoints: [UInt32] = [0]
        checkpoints.reserveCapacity(bytes.count / checkpointStride + 1)
        var count: UInt32 = 0
        bytes.withUnsafeBufferPointer { bytes in
            for index in bytes.indices {
                if bytes[index] & 0xC0 != 0x80 { count += 1 }
                if (index + 1) % checkpointStride == 0 { checkpoints.append(count) }
            }
        }
        return checkpoints
    }
}
