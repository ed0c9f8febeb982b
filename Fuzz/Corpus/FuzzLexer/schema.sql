CREATE TABLE t (a int, b text DEFAULT 'x''y', PRIMARY KEY (a)); -- c
/* d */ INSERT INTO t VALUES (1, E'\n');
