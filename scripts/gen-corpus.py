#!/usr/bin/env python3
"""Generates a deterministic multi-language backend corpus for benchmarks.

usage: gen-corpus.py OUT_DIR [MEGABYTES]

Files look like ordinary backend code (handlers, services, models, SQL) in all eleven languages,
with about one planted checklist problem per 40 files, so an audit does realistic work.
"""
import os
import random
import sys

out = sys.argv[1]
target = int(sys.argv[2] if len(sys.argv) > 2 else 60) * 1024 * 1024
rng = random.Random(20261126)
WORDS = ("user order item cart payment invoice account session token price stock shipment "
         "address customer product review coupon refund ledger report audit queue job").split()


def name(cap=False):
    words = [rng.choice(WORDS) for _ in range(rng.randint(1, 3))]
    if cap:
        return "".join(w.capitalize() for w in words)
    return words[0] + "".join(w.capitalize() for w in words[1:])


def snake():
    return "_".join(rng.choice(WORDS) for _ in range(rng.randint(1, 3)))


def python_fn():
    f, a, b = snake(), snake(), snake()
    return f'''

def {f}({a}, {b}=None):
    """Return the {a} for {b}."""
    # keep the lookup cheap: {name()} is cached
    result = db.execute("SELECT id, total FROM orders WHERE user_id = ?", ({a},)).fetchall()
    if not result:
        logger.info("no rows for %s", {a})
        return {{"{a}": None, "count": 0}}
    values = [row[1] * 1.15 for row in result if row[0] > 10]
    return {{"{a}": values, "label": f"{{{b}}}-{{len(values)}}"}}
'''


def js_fn():
    f, a, b = name(), name(), name()
    return f'''
async function {f}(req, res) {{
  const {{ {a}, {b} }} = req.body;
  // validate before use: {name()}
  if (!{a} || typeof {b} !== 'string') {{
    return res.status(400).json({{ error: 'invalid {a}' }});
  }}
  const rows = await db.query('SELECT id, name FROM items WHERE owner_id = $1', [{a}]);
  const total = rows.reduce((sum, r) => sum + r.price * 2 / 3, 0);
  logger.info(`computed ${{total}} for ${{req.id}}`);
  return res.json({{ total, label: `{f}-${{rows.length}}`, re: /^[a-z]+$/i.test({b}) }});
}}
'''


def ts_fn():
    f, a = name(), name()
    return f'''
export async function {f}({a}: string, limit: number = 10): Promise<Array<{name(True)}>> {{
  const items: Array<{name(True)}> = [];
  for (let i = 0; i < limit; i++) {{
    items.push({{ id: `${{{a}}}-${{i}}`, score: i * 0.5 }} as {name(True)});
  }}
  return items.filter((x) => x.score > 1);
}}
'''


def go_fn():
    f, a = name(True), name()
    return f'''
// {f} loads the {a} from the store.
func {f}(ctx context.Context, {a} string) (*{name(True)}, error) {{
	row := db.QueryRowContext(ctx, "SELECT id, total FROM orders WHERE id = $1", {a})
	var out {name(True)}
	if err := row.Scan(&out.ID, &out.Total); err != nil {{
		return nil, fmt.Errorf("load {a}: %w", err)
	}}
	raw := `multi
line {a}`
	_ = raw
	return &out, nil
}}
'''


def java_fn():
    f, a = name(), name()
    return f'''
    /** Finds the {a}. */
    public Optional<{name(True)}> {f}(String {a}, int limit) {{
        String sql = "SELECT id, total FROM orders WHERE user_id = ? LIMIT ?";
        List<{name(True)}> rows = jdbc.query(sql, mapper, {a}, limit);
        log.info("found {{}} rows for {{}}", rows.size(), {a}.hashCode());
        return rows.stream().filter(r -> r.total() > 0).findFirst();
    }}
'''


def kotlin_fn():
    f, a = name(), name()
    return f'''
    /* {name()} /* nested */ comment */
    fun {f}({a}: String, limit: Int = 10): List<{name(True)}> {{
        val rows = repository.findBy{name(True)}({a}).take(limit)
        logger.info("loaded ${{rows.size}} rows for ${{{a}.length}}")
        return rows.filter {{ it.total > 0 }}
    }}
'''


