import BackcheckLexer
import BackcheckModel
import Testing
import TestSupport

/// Byte offsets to positions: the one conversion every finding, marker and schema location uses.
struct LineStartsTests {
    private func position(_ text: String, _ offset: Int) -> String {
        let bytes = Array(text.utf8)
        return LineStarts(bytes).position(ofByte: offset, in: bytes).description
    }

    @Test func emptyInputIsOneLine() {
        #expect(LineStarts([]).offsets == [0])
        #expect(LineStarts([]).lineCount == 1)
        #expect(position("", 0) == "1:1")
    }

    @Test func lineBreaksAreLFCRLFAndLoneCR() {
        let lines = LineStarts(Array("a\nb\r\nc\rd".utf8))
        #expect(lines.offsets == [0, 2, 5, 7])
        #expect([0, 1, 2, 3, 4, 5, 7].map(lines.line(ofByte:)) == [1, 1, 2, 2, 2, 3, 4])
        #expect(position("a\nb\r\nc\rd", 3) == "2:2")
        #expect(position("a\nb\r\nc\rd", 7) == "4:1")
    }

    @Test func columnsCountUnicodeScalarsNotBytes() {
        // "é" is 2 bytes, "✓" 3, "𝄞" 4: `x` is the fourth scalar of its line.
        #expect(position("é✓𝄞x", 9) == "1:4")
        #expect(position("// ünïcödé ✓\n  y", 21) == "2:3")
    }

    @Test func offsetsAtAndPastTheEnd() {
        #expect(position("ab", 2) == "1:3")
        #expect(position("ab\n", 3) == "2:1")
        #expect(position("ab", 9) == "1:3")
    }

    @Test func agreesWithCountingByHandAndWithTheLexer() {
        var random = SplitMix64(state: 42)
        let alphabet: [UInt8] = Array("ab \t\n\r".utf8) + [0xC3, 0xA9, 0xE2, 0x9C, 0x93]
        for _ in 0..<200 {
            let bytes = (0..<random.below(80)).map { _ in alphabet[random.below(alphabet.count)] }
            let lines = LineStarts(bytes)
            let file = LexedFile(bytes: bytes, language: .python)
            #expect(file.buffer.lineStarts == lines)
            for offset in 0...bytes.count {
                let expected = Self.counted(bytes, offset)
                #expect(lines.position(ofByte: offset, in: bytes) == expected, "\(bytes) at \(offset)")
                #expect(file.position(ofByte: offset) == expected)
            }
        }
    }

    @Test func positionsOrderByLineThenColumn() {
        let positions = [SourcePosition(line: 2, column: 1), SourcePosition(line: 1, column: 9), SourcePosition(line: 1, column: 2)]
        #expect(positions.sorted().map(\.description) == ["1:2", "1:9", "2:1"])
    }

    /// The position by walking the bytes one at a time.
    private static func counted(_ bytes: [UInt8], _ offset: Int) -> SourcePosition {
        var position = SourcePosition(line: 1, column: 1)
        var index = 0
        while index < min(offset, bytes.count) {
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                if byte == UInt8(ascii: "\r"), index < bytes.count, bytes[index] == UInt8(ascii: "\n") {
                    // An offset between \r and \n is still on the \r's line, one column on.
                    if index == offset { return SourcePosition(line: position.line, column: position.column + 1) }
                    index += 1
                }
                position = SourcePosition(line: position.line + 1, column: 1)
            } else if byte & 0xC0 != 0x80 {
                position.column += 1
            }
        }
        return position
    }
}
