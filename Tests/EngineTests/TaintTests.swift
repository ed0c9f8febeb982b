import Testing
import TestSupport

/// Taint mode: sources reaching sinks within a function, through assignments, without sanitizers.
@Suite struct TaintTests {
    func rule(_ language: String, sources: [String], sinks: [String], sanitizers: [String] = [], guards: [String] = [],
              extra: String = "") throws -> CompiledRuleHolder {
        func list(_ items: [String]) -> String { items.map { "      - '\($0)'" }.joined(separator: "\n") }
        let yaml = """
        id: input-validation/test
        checklist: input-validation
        severity: high
        languages: [\(language)]
        message: m
        taint:
          sources:
        \(list(sources))
          sinks:
        \(list(sinks))
        \(sanitizers.isEmpty ? "" : "  sanitizers:\n" + list(sanitizers))
        \(guards.isEmpty ? "" : "  guards:\n" + list(guards))
        \(extra)
        """
        return CompiledRuleHolder(rule: try TestSupport.rule(yaml))
    }

    struct CompiledRuleHolder {
        let rule: CompiledRule
        func check(_ code: String, _ comment: Comment? = nil) {
            #expect(TestSupport.positions(rule, code) == TestSupport.markers(code), comment)
        }
    }

    @Test func aGuardCleansTheNamesItTestsFromThereOn() throws {
        let r = try rule("ruby", sources: ["params[...]"], sinks: ["redirect_to $SINK"],
                         guards: ["$U.host == $H", "$ALLOWED.include?($X)"])
        r.check("""
        def back
          target = URI.parse(params[:next])
          if target.host == request.host
            redirect_to target.to_s
          end
        end
        """, "the host was compared before the redirect")
        r.check("""
        def back
          kind = params[:kind]
          raise NotFound unless KINDS.include?(kind)
          redirect_to kind
        end
        """, "an allow-list lookup")
        r.check("""
        def back
          target = URI.parse(params[:next])
          other = params[:other]
          if target.host == request.host
            ↓redirect_to other
          end
        end
        """, "a guard cleans only the names it tests")
        r.check("""
        def back
          target = URI.parse(params[:next])
          ↓redirect_to target.to_s
          if target.host == request.host
            log(target)
          end
        end
        """, "a guard after the sink does not clean it")
        r.check("""
        def back
          target = URI.parse(params[:next])
          if target.host == request.host
            target = params[:again]
            ↓redirect_to target
          end
        end
        """, "re-assigning from a source taints the name again")
    }

    @Test func pythonFlowThroughAssignmentsAndInterpolation() throws {
        let r = try rule("python", sources: ["request.args.get(...)", "request.form[...]"],
                         sinks: ["$C.execute($...SINK, ...)"], sanitizers: ["int(...)"])
        r.check("""
        def show():
            name = request.args.get("name")
            query = f"SELECT * FROM users WHERE name = '{name}'"
            ↓cursor.execute(query)
        """)
        r.check("""
        def show():
            ↓cursor.execute("SELECT * FROM t WHERE a = " + request.form["a"])
        """)
        r.check("""
        def show():
            name = request.args.get("name")
            cursor.execute("SELECT * FROM users WHERE name = %s", (name,))
        """, "parameters are not the query")
        r.check("""
        def show():
            user_id = int(request.args.get("id"))
            cursor.execute(f"SELECT * FROM users WHERE id = {user_id}")
        """, "sanitized by int()")
        r.check("""
        def one():
            name = request.args.get("name")
        def two(name):
            cursor.execute("SELECT " + name)
        """, "taint does not cross functions")
        r.check("""
        def show():
            name = request.args.get("name")
            name = "fixed"
            cursor.execute("SELECT " + name)
        """, "reassignment kills taint")
    }

    @Test func aComparisonIsABooleanAndCarriesNoData() throws {
        let r = try rule("javascript", sources: ["req.query"], sinks: ["res.redirect($...SINK)"])
        r.check("""
        app.get('/go', (req, res) => {
          const client = req.query.client === "desktop" ? "desktop" : "web";
          res.redirect(`/login?client=${client}`.replace("/", base));
        });
        """, "the ternary picks one of two constants")
        r.check("""
        app.get('/go', (req, res) => {
          const wantsJson = "json" == req.query.format;
          res.redirect(base + wantsJson);
        });
        """, "a comparison with the source on the right")
        r.check("""
        app.get('/go', (req, res) => {
          const target = req.query.mode === "a" ? req.query.next : "/home";
          ↓res.redirect(target);
        });
        """, "a branch of the ternary is still the source")
        r.check("""
        app.get('/go', (req, res) => {
          const next = req.query.next;
          const same = next === current;
          ↓res.redirect(next);
        });
        """, "comparing a name does not clean it")
    }

    @Test func javascriptArrowHandlersAndDestructuring() throws {
        let r = try rule("javascript", sources: ["req.body", "req.query.$F", "req.params.$F"],
                         sinks: ["$DB.query($...SINK, ...)"])
        r.check("""
        app.post('/u', async (req, res) => {
          const { id } = req.body;
          const sql = `SELECT * FROM users WHERE id = ${id}`;
          await ↓db.query(sql);
        });
        """)
        r.check("""
        app.get('/u', (req, res) => {
          if (req.query.id) {
            ↓db.query('SELECT * FROM users WHERE id = ' + req.query.id);
          }
        });
        """)
        r.check("""
        app.get('/u', (req, res) => {
          db.query('SELECT * FROM users WHERE id = $1', [req.params.id]);
        });
        """)
    }

    @Test func parametersDeclaredAsSources() throws {
        let r = try rule("java", sources: ["@RequestParam $T $PARAM"], sinks: ["$S.executeQuery($...SINK)"])
        r.check("""
        class C {
            public List<User> find(@RequestParam String name) {
                String sql = "SELECT * FROM users WHERE name = '" + name + "'";
                return ↓stmt.executeQuery(sql);
            }
            public List<User> other(String name) {
                return stmt.executeQuery("SELECT * FROM users WHERE name = '" + name + "'");
            }
        }
        """)
    }

    @Test func rubyDefEndScopes() throws {
        let r = try rule("ruby", sources: ["params[...]"], sinks: ["$M.where($...SINK)"])
        r.check("""
        class UsersController
          def index
            q = params[:q]
            @users = ↓User.where("name = '#{q}'")
          end

          def show
            @user = User.where("id = #{id}")
          end
        end
        """)
    }
}

import BackcheckRules
