#!/usr/bin/env python3
"""Writes a realistic PostgreSQL schema dump of about LINES lines (pg_dump layout: SET, tables,
COPY data blocks, functions, ALTER TABLE constraints, indexes) for scripts/bench.sh.
    scripts/gen-schema.py LINES OUT.sql
"""
import random
import sys

lines_wanted, out = int(sys.argv[1]), sys.argv[2]
rng = random.Random(4)
parts = ["SET statement_timeout = 0;", "SET client_encoding = 'UTF8';",
         "SELECT pg_catalog.set_config('search_path', '', false);", ""]
count = 0
table = 0
while count < lines_wanted:
    name = f"public.t{table}"
    cols = ["    id bigint NOT NULL", "    region integer NOT NULL", "    title text", "    created_at timestamp with time zone DEFAULT now()"]
    fks = [rng.randrange(table) for _ in range(rng.randrange(4))] if table else []
    cols += [f"    p{i}_id bigint" for i in range(len(fks))]
    parts.append(f"CREATE TABLE {name} (\n" + ",\n".join(cols) + "\n);\n")
    parts.append(f"ALTER TABLE {name} OWNER TO app;\n")
    parts.append(f"CREATE FUNCTION public.touch_t{table}() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n  NEW.created_at := now();\n  RETURN NEW;\nEND;\n$$;\n")
    parts.append(f"COPY {name} (id, region, title, created_at) FROM stdin;")
    for row in range(rng.randrange(5, 15)):
        parts.append(f"{row}\t{rng.randrange(9)}\tit's row {row}; CREATE TABLE x (y int);\t2024-01-01 00:00:00+00")
    parts.append("\\.\n")
    parts.append(f"ALTER TABLE ONLY {name} ADD CONSTRAINT t{table}_pkey PRIMARY KEY (id);")
    for i, parent in enumerate(fks):
        parts.append(f"ALTER TABLE ONLY {name} ADD CONSTRAINT t{table}_p{i}_fk FOREIGN KEY (p{i}_id) REFERENCES public.t{parent}(id) ON DELETE CASCADE;")
        if rng.randrange(2):
            parts.append(f"CREATE INDEX t{table}_p{i}_idx ON {name} USING btree (p{i}_id, created_at);")
    parts.append(f"CREATE INDEX t{table}_title_idx ON {name} USING btree (lower(title)) WHERE (title IS NOT NULL);\n")
    count = sum(p.count("\n") + 1 for p in parts)
    table += 1
open(out, "w").write("\n".join(parts) + "\n")
print(f"{out}: {table} tables, {count} lines")
