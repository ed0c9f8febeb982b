import ArgumentParser
import BackcheckLexer
import Foundation
import BackcheckModel

/// Prints the tokens of a file or pattern: what rule authors need to see why a pattern does or
/// does not match.
struct TokensCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokens",
        abstract: "Print the tokens backcheck reads from a file (a debugging aid for rule authors).",
        discussion: """
        Examples:
          backcheck tokens app/auth.py
          backcheck tokens --language python --pattern snippet.txt
        """
    )

    @Argument(help: "The file to tokenize.", completion: .file())
    var file: String

    @Option(help: "Language to read it as (default: from the extension).")
    var language: String?

    @Flag(help: "Read the file as a rule pattern ($X metavariables, ... ellipses).")
    var pattern = false

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ValidationError("\(file): cannot read the file")
        }
        let ext = (file as NSString).pathExtension
        guard let language = language.flatMap(Language.init(rawValue:)) ?? Language.forExtension(ext) else {
            throw ValidationError("\(file): unknown language; pass --language (one of \(Language.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let bytes = Array(data)
        let buffer = Lexer.tokenize(bytes, language: language, mode: pattern ? .pattern : .source)
        for (index, token) in buffer.tokens.enumerated() {
            let text = String(decoding: bytes[token.range], as: UTF8.self).replacingOccurrences(of: "\n", with: "\\n")
            let partner = token.hasPartner ? " ↔\(token.partner)" : ""
            print("\(index)\t\(token.line)\t\(token.kind)\t\(text)\(partner)")
        }
    }
}
