import BackcheckModel
import BackcheckRules
import Testing
import TestSupport

/// The audit tier of taint rules: a sink whose text is built from a parameter of a function
/// callable from outside, reported medium with `tier: audit`; a value passed alone, a member of an
/// object, a helper's result, a tested value and (with `before`) a name's place stay silent.
@Suite struct AuditTierTests {
    func rule(_ language: String, sinks: [String], before: String? = nil, guards: [String] = []) throws -> CompiledRule {
        let beforeLine = before.map { "\n  before: '\($0)'" } ?? ""
        let guardLines = guards.isEmpty ? "" : "\n  guards:\n" + guards.map { "    - '\($0)'" }.joined(separator: "\n")
        return try TestSupport.rule("""
        id: input-validation/test
        checklist: input-validation
        severity: critical
        confidence: high
        languages: [\(language)]
        message: confirmed
        taint:
          sources:
            - request.args.get(...)
          sinks:
        \(sinks.map { "    - '\($0)'" }.joined(separator: "\n"))\(guardLines)
        audit:
          message: "built from $VALUE"\(beforeLine)
        """)
    }

    /// `line:column tier message` of each finding, with markers removed.
    func report(_ rule: CompiledRule, _ code: String, language: Language? = nil) -> [String] {
        TestSupport.findings(rule, code, language: language).map {
            "\($0.start) \($0.properties["tier"] ?? "-") \($0.severity.rawValue) \($0.confidence.rawValue) \($0.message)"
        }
    }

