import BackcheckYAML
import Testing
import Yams

/// The pieces rule and configuration files share: composing text, reading nodes, the error's form.
@Suite struct YAMLReadingTests {
    let reader = NodeReader(file: "a.yml")

    func map(_ yaml: String) throws -> Node.Mapping {
        try #require(try YAMLDocument.compose(yaml, file: "a.yml", detail: .problem)?.mapping)
    }

    @Test func anEmptyDocumentHasNoRoot() throws {
        #expect(try YAMLDocument.compose("", file: "a.yml", detail: .problem) == nil)
    }

    @Test(arguments: [YAMLDocument.Detail.problem, .report])
    func aSyntaxErrorNamesItsLine(detail: YAMLDocument.Detail) throws {
        let error = try #require(throws: YAMLFileError.self) {
            try YAMLDocument.compose("a: 1\nb: [c\n", file: "a.yml", detail: detail)
        }
        #expect(error.file == "a.yml")
        #expect(error.line != nil)
        #expect(error.message.hasPrefix("invalid YAML: "))
        // Only the whole report quotes the offending line, on a line of its own.
        #expect(error.message.contains("\n") == (detail == .report), "\(error.message)")
    }

    @Test func errorsPrintTheFileAndLine() {
        #expect(YAMLFileError(file: "a.yml", line: 3, message: "bad").description == "a.yml:3: bad")
        #expect(YAMLFileError(file: "a.yml", line: nil, message: "bad").description == "a.yml: bad")
    }

    @Test func aKeyTakesOneStringOrAList() throws {
        let map = try map("one: x\nmany: [x, y]\n")
        #expect(try reader.stringList(map, "one") == ["x"])
        #expect(try reader.stringList(map, "many") == ["x", "y"])
        #expect(try reader.stringList(map, "none") == [])
    }

    @Test func aNodeListRefusesAScalar() throws {
        let map = try map("one: x\n")
        #expect(throws: YAMLFileError(file: "a.yml", line: 1, message: "`one` must be a list of strings")) {
            try reader.stringList(of: try #require(map["one"]), key: "one")
        }
    }

    @Test func aMissingRequiredKeyIsNamed() throws {
        let map = try map("a: 1\n")
        #expect(throws: YAMLFileError(file: "a.yml", line: 1, message: "missing required key `id`")) {
            try reader.string(map, "id")
        }
    }

    enum Colour: String, CaseIterable { case red, green }

    @Test func anEnumValueListsTheAllowedOnes() throws {
        let map = try map("a: 1\ncolour: blue\n")
        #expect(throws: YAMLFileError(file: "a.yml", line: 2, message: "`colour` must be one of red, green, not `blue`")) {
            let _: Colour = try reader.enumValue(map, "colour")
        }
    }
}
