#!/usr/bin/env python3
"""Scores the entities stage's bloc mentions in other languages against Evaluation/entities/i18n-blocs.tsv.

For each hand-annotated passage (read from ../shared/data/stance-real-multi/LANG.jsonl.gz), runs
`glean` with the `language` and `entities` stages and compares the bloc ids of the ORG mentions it
finds (those of scripts/gazetteer/blocs.tsv) with the annotated ones, as multisets: found (same
id), missed, and wrong (a mention the annotation does not have, or with another id). Prints a
table per language; with --show, each passage with what was found marked.
Usage: scripts/entities_i18n_eval.py [--glean .build/release/glean] [--data DIR] [--annotations FILE] [--show] [--gate PERCENT]
"""
import argparse
import collections
import gzip
import json
import os
import subprocess
import sys
import tempfile

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
parser = argparse.ArgumentParser()
parser.add_argument("--glean", default=os.path.join(root, ".build", "debug", "glean"))
parser.add_argument("--data", default=os.path.join(root, "..", "shared", "data", "stance-real-multi"))
parser.add_argument("--annotations", default=os.path.join(root, "Evaluation", "entities", "i18n-blocs.tsv"))
parser.add_argument("--show", action="store_true")
parser.add_argument("--gate", type=float, help="fail (exit 1) when the recall of all languages is below this percentage")
args = parser.parse_args()

blocs = set()
with open(os.path.join(root, "scripts", "gazetteer", "blocs.tsv"), encoding="utf-8") as f:
    blocs = {line.split("\t")[0] for line in f if line.strip() and not line.startswith("#")}
gold = []
with open(args.annotations, encoding="utf-8") as f:
    for line in f:
        if line.strip() and not line.startswith("#"):
            identifier, language, ids = line.rstrip("\n").split("\t")
            gold.append((identifier, language, [] if ids == "-" else ids.split()))
texts = {}
for language in sorted({language for _, language, _ in gold}):
    path = os.path.join(args.data, f"{language}.jsonl.gz")
    if not os.path.exists(path):
        sys.exit(f"no {path}: the passages are in the shared data folder (see --data)")
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            texts[row["id"]] = row["text"]

with tempfile.TemporaryDirectory() as folder:
    feed = os.path.join(folder, "in.jsonl")
    with open(feed, "w", encoding="utf-8") as out:
        for identifier, language, _ in gold:
            out.write(json.dumps({"id": identifier, "lang": language, "text": texts[identifier]}, ensure_ascii=False) + "\n")
    pipeline = os.path.join(folder, "pipeline.yaml")
    with open(pipeline, "w") as out:
        out.write("pipeline: i18n-blocs\ninput: {format: jsonl, keep: [lang]}\nstages:\n"
                  "  - {id: language, uses: language}\n  - {id: entities, uses: entities, needs: [language]}\n")
    result = subprocess.run([args.glean, "run", pipeline, "-i", feed, "--progress", "never", "--summary", "none"],
                            capture_output=True, text=True, check=True)
found_by_id = {}
for line in result.stdout.splitlines():
    row = json.loads(line)
    found_by_id[row["id"]] = (row.get("language", {}).get("code"), (row.get("entities") or {}).get("entities", []))

totals = collections.defaultdict(collections.Counter)
for identifier, language, expected in gold:
    detected, entities = found_by_id[identifier]
    system = [e["canonical"] for e in entities if e["type"] == "ORG" and e["canonical"] in blocs]
    want, got = collections.Counter(expected), collections.Counter(system)
    hit = sum((want & got).values())
    counts = totals[language]
    counts.update(passages=1, gold=len(expected), found=hit, missed=len(expected) - hit, wrong=len(system) - hit,
                  people=sum(1 for e in entities if e["type"] == "PERSON"), misdetected=int(detected != language))
    if args.show and (hit < len(expected) or len(system) > hit):
        print(f"{identifier} [{language}] expected {expected} found {system}")

print(f"{'lang':5} {'passages':>8} {'mentions':>8} {'found':>6} {'missed':>6} {'wrong':>6} {'recall':>7} {'precision':>9}")
overall = collections.Counter()
for language in sorted(totals):
    counts = totals[language]
    overall.update(counts)
for language, counts in sorted(totals.items()) + [("all", overall)]:
    recall = counts["found"] / counts["gold"] if counts["gold"] else 1.0
    precision = counts["found"] / (counts["found"] + counts["wrong"]) if counts["found"] + counts["wrong"] else 1.0
    print(f"{language:5} {counts['passages']:>8} {counts['gold']:>8} {counts['found']:>6} {counts['missed']:>6} "
          f"{counts['wrong']:>6} {100 * recall:>6.1f}% {100 * precision:>8.1f}%")
recall = overall["found"] / overall["gold"] if overall["gold"] else 1.0
if args.gate is not None and 100 * recall < args.gate:
    sys.exit(f"bloc-mention recall {100 * recall:.1f}% is below the gate {args.gate}%")
