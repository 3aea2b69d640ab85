"""Run a Glean pipeline over Apache Spark data: JSON Lines files or a DataFrame.

Each partition's documents are piped through one `glean run` process in filter mode (standard
input to standard output); the package folder (the `glean` binary and its resources, as
`scripts/package.sh` makes it) and the pipeline file are shipped to the executors with
`SparkContext.addArchive` and `addFile`. Results come back as DataFrames:

    from glean_spark import GleanOnSpark
    glean = GleanOnSpark(spark, package="dist/glean-linux-x86_64", pipeline="Pipelines/quickstart.yaml")
    result = glean.run_files("news/*.jsonl")          # or glean.run_dataframe(df)
    result.documents.printSchema()                    # typed by `glean schema --output PIPELINE`
    result.lines.write.text("out")                    # the output lines exactly as glean writes them
    result.errors.show()                              # unreadable lines and stage failures
    print(result.summary())                           # the partitions' summaries, merged

Every input line ends up in exactly one of `lines` (one per document) and `errors` (unreadable
lines, with the line itself), blank lines aside; a document whose stage failed is in `lines`
and also has its failure in `errors`. The partition outputs are cached, so glean runs once per
partition however many of the three you read. A partition whose glean fails (exit status other
than 0 or 3) fails the Spark task with glean's message, and Spark retries it; a retried
partition's output replaces the failed attempt's, so nothing is duplicated.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import tarfile
import tempfile
import threading
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, Optional

from pyspark import SparkFiles, StorageLevel
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql import types as T

# Tags that keep the three kinds of partition output apart in one cached DataFrame.
_DOCUMENT, _ERROR, _SUMMARY = "d", "e", "s"

#: The columns of the errors DataFrame (the error file's keys, plus where and what the line was).
ERROR_SCHEMA = T.StructType(
    [
        T.StructField("partition", T.IntegerType()),
        T.StructField("line", T.LongType()),
        T.StructField("code", T.StringType()),
        T.StructField("message", T.StringType()),
        T.StructField("id", T.StringType()),
        T.StructField("stage", T.StringType()),
        T.StructField("uses", T.StringType()),
        T.StructField("stage_version", T.StringType()),
        T.StructField("excerpt", T.StringType()),
        T.StructField("record", T.StringType()),
    ]
)


@dataclass
class GleanResult:
    """What a run gives back; all three DataFrames read the same cached partition outputs."""

    #: One string column, `value`: each output line exactly as `glean run` writes it.
    lines: DataFrame
    #: The output lines parsed with the pipeline's output schema.
    documents: DataFrame
    #: Unreadable input lines (`record` is the line) and stage failures (`id`, `stage`).
    errors: DataFrame
    _summaries: DataFrame
    _merge: Callable[[list], dict]

    def summary(self) -> dict:
        """The partitions' `--summary json` objects merged by `glean summary merge`."""
        return self._merge([row.value for row in self._summaries.collect()])


