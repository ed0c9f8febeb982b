import BackcheckRules
import Testing
import TestSupport

/// Ruby taint rules take a match against a regex anchored at both ends of the text as a check of
/// the whole value; line anchors, wildcards and top-level alternatives check nothing of the kind.
@Suite struct AnchoredRegexSanitizerTests {
    static let rule: CompiledRule = {
        do {
            guard let rule = try RuleSet.builtIn().rules.first(where: { $0.rule.id == "input-validation/sql-injection-ruby" }) else {
                fatalError("input-validation/sql-injection-ruby is not in the pack")
            }
            return rule
        } catch {
            fatalError("built-in rule pack does not load:\n\(error)")
        }
    }()

    /// A handler matching the request value against `regex` and pasting the first group into SQL.
    static func groupInSQL(_ regex: String) -> String {
        """
        def archive
          days = params[:days].to_s.match(\(regex))
          @posts = Post.where("created_at < now() - interval '#{days[1]}' day")
        end
        """
    }

    /// A handler refusing a request value that does not match `regex`, then pasting it into SQL.
    static func guardedSQL(_ regex: String) -> String {
        """
        def show
          slug = params[:slug].to_s
          return head(:bad_request) unless slug =~ \(regex)
          @page = Page.find_by_sql("SELECT * FROM pages WHERE slug = '#{slug}'")
        end
        """
    }

    @Test(arguments: [
        #"/\A(\d{1,3})\z/"#, #"/\A(\d+)([#{UNIT_LETTERS}])\z/"#, #"/\A(asc|desc)\z/i"#, #"%r{\A([a-z_]{1,30})\z}"#,
        #"/\A([\w-]+)\.json\z/"#,
    ])
    func aRegexAnchoredAtBothEndsChecksTheWholeValue(_ regex: String) {
        #expect(TestSupport.positions(Self.rule, Self.groupInSQL(regex)).isEmpty, "match data of \(regex)")
        #expect(TestSupport.positions(Self.rule, Self.guardedSQL(regex)).isEmpty, "value tested with \(regex)")
    }

    @Test(arguments: [
        // `^`/`$` anchor lines: "1\n' OR 1=1 --" matches.
        #"/^(\d{1,3})$/"#, #"/\A(\d{1,3})$/"#, #"/^(\d{1,3})\z/"#,
        // `\Z` lets a final newline through.
        #"/\A(\d{1,3})\Z/"#,
        // Wildcards let any character through.
        #"/\A(.+)\z/"#, #"/\A([^;]+)\z/"#, #"/\A(\S+)\z/"#,
        // A top-level alternative anchors only one end.
        #"/\A(\d+)|(x)\z/"#,
        // An interpolated variable can hold any pattern.
        #"/\A(#{pattern})\z/"#,
    ])
    func aRegexNotAnchoredAtBothEndsChecksNothing(_ regex: String) {
        #expect(TestSupport.positions(Self.rule, Self.groupInSQL(regex)) == ["3:16"], "match data of \(regex)")
        #expect(TestSupport.positions(Self.rule, Self.guardedSQL(regex)) == ["4:15"], "value tested with \(regex)")
    }
}
