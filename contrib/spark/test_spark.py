"""End-to-end check of glean_spark on a real Spark (local[2]): every line accounted for once,
output equal to a plain `glean run` of the same input, and the throughput ratio between them.

    python contrib/spark/test_spark.py --package dist/glean-linux-x86_64 [--pipeline FILE] [--size 12MB]

Exits 1 on any difference; prints the numbers (documents, seconds, ratio) at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from glean_spark import GleanOnSpark  # noqa: E402

# Lines a plain run refuses; each must come back once in the errors DataFrame, whole.
BAD_LINES = [
    '{"id": "broken-1", "text": "unterminated',
    "not json at all",
    '{"id": "no-text-field", "body": "the text is under another key"}',
    '{"id": "number-text", "text": 42}',
    "[1, 2, 3]",
    '{"id": "trailing-garbage", "text": "fine"} x',
    '{"id": "bad-escape", "text": "a \\q b"}',
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--package", required=True, help="folder with glean and its resources")
    parser.add_argument("--pipeline", default="Pipelines/alignment-monitor.yaml")
    parser.add_argument("--size", default="12MB", help="corpus size for glean bench's generator")
    parser.add_argument("--partitions", type=int, default=2)
    parser.add_argument("--work", help="scratch folder (default: a temporary one)")
    options = parser.parse_args()
    glean = os.path.join(options.package, "glean")
    work = options.work or tempfile.mkdtemp(prefix="glean-spark-test-")
    os.makedirs(work, exist_ok=True)

    # The input: glean bench's seeded news corpus with bad lines spread through it.
    corpus = os.path.join(work, f"corpus-{options.size}.jsonl")
    if not os.path.exists(corpus):
        run([glean, "bench", "--size", options.size, "--corpus", corpus, "--pipeline", "passthrough", "--cores", "1"])
    with open(corpus, encoding="utf-8") as file:
        documents = file.read().splitlines()
    step = max(1, len(documents) // (len(BAD_LINES) + 1))
    lines = list(documents)
    for number, bad in enumerate(BAD_LINES):
        lines.insert((number + 1) * step + number, bad)
    source = os.path.join(work, "input.jsonl")
    with open(source, "w", encoding="utf-8") as file:
        file.write("\n".join(lines) + "\n")
    input_bytes = os.path.getsize(source)

    # The reference: one plain run on the same two cores (timed again after Spark, the machine
    # being shared and noisy: the ratio uses the mean of the two).
    plain_out = os.path.join(work, "plain.jsonl")
    plain_command = [glean, "run", options.pipeline, "-i", source, "-o", plain_out, "--summary", "json",
                     "--progress", "never"]
    started = time.monotonic()
    status = subprocess.run(plain_command, capture_output=True, text=True)
    plain_seconds = [time.monotonic() - started]
    if status.returncode != 3:
        print(f"plain glean run: expected exit status 3 (bad lines), got {status.returncode}: {status.stderr}")
        return 1
    plain_summary = json.loads(status.stderr.strip().splitlines()[-1])
    with open(plain_out, encoding="utf-8") as file:
        plain_lines = file.read().splitlines()

    from pyspark.sql import SparkSession

    spark = (
        SparkSession.builder.master("local[2]")
        .appName("glean-spark-test")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    try:
        glean_spark = GleanOnSpark(spark, package=options.package, pipeline=options.pipeline)
        # A DataFrame as input: its rows as JSON objects (Spark's serialisation, not the file's
        # bytes). Run first, over 300 documents, it also warms the JVM (start-up and the JIT's
        # first compilations of the reading, pickling and writing paths), not counted below.
        frame = spark.read.json(corpus).limit(300).repartition(2)
        from_frame = [json.loads(row.value) for row in glean_spark.run_dataframe(frame).lines.collect()]
        warm_up = os.path.join(work, "warm-up.jsonl")
        with open(warm_up, "w", encoding="utf-8") as file:
            file.write("\n".join(lines[:300]) + "\n")
        glean_spark.run_files(warm_up, min_partitions=2).lines.write.mode("overwrite").text(warm_up + ".out")

        started = time.monotonic()
        result = glean_spark.run_files(source, min_partitions=options.partitions)
        spark_out = os.path.join(work, "spark-out")
        result.lines.write.mode("overwrite").text(spark_out)
        written = time.monotonic()
        errors = result.errors.collect()
        summary = result.summary()
        spark_seconds = time.monotonic() - started
        write_seconds = written - started
        typed = result.documents.select("id").count()
        columns = result.documents.columns
    finally:
        spark.stop()
    plain_by_id = {json.loads(line)["id"]: json.loads(line) for line in plain_lines}

    started = time.monotonic()
    subprocess.run(plain_command, capture_output=True, check=False)
    plain_seconds.append(time.monotonic() - started)
    plain_mean = sum(plain_seconds) / len(plain_seconds)

    spark_lines = []
    for name in sorted(os.listdir(spark_out)):
        if name.startswith("part-"):
            with open(os.path.join(spark_out, name), encoding="utf-8") as file:
                spark_lines += file.read().splitlines()

    failures = []
    passed = []

    def check(condition: bool, what: str) -> None:
        print(("ok    " if condition else "FAIL  ") + what)
        (passed if condition else failures).append(what)

    def by_id(output):
        return sorted(output, key=lambda line: json.loads(line)["id"])

    unreadable = [row for row in errors if row["id"] is None]
    spark_ids = [json.loads(line)["id"] for line in spark_lines]
    check(len(lines) == len(documents) + len(BAD_LINES), f"{len(lines)} input lines ({len(BAD_LINES)} bad)")
    check(len(spark_lines) == len(plain_lines) == len(documents), f"{len(spark_lines)} output lines, as the plain run")
    check(len(spark_lines) + len(unreadable) == len(lines), "every input line in the output or the errors, once")
    check(len(set(spark_ids)) == len(spark_ids), "no document twice")
    matches = sum(1 for a, b in zip(by_id(spark_lines), by_id(plain_lines)) if a == b)
    check(matches == len(plain_lines), f"{matches} of {len(plain_lines)} lines equal the plain run's, sorted by id")
    check(sorted(row["record"] for row in unreadable) == sorted(BAD_LINES), "the bad lines come back whole")
    check(all(row["code"] and row["message"] for row in unreadable), "each with glean's code and message")
    check(typed == len(documents) and "language" in columns, f"typed documents: {typed} rows, columns {columns}")
    for key in ("documents", "failed_records", "documents_with_errors", "skipped_results"):
        check(summary.get(key) == plain_summary.get(key), f"merged summary {key} = {summary.get(key)}, as the plain run")
    check(summary.get("summaries") == options.partitions, f"{summary.get('summaries')} partition summaries merged")

    check(len(from_frame) == 300 and all(document == plain_by_id.get(document["id"]) for document in from_frame),
          f"a DataFrame of {len(from_frame)} rows gives the plain run's documents (parsed)")

    megabytes = input_bytes / 1e6
    ratio = plain_mean / spark_seconds
    print(
        f"spark local[2]: {len(spark_lines)} documents + {len(unreadable)} bad lines ({megabytes:.1f} MB, "
        f"{os.path.basename(options.pipeline)}) in {spark_seconds:.2f} s ({megabytes / spark_seconds:.2f} MB/s); "
        f"plain glean run on the same cores {plain_mean:.2f} s ({megabytes / plain_mean:.2f} MB/s; runs before and "
        f"after: {plain_seconds[0]:.2f} s, {plain_seconds[1]:.2f} s); "
        f"Spark reaches {100 * ratio:.0f} % of plain glean's throughput (JVM start-up and warm-up excluded); "
        f"{matches} lines match"
    )
    print(f"      of the Spark time: glean over the partitions and writing the lines {write_seconds:.2f} s; "
          f"errors and summary from the cached partition outputs {spark_seconds - write_seconds:.2f} s")
    print(f"{len(passed)} passed, {len(failures)} failed")
    return 1 if failures else 0


def run(command) -> None:
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed: {done.stderr}")


if __name__ == "__main__":
    sys.exit(main())
