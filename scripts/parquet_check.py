#!/usr/bin/env python3
"""Reads the Parquet files `glean export` wrote back with DuckDB (a reader independent of the
pyarrow writer) and checks them against the JSON Lines export of the same table and the columns
`glean export --list-columns` declares: names, order, types, row count and every value.

    parquet_check.py GLEAN RESULTS.jsonl WORKDIR

Exits 1 with the failed checks."""
import json, math, subprocess, sys

import duckdb

DUCKDB_TYPES = {"string": "VARCHAR", "int64": "BIGINT", "double": "DOUBLE"}
# The interface: these columns must stay, in this order, with these types (add at the end only).
STABLE_PREFIX = {
    "pairs": ["document_id", "published", "actor_id", "actor_name", "bloc_id", "bloc_name", "stance", "also",
              "confidence", "as_of", "evidence_count", "evidence_cue", "evidence_start", "evidence_end",
              "evidence_sentence", "language", "tone"],
    "entities": ["document_id", "published", "type", "text", "canonical", "name", "parent", "sentence", "start", "end",
                 "mentions", "language"],
    "documents": ["document_id", "published", "title", "language", "language_confidence", "tone", "tone_label",
                  "stance_pairs", "entities", "countries", "skipped", "errors"],
}


def same(a, b):
    if isinstance(a, float) and isinstance(b, (int, float)) and b is not None:
        return math.isclose(a, b, rel_tol=1e-12)
    return a == b


def main():
    glean, results, work = sys.argv[1:4]
    failures = []

    def check(condition, what):
        print(("ok    " if condition else "FAIL  ") + what)
        if not condition:
            failures.append(what)

    for table, stable in STABLE_PREFIX.items():
        declared = [line.split("\t")[:2] for line in subprocess.run(
            [glean, "export", "--table", table, "--list-columns"], check=True, capture_output=True,
            text=True).stdout.splitlines()]
        parquet, jsonl = f"{work}/{table}.parquet", f"{work}/{table}.jsonl"
        for path in (parquet, jsonl):
            subprocess.run([glean, "export", results, "--table", table, "-o", path], check=True)
        check([name for name, _ in declared][:len(stable)] == stable, f"{table}: the stable columns, in order")
        described = duckdb.sql(f"DESCRIBE SELECT * FROM read_parquet('{parquet}')").fetchall()
        check([(row[0], row[1]) for row in described] == [(n, DUCKDB_TYPES[t]) for n, t in declared],
              f"{table}: Parquet column names and types as declared ({len(described)} columns)")
        rows = duckdb.sql(f"SELECT * FROM read_parquet('{parquet}')").fetchall()
        expected = [json.loads(line) for line in open(jsonl, encoding="utf-8")]
        check(len(rows) == len(expected) and len(rows) > 0, f"{table}: {len(rows)} rows, as in JSON Lines")
        names = [name for name, _ in declared]
        mismatched = [i for i, (row, want) in enumerate(zip(rows, expected))
                      if not all(same(value, want[name]) for value, name in zip(row, names))]
        check(not mismatched, f"{table}: every value equals the JSON Lines export's ({len(mismatched)} rows differ)")
    print(f"{len(failures) == 0 and 'passed' or 'FAILED'}: {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
