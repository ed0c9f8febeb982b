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

    @Test func aKeywordArgumentsNameIsNoUseOfTheVariable() throws {
        let r = try rule("python", sources: ["request.GET.get(...)"], sinks: ["mark_safe($SINK)"], sanitizers: ["escape(...)"])
        r.check("""
        def view(request):
            device = request.GET.get("device")
            return mark_safe("<b>{device}</b>".format(device=escape(device)))
        """, "the name before `=` is the parameter's")
        r.check("""
        def view(request):
            device = request.GET.get("device")
            return ↓mark_safe("<b>{device}</b>".format(device=device))
        """, "the value after `=` is the variable")
        let csharp = try rule("csharp", sources: ["Request.Query[...]"], sinks: ["Html.Raw($SINK)"], sanitizers: ["Encode(...)"])
        csharp.check("""
        public IActionResult Show() {
            var name = Request.Query["name"];
            return View(Html.Raw(Format(name: Encode(name))));
        }
        """, "a C# named argument's label is the parameter's")
        csharp.check("""
        public IActionResult Show() {
            var name = Request.Query["name"];
            return View(↓Html.Raw(Format(name: name)));
        }
        """)
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

    @Test func aSameFileFunctionReturningNoArgumentDataIsClean() throws {
        let js = try rule("typescript", sources: ["ctx.query"], sinks: ["ctx.redirect($...SINK)"])
        js.check("""
        export const loginPath = (client: string | undefined): string => {
          const kind = client === "desktop" ? "desktop" : "web";
          return `/?method=passkey&client=${kind}`;
        };
        router.get("passkey", (ctx) => {
          ctx.redirect(loginPath(ctx.query.client));
        });
        """, "the helper compares its argument and returns one of two fixed paths")
        js.check("""
        function passThrough(target) {
          const trimmed = target.trim();
          return trimmed;
        }
        router.get("out", (ctx) => {
          ↓ctx.redirect(passThrough(ctx.query.next));
        });
        """, "the helper returns its argument")
        js.check("""
        function pick(target) {
          if (!target) { return "/"; }
          return target;
        }
        router.get("out", (ctx) => {
          ↓ctx.redirect(pick(ctx.query.next));
        });
        """, "one return of several hands the argument back")
        js.check("""
        function log(target) {
          console.log(target);
        }
        router.get("out", (ctx) => {
          ↓ctx.redirect(log(ctx.query.next) || ctx.query.next);
        });
        """, "a function without a return value says nothing; the source beside it still counts")
        js.check("""
        function home(target) { return "/home"; }
        router.get("out", (ctx) => {
          ↓ctx.redirect(other.home(ctx.query.next));
        });
        """, "a method of another object is not the file's function")

        let python = try rule("python", sources: ["request.args"], sinks: ["redirect($...SINK)"])
        python.check("""
        def landing(kind):
            if kind == "admin":
                return url_for("admin.index")
            return url_for("index")

        @app.route("/go")
        def go():
            return redirect(landing(request.args.get("kind")))
        """, "both returns are fixed routes")
        python.check("""
        def targets(url):
            yield url

        @app.route("/go")
        def go():
            return ↓redirect(targets(request.args.get("next")))
        """, "a generator yields its argument")

        let go = try rule("go", sources: ["r.URL.Query()"], sinks: ["http.Redirect($W, $R, $...SINK, ...)"])
        go.check("""
        func landing(kind string) (string, error) {
        	if kind == "admin" {
        		return "/admin", nil
        	}
        	return "/", nil
        }
        func handle(w http.ResponseWriter, r *http.Request) {
        	target, _ := landing(r.URL.Query().Get("kind"))
        	http.Redirect(w, r, target, 302)
        }
        """, "Go result lists after the parameters")

        let java = try rule("java", sources: ["request.getParameter(...)"], sinks: ["$S.executeQuery($...SINK)"])
        java.check("""
        public class Search {
            void find(HttpServletRequest request) throws Exception {
                String order = new Ordering().column(request.getParameter("sort"));
                statement.executeQuery("SELECT a FROM t ORDER BY " + order);
                String raw = new Ordering().echo(request.getParameter("sort"));
                ↓statement.executeQuery("SELECT a FROM t ORDER BY " + raw);
            }
            private class Ordering {
                String column(String requested) {
                    List<String> columns = new ArrayList<>();
                    columns.add(requested);
                    columns.add("name");
                    return columns.get(1);
                }
                String echo(String requested) { return requested; }
            }
        }
        """, "a fresh instance of a class of the file: its method's summary")

        let php = try rule("php", sources: ["$_GET[...]"], sinks: ["header($...SINK)"])
        php.check("""
        <?php
        class Back {
            private function location($kind) {
                return $kind === "admin" ? "Location: /admin" : "Location: /";
            }
            public function go() {
                header($this->location($_GET["kind"]));
            }
            public function raw() {
                ↓header("Location: " . $_GET["next"]);
            }
        }
        """, "$this-> calls reach the class's own method")
    }

    @Test func branchesThatConstantConditionsRuleOutCarryNothing() throws {
        let java = try rule("java", sources: ["request.getParameter(...)"], sinks: ["$S.executeQuery($...SINK)"])
        java.check("""
        void doPost(HttpServletRequest request) throws Exception {
            String param = request.getParameter("q");
            String value;
            int limit = 86;
            if ((7 * 42) - limit > 200) value = "fixed";
            else value = param;
            statement.executeQuery("SELECT a FROM t WHERE b = '" + value + "'");
        }
        """, "the else branch never runs")
        java.check("""
        void doPost(HttpServletRequest request) throws Exception {
            String param = request.getParameter("q");
            int limit = 106;
            String value = (7 * 42) - limit > 200 ? "fixed" : param;
            ↓statement.executeQuery("SELECT a FROM t WHERE b = '" + value + "'");
        }
        """, "the test is false: the ternary picks the parameter")
        java.check("""
        void doPost(HttpServletRequest request) throws Exception {
            String param = request.getParameter("q");
            int limit = 86;
            String value = (7 * 42) - limit > 200 ? "fixed" : param;
            statement.executeQuery("SELECT a FROM t WHERE b = '" + value + "'");
        }
        """, "the test is true: the ternary picks the constant")
        java.check("""
        void doPost(HttpServletRequest request) throws Exception {
            String param = request.getParameter("q");
            String value;
            String options = "ABC";
            char choice = options.charAt(1);
            switch (choice) {
                case 'A':
                    value = param;
                    break;
                case 'B':
                    value = "fixed";
                    break;
                default:
                    value = param;
            }
            statement.executeQuery("SELECT a FROM t WHERE b = '" + value + "'");
        }
        """, "the selector is 'B'")
        java.check("""
        void doPost(HttpServletRequest request) throws Exception {
            String param = request.getParameter("q");
            String value;
            String options = "ABC";
            char choice = options.charAt(0);
            switch (choice) {
                case 'B':
                case 'A':
                    value = param;
                    break;
                default:
                    value = "fixed";
            }
            ↓statement.executeQuery("SELECT a FROM t WHERE b = '" + value + "'");
        }
        """, "the selector is 'A': the label's section runs")
        java.check("""
        void doPost(HttpServletRequest request, int limit) throws Exception {
            String param = request.getParameter("q");
            String value;
            if (limit > 200) value = "fixed";
            else value = param;
            ↓statement.executeQuery("SELECT a FROM t WHERE b = '" + value + "'");
        }
        """, "a parameter is not a constant")
        java.check("""
        void doPost(HttpServletRequest request) throws Exception {
            String param = request.getParameter("q");
            String value;
            int limit = 86;
            limit += request.getContentLength();
            if ((7 * 42) - limit > 200) value = "fixed";
            else value = param;
            ↓statement.executeQuery("SELECT a FROM t WHERE b = '" + value + "'");
        }
        """, "a name changed after its declaration is not a constant")

        let python = try rule("python", sources: ["request.args"], sinks: ["cursor.execute($...SINK)"])
        python.check("""
        def search():
            term = request.args.get("q")
            DEBUG_QUERIES = False
            if DEBUG_QUERIES:
                cursor.execute("SELECT a FROM t WHERE b = '%s'" % term)
            else:
                ↓cursor.execute("SELECT a FROM t WHERE b = '" + term + "'")
        """, "a constant flag: only the live branch reports")
    }

    @Test func buildersAndCollectionsCarryWhatIsStoredInThem() throws {
        let java = try rule("java", sources: ["request.getParameter(...)"], sinks: ["$S.executeQuery($...SINK)"])
        java.check("""
        void find(HttpServletRequest request) throws Exception {
            StringBuilder sql = new StringBuilder("SELECT a FROM t WHERE b = '");
            sql.append(request.getParameter("q")).append("'");
            ↓statement.executeQuery(sql.toString());
        }
        """, "a builder holds what was appended")
        java.check("""
        void find(HttpServletRequest request) throws Exception {
            String name = request.getParameter("q");
            List<String> names = new ArrayList<>();
            names.add("fixed");
            names.add(name);
            ↓statement.executeQuery("SELECT a FROM t WHERE b = '" + names.get(1) + "'");
        }
        """, "an element read in an expression: the list as a whole is tainted")
        java.check("""
        void find(HttpServletRequest request) throws Exception {
            String name = request.getParameter("q");
            List<String> names = new ArrayList<>();
            names.add("fixed");
            names.add(name);
            names.add("other");
            names.remove(0);
            String value = names.get(1);
            statement.executeQuery("SELECT a FROM t WHERE b = '" + value + "'");
        }
        """, "after remove(0) the element at 1 is the last constant")
        java.check("""
        void find(HttpServletRequest request) throws Exception {
            String name = request.getParameter("q");
            List<String> names = new ArrayList<>();
            names.add("fixed");
            names.add(name);
            names.remove(0);
            String value = names.get(0);
            ↓statement.executeQuery("SELECT a FROM t WHERE b = '" + value + "'");
        }
        """, "after remove(0) the element at 0 is the parameter")
        java.check("""
        void find(HttpServletRequest request) throws Exception {
            Map<String, Object> values = new HashMap<String, Object>();
            values.put("label", "fixed");
            values.put("name", request.getParameter("q"));
            String label = (String) values.get("label");
            statement.executeQuery("SELECT a FROM t WHERE b = '" + label + "'");
            String name = (String) values.get("name");
            ↓statement.executeQuery("SELECT a FROM t WHERE b = '" + name + "'");
        }
        """, "a map's values by constant key")
        java.check("""
        void find(HttpServletRequest request, List<String> names) throws Exception {
            names.add(request.getParameter("q"));
            String value = names.get(0);
            ↓statement.executeQuery("SELECT a FROM t WHERE b = '" + value + "'");
        }
        """, "a list not created here is tainted as a whole")

        let ruby = try rule("ruby", sources: ["params[...]"], sinks: ["redirect_to $SINK"])
        ruby.check("""
        def update
          @post = Post.find(1)
          @post.set(:title, params[:title])
          redirect_to @post
        end
        """, "set on a model does not make the model request input")
    }

    @Test func aDefaultForAMissingValueKeepsThePresentOneTainted() throws {
        let java = try rule("java", sources: ["request.getParameter(...)"], sinks: ["$S.executeQuery($...SINK)"])
        java.check("""
        void find(HttpServletRequest request) throws Exception {
            String name = request.getParameter("q");
            if (name == null) name = "";
            ↓statement.executeQuery("SELECT a FROM t WHERE b = '" + name + "'");
        }
        """, "the default replaces only a missing value")
        java.check("""
        void find(HttpServletRequest request) throws Exception {
            String name = request.getParameter("q");
            if (name == null || name.isEmpty()) {
                name = "all";
            }
            ↓statement.executeQuery("SELECT a FROM t WHERE b = '" + name + "'");
        }
        """, "a block body, two tests")
        java.check("""
        void find(HttpServletRequest request) throws Exception {
            String name = request.getParameter("q");
            if (!NAMES.contains(name)) name = "all";
            statement.executeQuery("SELECT a FROM t WHERE b = '" + name + "'");
        }
        """, "a failed validation replaces the value: not a default for a missing one")
        let python = try rule("python", sources: ["request.args"], sinks: ["cursor.execute($...SINK)"])
        python.check("""
        def search():
            term = request.args.get("q")
            if term is None:
                term = ""
            ↓cursor.execute("SELECT a FROM t WHERE b = '" + term + "'")
        """, "Python's block form")
    }

    @Test func loopVariablesCarryTheIterablesData() throws {
        let java = try rule("java", sources: ["request.getCookies()"], sinks: ["$S.executeQuery($...SINK)"])
        java.check("""
        void find(HttpServletRequest request) throws Exception {
            Cookie[] cookies = request.getCookies();
            String theme = "light";
            for (Cookie cookie : cookies) {
                if (cookie.getName().equals("theme")) theme = cookie.getValue();
            }
            ↓statement.executeQuery("SELECT a FROM t WHERE b = '" + theme + "'");
        }
        """, "Java's enhanced for")
        java.check("""
        void find(HttpServletRequest request) throws Exception {
            String theme = "light";
            for (String known : THEMES) {
                theme = known;
            }
            statement.executeQuery("SELECT a FROM t WHERE b = '" + theme + "'");
        }
        """, "a loop over constants")
        let python = try rule("python", sources: ["request.args"], sinks: ["cursor.execute($...SINK)"])
        python.check("""
        def search():
            for key, value in request.args.items():
                ↓cursor.execute("SELECT a FROM t WHERE " + key + " = 1")
        """, "Python's for over the request")
        let js = try rule("javascript", sources: ["req.query"], sinks: ["db.query($...SINK)"])
        js.check("""
        app.get("/", (req, res) => {
          for (const [field, value] of Object.entries(req.query)) {
            ↓db.query(`SELECT a FROM t WHERE ${field} = 1`);
          }
        });
        """, "JavaScript's for-of with destructuring")
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

    @Test func aRubyConditionalExpressionsTestIsNotItsValue() throws {
        let r = try rule("ruby", sources: ["params[...]"], sinks: ["session[$K] = $SINK"])
        r.check("""
        def login
          user = if /@/.match?(params[:email].to_s)
            User.by_email(params[:email])
          else
            User.by_name(params[:email])
          end
          session[:u] = user.session_token
        end
        """, "the test picks a lookup; the user is the server's record")
        r.check("""
        def login
          name = params[:name]
          ↓session[:u] = name
        end
        """, "plain flow still counts")
    }

    @Test func goCompositeLiteralsAreValuesNotFunctions() throws {
        let go = try rule("go", sources: ["r.FormValue(...)"], sinks: ["conn.Search($...SINK)"])
        go.check("""
        func find(w http.ResponseWriter, r *http.Request) {
        \tname := r.FormValue("name")
        \tfilter := "(uid=" + name + ")"
        \t↓conn.Search(&ldap.SearchRequest{BaseDN: base, Filter: filter})
        }
        """, "the literal is an argument, not a function body")
        go.check("""
        func find(w http.ResponseWriter, r *http.Request) {
        \tname := r.FormValue("name")
        \topts := Options{Filter: "(uid=" + name + ")"}
        \t↓conn.Search(opts)
        }
        """, "a literal assigned to a name carries its fields' data")
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
