#!/usr/bin/env python3
"""Five-fold cross-validation of the entities tagger on Universal NER's English dev split.

Each fold trains `glean train entities` on four fifths of the dev sentences (sentence i goes to
fold i mod 5) and scores the fifth with `glean eval entities` (GLEAN_ENTITY_TAGGER points the
stage at the fold's weights); with several seeds, each fold is trained once per seed. Prints
each run's overall, PER, ORG and LOC F1 and their means. The test split is never read.
This is how the tagger's features and the gazetteer's effect on them are chosen
(docs/stages/entities.md).

usage: scripts/entities_cv.py [--glean .build/release/glean] [--data DEV_IOB2] [--seeds 1,2,3]
"""
import argparse
import os
import re
import subprocess
import tempfile

parser = argparse.ArgumentParser()
parser.add_argument("--glean", default=".build/release/glean")
parser.add_argument("--data", default="../shared/data/ner/uner-en-ewt/dev.iob2")
parser.add_argument("--seeds", default="1")
arguments = parser.parse_args()

with open(arguments.data, encoding="utf-8") as f:
    sentences = [block for block in f.read().split("\n\n") if block.strip()]
scores = []
with tempfile.TemporaryDirectory() as work:
    for fold in range(5):
        train = os.path.join(work, f"train{fold}.iob2")
        held = os.path.join(work, f"held{fold}.iob2")
        with open(train, "w", encoding="utf-8") as out:
            out.write("\n\n".join(s for i, s in enumerate(sentences) if i % 5 != fold) + "\n\n")
        with open(held, "w", encoding="utf-8") as out:
            out.write("\n\n".join(s for i, s in enumerate(sentences) if i % 5 == fold) + "\n\n")
        for seed in arguments.seeds.split(","):
            weights = os.path.join(work, f"tagger{fold}-{seed}.bin")
            subprocess.run([arguments.glean, "train", "entities", "--data", train, "--seed", seed, "--output", weights],
                           check=True, capture_output=True)
            report = subprocess.run([arguments.glean, "eval", "entities", "--data", held, "--news", "/nonexistent"],
                                    env={**os.environ, "GLEAN_ENTITY_TAGGER": weights}, check=True,
                                    capture_output=True, text=True).stdout
            f1 = {m.group(1): float(m.group(2))
                  for m in re.finditer(r"^(PER|ORG|LOC|ALL) .*?([\d.]+) \|", report, re.MULTILINE)}
            scores.append(f1)
            print(f"fold {fold} seed {seed}: " + "  ".join(f"{k} {f1[k]:.1f}" for k in ("ALL", "PER", "ORG", "LOC")),
                  flush=True)
print("mean: " + "  ".join(f"{k} {sum(s[k] for s in scores) / len(scores):.1f}" for k in ("ALL", "PER", "ORG", "LOC")))
