import BackcheckAnalysis
import BackcheckEngine
import BackcheckRules
import BackcheckScan
import Testing

/// The built-in pack: every rule loads, is catalogued properly, and passes its own examples
/// (plus the mutations `RuleExampleRunner` applies).
@Suite struct RulePackTests {
    static let pack: RuleSet = {
        do { return try RuleSet.builtIn() } catch { fatalError("built-in rule pack does not load:\n\(error)") }
    }()

    static var ruleIDs: [String] { pack.rules.map(\.rule.id) }

    @Test func packLoadsAndCoversTheFirstChecklistItems() {
        let items = Set(Self.pack.rules.map(\.rule.checklist))
        #expect(items.contains(.sensitiveData))
        #expect(items.contains(.logging))
    }

    @Test(arguments: ruleIDs)
    func ruleExamples(_ id: String) throws {
        let rule = try #require(Self.pack.rules.first { $0.rule.id == id })
        let failures = RuleExampleCheck.failures(of: rule)
        #expect(failures.isEmpty, "\(failures.map(\.description).joined(separator: "\n"))")
    }

    /// A source whose receiver is a bare metavariable (`$SUPERGLOBAL[...]`, `$REQ->get(...)`)
    /// matches every subscript or call of that shape unless `where:` narrows it:
    /// code-injection-php once took every array read (`$this->hooks[$hook]`) for request input.
    @Test(arguments: ruleIDs)
    func taintSourcesNarrowTheirReceivers(_ id: String) throws {
        let rule = try #require(Self.pack.rules.first { $0.rule.id == id }).rule
        guard case .patterns(let formula) = rule.matcher, let sources = Self.taintSources(formula) else { return }
        for text in sources.flatMap(Self.positivePatterns) {
            let receiver = text.drop { $0 == " " }
            guard receiver.first == "$", receiver.dropFirst().first?.isUppercase == true, let end = receiver.dropFirst().firstIndex(where: { !($0.isUppercase || $0.isNumber || $0 == "_") }),
                  receiver[end] == "[" || receiver[end...].hasPrefix("->") || receiver[end] == "." || receiver[end...].hasPrefix("::") else { continue }
            let name = String(receiver[receiver.index(after: receiver.startIndex)..<end])
            #expect(rule.constraints[name] != nil, "\(id): source `\(text)` takes any `$\(name)`; narrow it in `where:`")
        }
    }

    /// A pattern that opens with `$...X` tries every span from every token to the end of the
    /// file, which spends the work budget before the rule's other formulas run (and a filter
    /// that runs out matches nothing): tls-verification-disabled-php's `$...ENV ? $A : $B`
    /// kept opt-out blocks reported.
    @Test(arguments: ruleIDs)
    func noPatternOpensWithASpanMetavariable(_ id: String) throws {
        let rule = try #require(Self.pack.rules.first { $0.rule.id == id }).rule
        guard case .patterns(let formula) = rule.matcher else { return }
        for (text, line) in formula.patterns {
            #expect(!text.drop { $0 == " " || $0 == "\n" }.hasPrefix("$..."), "\(id):\(line): `\(text)` opens with a span metavariable")
        }
    }

    private static func taintSources(_ formula: Formula) -> [Formula]? {
        switch formula {
        case .taint(let sources, _, _, _): sources
        case .all(let items): items.lazy.compactMap(taintSources).first
        default: nil
        }
    }

    private static func positivePatterns(_ formula: Formula) -> [String] {
        switch formula {
        case .pattern(let text, _): [text]
        case .any(let items), .all(let items): items.flatMap(positivePatterns)
        default: []
        }
    }

    @Test(arguments: ruleIDs)
    func catalogEntry(_ id: String) throws {
        let rule = try #require(Self.pack.rules.first { $0.rule.id == id }).rule
        #expect(rule.file == "Rules/\(id).yml")
        #expect(!rule.help.isEmpty, "\(id) needs a help text saying how to fix it")
        #expect(!rule.cwe.isEmpty, "\(id) needs CWE metadata")
        #expect(rule.examples.bad.count >= 1 && rule.examples.good.count >= 1)
    }
}