    @Test func textBuiltFromAParameterIsReportedInTheAuditTierAtMedium() throws {
        let r = try rule("python", sinks: ["$C.execute($...SINK, ...)"])
        #expect(report(r, """
        def find(cursor, email):
            cursor.execute("SELECT * FROM users WHERE email = '" + email + "'")
        """) == ["2:5 audit medium medium built from email"])
        #expect(report(r, """
        def find(cursor):
            cursor.execute("SELECT * FROM users WHERE email = '" + request.args.get("e") + "'")
        """) == ["2:5 confirmed critical high confirmed"], "request input keeps the confirmed tier")
    }

    @Test func interpolationFormatCallsBuildersAndLocalsAllBuildText() throws {
        let python = try rule("python", sinks: ["$C.execute($...SINK, ...)"])
        #expect(report(python, "def f(c, name):\n    c.execute(f\"DELETE FROM t WHERE n = '{name}'\")").count == 1)
        #expect(report(python, "def f(c, name):\n    c.execute(\"DELETE FROM t WHERE n = '%s'\" % name)").count == 1)
        #expect(report(python, "def f(c, a, b):\n    c.execute(\"DELETE FROM t WHERE a = %s AND b = '%s'\" % (a, b))").count == 1)
        #expect(report(python, "def f(c, name):\n    sql = \"DELETE FROM t WHERE n = '{}'\".format(name)\n    c.execute(sql)").count == 1)
        let java = try rule("java", sinks: ["$S.executeQuery($...SINK)"])
        #expect(report(java, """
        class R {
            ResultSet f(Statement s, String from) {
                StringBuilder sql = new StringBuilder("SELECT * FROM t");
                sql.append(" WHERE d > '").append(from).append("'");
                return s.executeQuery(sql.toString());
            }
        }
        """).count == 1, "a builder that appended the parameter")
        #expect(report(java, "class R { ResultSet f(Statement s, String n) { return s.executeQuery(String.format(\"SELECT * FROM t WHERE n = '%s'\", n)); } }").count == 1)
    }

    @Test func aValuePassedAloneOrNotTextStaysSilent() throws {
        let java = try rule("java", sinks: ["$S.executeQuery($...SINK)"])
        #expect(report(java, "class R { ResultSet f(Statement s, String sql) { return s.executeQuery(sql); } }").isEmpty,
                "a bare parameter: the caller built it")
        #expect(report(java, "class R { ResultSet f(Statement s, int id) { return s.executeQuery(\"SELECT * FROM t WHERE id = \" + id); } }").isEmpty,
                "a number-typed parameter")
        #expect(report(java, "class R { ResultSet f(Statement s, Order o) { return s.executeQuery(\"SELECT * FROM t WHERE id = '\" + o.id + \"'\"); } }").isEmpty,
                "a member of an object parameter")
        #expect(report(java, "class R { ResultSet f(Statement s, String n) { String q = quote(n); return s.executeQuery(\"SELECT * FROM t WHERE n = \" + q); } }").isEmpty,
                "the result of a call that takes the parameter")
        #expect(report(java, "class R { private ResultSet f(Statement s, String n) { return s.executeQuery(\"SELECT * FROM t WHERE n = '\" + n + \"'\"); } }").isEmpty,
                "a private method: its callers are in the file")
        let python = try rule("python", sinks: ["$C.execute($...SINK, ...)"])
        #expect(report(python, "def f(c, ids):\n    marks = \",\".join([\"?\"] * len(ids))\n    c.execute(f\"SELECT * FROM t WHERE id IN ({marks})\", ids)").isEmpty,
                "only the parameter's size is built in")
        #expect(report(python, "def _f(c, n):\n    c.execute(f\"SELECT * FROM t WHERE n = '{n}'\")").isEmpty, "a _private function")
        #expect(report(python, "@app.get(\"/items/<int:item_id>\")\ndef item(c, item_id):\n    c.execute(f\"SELECT * FROM t WHERE id = {item_id}\")").isEmpty,
                "a route parameter the framework converts to a number")
        #expect(report(python, "def f(c, n):\n    if n not in ALLOWED:\n        raise ValueError(n)\n    c.execute(f\"SELECT * FROM {n}\")").isEmpty,
                "checked against an allow-list")
        let go = try rule("go", sinks: ["$DB.Query($...SINK, ...)"])
        #expect(report(go, "func find(db *sql.DB, n string) {\n\tdb.Query(\"SELECT * FROM t WHERE n = '\" + n + \"'\")\n}").isEmpty, "an unexported Go function")
        #expect(report(go, "func Find(db *sql.DB, n string) {\n\tdb.Query(\"SELECT * FROM t WHERE n = '\" + n + \"'\")\n}").count == 1)
        let script = try rule("javascript", sinks: ["$DB.query($...SINK, ...)"])
        #expect(report(script, "export function outer(db) {\n  function inner(n) { return db.query(`SELECT * FROM t WHERE n = '${n}'`); }\n  return inner('x');\n}").isEmpty,
                "a function declared inside another is called only there")
        #expect(report(script, "export function f(db, env, n) {\n  const table = env[`${n}_TABLE`];\n  return db.query(table);\n}").isEmpty,
                "a key built for a lookup is not the value looked up")
    }

    @Test func beforeKeepsOnlyTheValuesInTheirPlace() throws {
        let r = try rule("python", sinks: ["$C.execute($...SINK, ...)"], before: "(?:=\\s*|\u{27}\u{27})$")
        #expect(report(r, "def f(c, table):\n    c.execute(\"SELECT COUNT(*) FROM \" + table)").isEmpty, "a table name's place")
        #expect(report(r, "def f(c, table, cols):\n    c.execute(\"CREATE TABLE {t} ({c})\".format(t=table, c=cols))").isEmpty)
        #expect(report(r, "def f(c, name):\n    c.execute(\"SELECT * FROM t WHERE n = \" + name)").count == 1)
        #expect(report(r, "def f(c, table, name):\n    c.execute(\"SELECT * FROM {t} WHERE n = {n}\".format(t=table, n=name))").count == 1,
                "the keyword placeholder in a value's place")
        #expect(report(r, "def f(c, table, name):\n    c.execute(\"SELECT * FROM %s WHERE n = '%s'\" % (table, name))").count == 1)
    }

    @Test func theTierCanBeTurnedOffAndARuleWithoutAuditHasNone() throws {
        let r = try rule("python", sinks: ["$C.execute($...SINK, ...)"])
        let code = "def f(c, n):\n    c.execute(\"DELETE FROM t WHERE n = '\" + n + \"'\")"
        let off = RuleSet(rules: [r]).configured(disabled: [], severities: [:], auditTier: false)
        #expect(off.rules[0].rule.auditMessage == nil)
        #expect(TestSupport.findings(off.rules[0], code).isEmpty)
        #expect(TestSupport.findings(r, code).count == 1)
        #expect(throws: RuleError.self, "audit belongs to taint rules") {
            try TestSupport.rule("""
            id: input-validation/plain
            checklist: input-validation
            severity: low
            languages: [python]
            message: m
            pattern: eval($X)
            audit:
              message: m
            """)
        }
    }
}
