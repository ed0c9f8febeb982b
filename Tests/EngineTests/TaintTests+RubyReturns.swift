import Testing
import TestSupport

/// Same-file summaries of Ruby methods, whose value is their last statement's when no `return`
/// gives it.
extension TaintTests {
    func rubySQLRule() throws -> CompiledRuleHolder {
        try rule("ruby", sources: ["params[...]"], sinks: ["$DB.execute($...SINK)"],
                 sanitizers: ["$X.to_i", "Integer(...)"])
    }

    @Test func aRubyMethodsLastExpressionIsItsValue() throws {
        let r = try rubySQLRule()
        r.check("""
        def label_for(kind)
          "#{kind}_label"
        end

        def show
          ↓db.execute("SELECT * FROM labels WHERE name = '#{label_for(params[:kind])}'")
        end
        """, "the last expression interpolates the parameter")
        r.check("""
        def page_size(raw)
          if raw == "all"
            100
          elsif raw.blank?
            DEFAULT_SIZE
          else
            raw.to_i
          end
        end

        def index
          db.execute("SELECT * FROM posts LIMIT #{page_size(params[:size])}")
        end
        """, "every branch ends in a constant or a number")
        r.check("""
        def flag(value)
          if value == "on"
            "1"
          end
        end

        def index
          db.execute("SELECT * FROM posts WHERE pinned = #{flag(params[:pinned])}")
        end
        """, "an `if` without `else` gives nil when its test fails")
        r.check("""
        def order_column(name)
          case name
          when "newest" then "created_at DESC"
          when "oldest" then "created_at ASC"
          else name
          end
        end

        def index
          ↓db.execute("SELECT * FROM posts ORDER BY #{order_column(params[:sort])}")
        end
        """, "the `else` branch hands the parameter back")
        r.check("""
        def order_column(name)
          case name
          when "newest" then "created_at DESC"
          when "oldest" then "created_at ASC"
          end
        end

        def index
          db.execute("SELECT * FROM posts ORDER BY #{order_column(params[:sort])}")
        end
        """, "every `when` gives a constant")
        r.check("""
        def parse_count(text)
          Integer(text)
        rescue ArgumentError
          text
        end

        def index
          ↓db.execute("SELECT * FROM posts LIMIT #{parse_count(params[:n])}")
        end
        """, "the `rescue` part's value is the method's too")
        r.check("""
        def with_value(value)
          yield value
        end

        def index
          ↓db.execute("SELECT * FROM posts WHERE a = '#{with_value(params[:a]) { |v| v }}'")
        end
        """, "a method that yields gives whatever its block returns")
    }

    @Test func aRubyReturnsTestIsNotItsValue() throws {
        let r = try rubySQLRule()
        r.check("""
        def period_days(value)
          return 7 unless value.to_s.size < 5
          value.to_i
        end

        def index
          db.execute("SELECT * FROM posts WHERE age < #{period_days(params[:days])}")
        end
        """, "`return 7 unless …` returns 7; the test is not handed back")
        r.check("""
        def fallback(value)
          return value if value.present?
          "name"
        end

        def index
          ↓db.execute("SELECT * FROM posts ORDER BY #{fallback(params[:sort])}")
        end
        """, "the modifier's `return` hands the parameter back")
        r.check("""
        def first_allowed(name)
          ALLOWED.each do |allowed|
            return name if allowed.start_with?(name)
          end
          nil
        end

        def index
          ↓db.execute("SELECT * FROM posts ORDER BY #{first_allowed(params[:sort])}")
        end
        """, "a `return` in a block leaves the method around it")
    }

    @Test func aRubyHashKeyIsNotTheVariableOfItsName() throws {
        let r = try rubySQLRule()
        r.check("""
        def window(span)
          days = span.to_i
          { span: days, unit: "day" }
        end

        def index
          length = window(params[:span])
          db.execute("SELECT * FROM posts WHERE age < #{length[:span]}")
        end
        """, "`span:` is a key; its value is a number")
        r.check("""
        def window(span)
          { span: span, unit: "day" }
        end

        def index
          length = window(params[:span])
          ↓db.execute("SELECT * FROM posts WHERE age < #{length[:span]}")
        end
        """, "the value under the key is the parameter")
    }

    @Test func aRubyAssignmentInBracketsAssigns() throws {
        let r = try rubySQLRule()
        r.check("""
        def search
          if (found = params[:q].to_s.match(/(\\w+)/))
            ↓db.execute("SELECT * FROM posts WHERE title = '#{found[1]}'")
          end
        end
        """, "Ruby has no `name = value` keyword arguments: the test assigns the match")
    }
}
