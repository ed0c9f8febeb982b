import BackcheckModel
import Foundation

/// The values a parametrized test runs with: xUnit `[InlineData("Users/{0}")]`, MSTest
/// `[DataRow(…)]`, NUnit `[TestCase(…)]`, JUnit `@ValueSource(strings = {…})` and
/// `@CsvSource({…})`, pytest `@pytest.mark.parametrize("url", […])`, Jest `it.each([…])`. A test
/// that requests a path it takes as a parameter (`client.GetAsync(string.Format(format, id))`)
/// requests each of those that is a path.
struct TestData {
    /// The strings of the data rows, each comma-separated field of a CSV row on its own.
    var values: [String] = []
    /// The names of the test function's parameters (types included: they only narrow which
    /// arguments the values may have reached).
    var parameters: Set<String> = []

    static let rowAttributes: Set<String> = ["InlineData", "DataRow", "TestCase", "ValueSource", "CsvSource", "parametrize", "each"]

    /// The data values of the declarations in `region` (attributes, annotations, decorators, the
    /// `each` call) for a function whose parameter list opens at `parameters`.
    static func read(_ source: SourceTokens, region: Range<Int>, parameters open: Int?) -> TestData {
        var data = TestData()
        var index = region.lowerBound
        while index < region.upperBound {
            WorkMeter.tick()
            if source.isIdentifier(index), rowAttributes.contains(source.text(index)), source.is(index + 1, "("),
               let close = source.close(index + 1) {
                var arguments = source.arguments(index + 1)
                // `parametrize("url", [...])`: the first argument names the parameters.
                if source.text(index) == "parametrize" { arguments = Array(arguments.dropFirst()) }
                for argument in arguments { data.values += strings(in: argument, source) }
                index = close
            }
            index += 1
        }
        if let open, let close = source.close(open) {
            for inner in (open + 1)..<close where source.isIdentifier(inner) { data.parameters.insert(source.text(inner)) }
        }
        return data
    }

    /// Every string literal in `range`, CSV rows split into fields.
    private static func strings(in range: Range<Int>, _ source: SourceTokens) -> [String] {
        var found: [String] = []
        var index = range.lowerBound
        while index < range.upperBound {
            if let text = source.string(index) {
                found += text.split(separator: ",").map { String($0.trimmingCharacters(in: .whitespaces)) }
                index = source.afterString(index)
            } else {
                index += 1
            }
        }
        return found
    }

    /// The request paths among the values, `{0}`-style format placeholders as `{}`.
    var paths: [String] {
        values.compactMap { value in
            guard value.contains("/") else { return nil }
            return TestBodyReader.requestPath(Self.placeholdersAsParameters(value))
        }
    }

    private static func placeholdersAsParameters(_ value: String) -> String {
        var result = ""
        var placeholder: String?
        for character in value {
            if character == "{" {
                placeholder = ""
            } else if character == "}", let inner = placeholder {
                result += inner.allSatisfy(\.isNumber) ? "{}" : "{" + inner + "}"
                placeholder = nil
            } else if placeholder != nil {
                placeholder! += String(character)
            } else {
                result.append(character)
            }
        }
        return result + (placeholder.map { "{" + $0 } ?? "")
    }
}