def csharp_fn():
    f, a = name(True), name()
    return f'''
        public async Task<IActionResult> {f}(string {a}, CancellationToken ct)
        {{
            var rows = await _db.{name(True)}.Where(x => x.OwnerId == {a}).ToListAsync(ct);
            _logger.LogInformation("Loaded {{Count}} rows", rows.Count);
            var path = @"C:\\data\\{a}";
            return Ok(new {{ rows, label = $"{{{a}}}-{{rows.Count}}", path }});
        }}
'''


def php_fn():
    f, a = name(), name()
    return f'''
    public function {f}(Request $request, int ${a}): JsonResponse
    {{
        $validated = $request->validate(['{a}' => 'required|integer']);
        $rows = DB::select('SELECT id, total FROM orders WHERE user_id = ?', [${a}]);
        Log::info("loaded rows for {{$validated['{a}']}}");
        return response()->json(['rows' => $rows, 'count' => count($rows)]);
    }}
'''


def ruby_fn():
    f, a = snake(), snake()
    return f'''
  # Loads the {a}.
  def {f}({a}, limit: 10)
    rows = Order.where(user_id: {a}).limit(limit).to_a
    Rails.logger.info "loaded #{{rows.size}} rows for #{{{a}.hash}}"
    rows.select {{ |r| r.total > 0 && r.name =~ /^[a-z]+$/ }}
  end
'''


def swift_fn():
    f, a = name(), name()
    return f'''
    /// Loads the {a}.
    func {f}(_ {a}: String, limit: Int = 10) async throws -> [{name(True)}] {{
        let rows = try await db.query("SELECT id, total FROM orders WHERE user_id = \\({a})").all()
        logger.info("loaded \\(rows.count) rows")
        return rows.filter {{ $0.total > 0 }}
    }}
'''


def sql_stmt():
    t = snake()
    return f'''
CREATE TABLE {t} (
    id BIGSERIAL PRIMARY KEY,
    {snake()}_id BIGINT NOT NULL,
    label TEXT NOT NULL DEFAULT 'it''s',
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
-- lookups by owner
CREATE INDEX {t}_idx ON {t} (created_at);
SELECT id, label FROM {t} WHERE created_at > now() - interval '1 day' ORDER BY id;
'''


PROBLEMS = {
    "py": '\ndef legacy(password):\n    return hashlib.md5(password.encode()).hexdigest()\n',
    "js": "\nfunction legacy(password) {\n  return crypto.createHash('sha1').update(password).digest('hex');\n}\n",
    "go": '\nfunc legacy(password string) [16]byte {\n\treturn md5.Sum([]byte(password))\n}\n',
    "rb": "\n  def legacy(password)\n    Digest::MD5.hexdigest(password)\n  end\n",
}

LANGS = [
    ("py", "import hashlib\nimport logging\n\nlogger = logging.getLogger(__name__)\n", python_fn, ""),
    ("js", "const crypto = require('crypto');\nconst logger = require('./logger');\n", js_fn, ""),
    ("ts", "import { db } from './db';\n", ts_fn, ""),
    ("go", "package service\n\nimport (\n\t\"context\"\n\t\"fmt\"\n)\n", go_fn, ""),
    ("java", "package com.shop;\n\npublic class Service {\n", java_fn, "}\n"),
    ("kt", "package com.shop\n\nclass Service(private val repository: Repo) {\n", kotlin_fn, "}\n"),
    ("cs", "namespace Shop.Api\n{\n    public class Controller : ControllerBase\n    {\n", csharp_fn, "    }\n}\n"),
    ("php", "<?php\n\nnamespace App\\Http;\n\nclass Controller\n{\n", php_fn, "}\n"),
    ("rb", "class Service\n", ruby_fn, "end\n"),
    ("swift", "import Foundation\n\nstruct Service {\n", swift_fn, "}\n"),
    ("sql", "", sql_stmt, ""),
]

written = 0
count = 0
while written < target:
    ext, head, fn, tail = LANGS[count % len(LANGS)]
    parts = [head]
    size = rng.randint(4000, 24000)
    body = 0
    while body < size:
        chunk = fn()
        parts.append(chunk)
        body += len(chunk)
    if ext in PROBLEMS and rng.random() < 0.1:
        parts.insert(1, PROBLEMS[ext])
    parts.append(tail)
    text = "".join(parts)
    directory = os.path.join(out, f"pkg{count // 200:03d}", ext)
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(directory, f"{snake()}_{count}.{ext}"), "w") as handle:
        handle.write(text)
    written += len(text.encode())
    count += 1
print(f"{count} files, {written / 1048576:.1f} MiB in {out}")
