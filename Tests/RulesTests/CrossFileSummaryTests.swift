import BackcheckAnalysis
import BackcheckRules
import Testing
import TestSupport
import BackcheckModel

/// Functions summarized in one file and called from another: a helper that returns none of its
/// arguments' data cleans them at its calls anywhere in the root.
@Suite struct CrossFileSummaryTests {
    static let analyzer: FileAnalyzer = {
        do { return FileAnalyzer(rules: try RuleSet.builtIn(), secretKey: Array(repeating: 5, count: 32)) } catch { fatalError("\(error)") }
    }()
    static let rule = "input-validation/sql-injection-ruby"

    static let checkingHelper = """
        module ReportWindow
          UNITS = { "d" => "day", "w" => "week" }.freeze

          def report_window(text)
            if (found = text.to_s.match(/\\A(\\d{1,3})([dw])\\z/))
              { count: found[1].to_i, unit: UNITS.fetch(found[2]) }
            else
              { count: 30, unit: "day" }
            end
          end
        end
        """
    static let caller = """
        class ReportsController < ApplicationController
          include ReportWindow

          def index
            span = report_window(params[:window])
            @rows = Report.where("created_at > now() - interval '#{span[:count]} #{span[:unit]}'")
          end
        end
        """

    static func summary(_ code: String) -> FileSourceSummary? {
        analyzer.sourceSummary(path: "app/helpers/window.rb", bytes: Array(code.utf8), language: .ruby, role: .source)
    }

    static func findings(in code: String, with files: [FileSourceSummary]) -> [String] {
        var analyzer = Self.analyzer
        analyzer.sourceSummaries = SourceSummaries(files: files)
        return analyzer.analyze(path: "app/controllers/reports_controller.rb", bytes: Array(code.utf8), language: .ruby, role: .source)
            .findings.filter { $0.ruleId == rule }.map { "\($0.line):\($0.column)" }
    }

    @Test func aHelperThatChecksAndRebuildsItsArgumentCleansItsCallsInOtherFiles() throws {
        let helper = try #require(Self.summary(Self.checkingHelper))
        #expect(helper.definedNames.contains("report_window"))
        #expect(helper.dataFree[Self.rule]?.contains("report_window") == true)
        let callerSummary = try #require(Self.summary(Self.caller))
        #expect(Self.findings(in: Self.caller, with: [helper, callerSummary]).isEmpty)
        #expect(Self.findings(in: Self.caller, with: [callerSummary]) == ["6:19"], "without the helper's summary the call is not known")
    }

    @Test func aHelperThatHandsItsArgumentBackKeepsItTainted() throws {
        let passing = Self.checkingHelper.replacingOccurrences(of: "{ count: 30, unit: \"day\" }", with: "{ count: text, unit: \"day\" }")
        let helper = try #require(Self.summary(passing))
        #expect(helper.dataFree[Self.rule] == nil)
        #expect(Self.findings(in: Self.caller, with: [helper]) == ["6:19"])

        let lineAnchored = Self.checkingHelper.replacingOccurrences(of: "/\\A(\\d{1,3})([dw])\\z/", with: "/^(\\d{1,3})([dw])$/")
        let loose = try #require(Self.summary(lineAnchored))
        #expect(loose.dataFree[Self.rule] == nil, "a line-anchored match hands back what it matched")
    }

    @Test func aNameDefinedElsewhereWithoutTheSummaryIsNotImported() throws {
        let helper = try #require(Self.summary(Self.checkingHelper))
        let other = try #require(Self.summary("""
            class Legacy
              def report_window(text)
                text
              end
            end
            """))
        #expect(Self.findings(in: Self.caller, with: [helper, other]) == ["6:19"])
    }
}