class GleanOnSpark:
    """Runs one pipeline over Spark data with a packaged `glean`.

    package: the folder `scripts/package.sh` writes (`dist/glean-linux-x86_64`), its `.tar.gz`,
        or any folder holding `glean` and `Glean_GleanStages.resources` (such as `.build/release`).
    pipeline: the pipeline file; shipped to the executors, so stage files it names by relative
        path must be beside it.
    glean_args: more `glean run` options for every partition, such as `["--concurrency", "2"]`.
    """

    def __init__(self, spark: SparkSession, package: str, pipeline: str, glean_args: Optional[list] = None):
        self.spark = spark
        self.pipeline = os.path.abspath(pipeline)
        self.glean_args = list(glean_args or [])
        self._local_folder, archive = _prepare_package(package)
        self._archive_name = os.path.basename(archive)
        spark.sparkContext.addArchive(archive)
        spark.sparkContext.addFile(self.pipeline)
        # The partition function lives in this module: the Python workers import it from here.
        spark.sparkContext.addPyFile(os.path.abspath(__file__))
        self.schema = _spark_schema(json.loads(self._glean_local("schema", "--output", self.pipeline)))

    # Running

    def run_files(self, path: str, min_partitions: Optional[int] = None) -> GleanResult:
        """Runs the pipeline over JSON Lines files (a path, folder or glob Spark reads; .gz too)."""
        lines = self.spark.sparkContext.textFile(path, minPartitions=min_partitions)
        return self.run_lines(lines)

    def run_dataframe(self, frame: DataFrame) -> GleanResult:
        """Runs the pipeline over a DataFrame's rows, each as a JSON object (`DataFrame.toJSON`)."""
        return self.run_lines(frame.toJSON())

    def run_lines(self, lines) -> GleanResult:
        """Runs the pipeline over an RDD of JSON Lines strings, one document per string."""
        archive, pipeline_name, args = self._archive_name, os.path.basename(self.pipeline), self.glean_args

        def run_partition(index: int, rows: Iterable[str]) -> Iterator[tuple]:
            folder = _unpacked_folder(SparkFiles.get(archive))
            yield from _pipe_partition(
                os.path.join(folder, "glean"), SparkFiles.get(pipeline_name), args, index, rows
            )

        # One pass through Python: the partition outputs become a cached DataFrame at once, and
        # the three results are selected from it in the JVM.
        tagged = self.spark.createDataFrame(
            lines.mapPartitionsWithIndex(run_partition), "kind string, value string"
        ).persist(StorageLevel.MEMORY_AND_DISK)
        documents = tagged.where(F.col("kind") == _DOCUMENT).select("value")
        errors = tagged.where(F.col("kind") == _ERROR).select(F.from_json("value", ERROR_SCHEMA).alias("error"))
        return GleanResult(
            lines=documents,
            documents=documents.select(F.from_json("value", self.schema).alias("document")).select("document.*"),
            errors=errors.select("error.*"),
            _summaries=tagged.where(F.col("kind") == _SUMMARY).select("value"),
            _merge=self._merge_summaries,
        )

    # On the driver

    def _glean_local(self, *arguments: str, input_text: Optional[str] = None) -> str:
        done = subprocess.run(
            [os.path.join(self._local_folder, "glean"), *arguments],
            input=input_text,
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            raise RuntimeError(f"glean {' '.join(arguments)} failed: {done.stderr.strip()}")
        return done.stdout

    def _merge_summaries(self, summaries: list) -> dict:
        if not summaries:
            return {}
        return json.loads(self._glean_local("summary", "merge", "-", input_text="\n".join(summaries) + "\n"))


def _pipe_partition(glean: str, pipeline: str, args: list, index: int, rows: Iterable[str]) -> Iterator[tuple]:
    """Pipes one partition through `glean run`; yields tagged output lines, errors, the summary.

    A thread writes the rows to glean's standard input (and to a spool file, to give unreadable
    lines back whole); this generator reads standard output as glean writes it; failures go to
    an error file read at the end; the summary is the JSON line on standard error.
    """
    with tempfile.TemporaryDirectory(prefix=f"glean-part-{index}-") as scratch:
        errors_path = os.path.join(scratch, "errors.jsonl")
        spool_path = os.path.join(scratch, "input.jsonl")
        process = subprocess.Popen(
            [glean, "run", pipeline, "--errors", errors_path, "--summary", "json", "--progress", "never", *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            bufsize=1 << 20,
        )
        failures: list = []
        stderr_chunks: list = []

        def feed() -> None:
            try:
                with open(spool_path, "wb") as spool:
                    for row in rows:
                        data = row.encode("utf-8") + b"\n"
                        spool.write(data)
                        process.stdin.write(data)
                process.stdin.close()
            except BaseException as error:  # handed to the generator, which raises it in the task
                failures.append(error)
                try:
                    process.stdin.close()
                except OSError:
                    pass

        def drain() -> None:
            stderr_chunks.append(process.stderr.read())

        threads = [threading.Thread(target=feed, daemon=True), threading.Thread(target=drain, daemon=True)]
        for thread in threads:
            thread.start()
        for line in process.stdout:
            yield _DOCUMENT, line.rstrip(b"\n").decode("utf-8")
        status = process.wait()
        for thread in threads:
            thread.join()
        stderr = b"".join(stderr_chunks).decode("utf-8", "replace")
        if failures:
            raise RuntimeError(f"partition {index}: feeding glean failed: {failures[0]!r}; glean said: {stderr[-2000:]}")
        if status not in (0, 3):
            raise RuntimeError(f"partition {index}: glean exited with status {status}: {stderr[-2000:]}")
        yield from _tagged_errors(errors_path, spool_path, index)
        summary = _summary_line(stderr)
        if summary is None:
            raise RuntimeError(f"partition {index}: glean printed no summary: {stderr[-2000:]}")
        yield _SUMMARY, summary


def _tagged_errors(errors_path: str, spool_path: str, index: int) -> Iterator[tuple]:
    """The error file's entries with the partition, and unreadable lines given back whole."""
    if not os.path.exists(errors_path):
        return
    entries = []
    with open(errors_path, encoding="utf-8") as errors:
        entries = [json.loads(line) for line in errors if line.strip()]
    wanted = {entry["line"] for entry in entries if "id" not in entry and isinstance(entry.get("line"), int)}
    records = {}
    if wanted:
        with open(spool_path, "rb") as spool:
            for number, raw in enumerate(spool, start=1):
                if number in wanted:
                    records[number] = raw.rstrip(b"\n").decode("utf-8", "replace")
    for entry in entries:
        entry.pop("input", None)
        entry["partition"] = index
        if "id" not in entry and entry.get("line") in records:
            entry["record"] = records[entry["line"]]
        yield _ERROR, json.dumps(entry, ensure_ascii=False)


def _summary_line(stderr: str) -> Optional[str]:
    for line in reversed(stderr.splitlines()):
        if line.startswith("{") and '"ending"' in line:
            return line
    return None


def _prepare_package(package: str) -> tuple:
    """A local folder with `glean`, and a `.tar.gz` holding it to ship to the executors."""
    package = os.path.abspath(package)
    if package.endswith((".tar.gz", ".tgz")):
        folder = tempfile.mkdtemp(prefix="glean-package-")
        with tarfile.open(package) as archive:
            archive.extractall(folder, filter="tar")
        return _unpacked_folder(folder), package
    if not os.path.isfile(os.path.join(package, "glean")):
        raise FileNotFoundError(f"{package} holds no glean binary; build one with scripts/package.sh")
    resources = [name for name in os.listdir(package) if name.endswith(".resources")]
    archive = os.path.join(tempfile.mkdtemp(prefix="glean-ship-"), "glean-package.tar.gz")
    with tarfile.open(archive, "w:gz", compresslevel=1) as packed:
        packed.add(os.path.join(package, "glean"), arcname="glean-package/glean")
        for name in resources:
            packed.add(os.path.join(package, name), arcname=f"glean-package/{name}")
    return package, archive


def _unpacked_folder(root: str) -> str:
    """The folder holding `glean` in an unpacked archive (the archive's one top folder, or it)."""
    if not os.path.isfile(os.path.join(root, "glean")):
        folders = [os.path.join(root, name) for name in os.listdir(root) if os.path.isdir(os.path.join(root, name))]
        found = [folder for folder in folders if os.path.isfile(os.path.join(folder, "glean"))]
        if len(found) != 1:
            raise FileNotFoundError(f"no glean binary in the shipped package at {root}")
        root = found[0]
    binary = os.path.join(root, "glean")
    mode = os.stat(binary).st_mode
    if not mode & stat.S_IXUSR:
        os.chmod(binary, mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return root


def _spark_schema(schema: dict) -> T.StructType:
    """A Spark schema from the JSON Schema `glean schema --output` prints for a pipeline."""
    converted = _spark_type(schema)
    if not isinstance(converted, T.StructType):
        raise ValueError("glean's output schema is not an object schema")
    return converted


def _spark_type(schema: dict) -> T.DataType:
    """Objects become structs (maps when they list no properties), arrays arrays, numbers longs or
    doubles; a value that may be one of several types, or any type (kept input fields), becomes a
    string holding its JSON text, which is what Spark's JSON reader gives for such a column."""
    alternatives = schema.get("anyOf") or schema.get("oneOf")
    if alternatives:
        typed = [choice for choice in alternatives if choice.get("type") != "null"]
        return _spark_type(typed[0]) if len(typed) == 1 else T.StringType()
    kinds = schema.get("type", "string")
    if isinstance(kinds, list):
        kinds = [kind for kind in kinds if kind != "null"]
        kinds = kinds[0] if len(kinds) == 1 else "string"
    if kinds == "object":
        properties = schema.get("properties")
        if properties:
            return T.StructType([T.StructField(name, _spark_type(sub), True) for name, sub in properties.items()])
        extra = schema.get("additionalProperties")
        value = _spark_type(extra) if isinstance(extra, dict) else T.StringType()
        return T.MapType(T.StringType(), value, True)
    if kinds == "array":
        items = schema.get("items")
        return T.ArrayType(_spark_type(items) if isinstance(items, dict) else T.StringType(), True)
    return {"integer": T.LongType(), "number": T.DoubleType(), "boolean": T.BooleanType()}.get(kinds, T.StringType())


__all__ = ["GleanOnSpark", "GleanResult", "ERROR_SCHEMA"]
