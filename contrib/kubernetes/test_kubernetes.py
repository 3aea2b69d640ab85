"""Checks the Kubernetes recipe as far as a machine without a cluster can:

1. both manifests validate against the Kubernetes API schema (kubernetes-validate, offline, strict);
2. the Indexed Job's own container script, run as N pods would run it (JOB_COMPLETION_INDEX =
   0…N-1, side by side, /data a scratch folder), then the merge Job's script, give the same
   documents, the same error entries and the same counts as one plain `glean run`;
3. a pod stopped by SIGTERM (eviction) exits 130 with whole lines only, and its retry (the same
   script again, --resume) completes the shard with the same output as an undisturbed one.

    python contrib/kubernetes/test_kubernetes.py --package dist/glean-linux-x86_64 [--shards 3]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
JOB = os.path.join(HERE, "glean-indexed-job.yaml")
MERGE = os.path.join(HERE, "glean-merge-job.yaml")
KUBERNETES_VERSION = "1.33.0"

failures: list = []
passed: list = []


def check(condition: bool, what: str) -> None:
    print(("ok    " if condition else "FAIL  ") + what)
    (passed if condition else failures).append(what)


def container(manifest: str, kind: str = "Job") -> tuple:
    """The first container's shell script and environment in the manifest's `kind` document."""
    with open(manifest, encoding="utf-8") as file:
        documents = [document for document in yaml.safe_load_all(file) if document]
    job = next(document for document in documents if document["kind"] == kind)
    spec = job["spec"]["template"]["spec"]["containers"][0]
    assert spec["command"] == ["/bin/sh", "-c"], "the container runs a shell script"
    return job, spec["args"][0], {item["name"]: item["value"] for item in spec.get("env", [])}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--package", required=True)
    parser.add_argument("--shards", type=int, default=3)
    parser.add_argument("--pipeline", default="Pipelines/alignment-monitor.yaml")
    parser.add_argument("--size", default="6MB")
    options = parser.parse_args()
    package = os.path.abspath(options.package)

    # 1. The schema.
    for manifest in (JOB, MERGE):
        done = subprocess.run(
            [os.path.join(os.path.dirname(sys.executable), "kubernetes-validate"), "--strict",
             "-k", KUBERNETES_VERSION, manifest],
            capture_output=True, text=True,
        )
        check(done.returncode == 0, f"{os.path.basename(manifest)} is valid Kubernetes {KUBERNETES_VERSION} "
              f"(kubernetes-validate --strict): {(done.stdout + done.stderr).strip()}")

    job, script, environment = container(JOB)
    check(job["spec"]["completionMode"] == "Indexed", "the Job is an Indexed Job")
    check(job["spec"]["completions"] == job["spec"]["parallelism"] == int(environment["GLEAN_SHARDS"]),
          "completions, parallelism and GLEAN_SHARDS agree")
    _, merge_script, _ = container(MERGE)

    # 2. N pods on a scratch /data, then the merge; against one plain run.
    data = tempfile.mkdtemp(prefix="glean-k8s-data-")
    try:
        shutil.copytree(package, os.path.join(data, "glean-linux-x86_64"))
        glean = os.path.join(data, "glean-linux-x86_64", "glean")
        os.makedirs(os.path.join(data, "input"))
        corpus = os.path.join(data, "corpus.jsonl")
        subprocess.run([glean, "bench", "--size", options.size, "--corpus", corpus, "--pipeline", "passthrough",
                        "--cores", "1"], check=True, capture_output=True)
        with open(corpus, encoding="utf-8") as file:
            lines = file.read().splitlines()
        bad = ['{"id": "cut-off", "text": "no end', "plainly not JSON", '{"id": "no-text"}', "[]", "{"]
        for number, line in enumerate(bad):
            lines.insert(1 + number * (len(lines) // len(bad)), line)
        source = os.path.join(data, "input", "news.jsonl")
        with open(source, "w", encoding="utf-8") as file:
            file.write("\n".join(lines) + "\n")
        pipeline = os.path.join(data, "pipeline.yaml")
        shutil.copy(options.pipeline, pipeline)

        def pod_script(text: str) -> str:
            return text.replace("/data", data)

        def pod_environment(index: int) -> dict:
            values = dict(environment, GLEAN_SHARDS=str(options.shards), GLEAN_INPUT=source,
                          GLEAN_PIPELINE=pipeline, JOB_COMPLETION_INDEX=str(index))
            return {"PATH": "/usr/bin:/bin", "HOME": data, **values}

        started = time.monotonic()
        pods = [subprocess.Popen(["/bin/sh", "-c", pod_script(script)], env=pod_environment(index))
                for index in range(options.shards)]
        statuses = [pod.wait() for pod in pods]
        shard_seconds = time.monotonic() - started
        check(statuses == [0] * options.shards, f"{options.shards} pods exit 0 (glean's 3, bad lines, is success)")
        merge = subprocess.run(["/bin/sh", "-c", pod_script(merge_script)], capture_output=True, text=True,
                               env={"PATH": "/usr/bin:/bin"})
        check(merge.returncode == 0, f"the merge Job's script exits 0 {merge.stderr.strip()}")

        single_out = os.path.join(data, "single.jsonl")
        started = time.monotonic()
        single = subprocess.run([glean, "run", pipeline, "-i", source, "-o", single_out, "--summary", "json",
                                 "--progress", "never"], capture_output=True, text=True)
        single_seconds = time.monotonic() - started
        single_summary = json.loads(single.stderr.strip().splitlines()[-1])
        merged = json.loads(read(os.path.join(data, "out", "summary.json")))

        def by_id(text: str) -> list:
            return sorted(text.splitlines(), key=lambda line: json.loads(line)["id"])

        def by_line(text: str) -> list:
            return sorted(text.splitlines(), key=lambda line: json.loads(line)["line"])

        shards_out = read(os.path.join(data, "out", "all.jsonl"))
        check(by_id(shards_out) == by_id(read(single_out)),
              f"{len(shards_out.splitlines())} documents from the shards, sorted by id, equal one run's")
        check(by_line(read(os.path.join(data, "out", "all.errors.jsonl"))) == by_line(read(single_out + ".errors.jsonl")),
              f"the shards' error entries ({len(bad)} bad lines) equal one run's, each once")
        for key in ("documents", "documents_with_errors", "failed_records", "skipped_results", "bytes_written"):
            check(merged[key] == single_summary[key], f"merged {key} = {merged[key]}, as one run")
        records = single_summary["records"]
        check(merged["records"] == options.shards * records, "merged records: each shard reads the whole input")
        check(merged["other_shards"] == options.shards * records - merged["documents"] - merged["failed_records"],
              "merged other_shards: the rest")
        check(merged["summaries"] == options.shards and merged["ending"] == "completed", "all shards completed")
        check([stage["id"] for stage in merged["stages"]] == [stage["id"] for stage in single_summary["stages"]],
              "stage times merged by id")
        print(f"      {options.shards} shards side by side: {shard_seconds:.2f} s; one run: {single_seconds:.2f} s")

        # 3. Eviction: SIGTERM to a pod, then its retry.
        out = os.path.join(data, "out", "shard-0.jsonl")
        reference = read(out)
        for name in os.listdir(os.path.join(data, "out")):
            os.remove(os.path.join(data, "out", name))
        pod = subprocess.Popen(["/bin/sh", "-c", pod_script(script)], env=pod_environment(0))
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and pod.poll() is None and (not os.path.exists(out) or os.path.getsize(out) == 0):
            time.sleep(0.01)
        interrupted = pod.poll() is None
        pod.send_signal(signal.SIGTERM)
        status = pod.wait()
        partial = read(out)
        check(interrupted and status == 130, f"SIGTERM mid-run: the pod exits 130 (got {status})")
        check(partial.endswith("\n") and reference.startswith(partial) and len(partial) < len(reference),
              f"it wrote {len(partial.splitlines())} whole lines, a prefix of the shard's output")
        retry = subprocess.run(["/bin/sh", "-c", pod_script(script)], env=pod_environment(0))
        check(retry.returncode == 0 and read(out) == reference, "the retry resumes and completes the same shard output")
        summary = json.loads(read(os.path.join(data, "out", "shard-0.summary.json")))
        check(summary["already_done"] == len(partial.splitlines()), "the retry's summary counts the resumed lines")
    finally:
        shutil.rmtree(data, ignore_errors=True)

    print(f"{len(passed)} passed, {len(failures)} failed")
    return 1 if failures else 0


def read(path: str) -> str:
    with open(path, encoding="utf-8") as file:
        return file.read()


if __name__ == "__main__":
    sys.exit(main())
