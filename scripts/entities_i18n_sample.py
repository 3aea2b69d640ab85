#!/usr/bin/env python3
"""Draws the passages of Evaluation/entities/i18n-blocs*.tsv from ../shared/data/stance-real-multi.

Per language, the passages of at most 700 characters are shuffled (seed 17): the first 10 are the
first draw (i18n-blocs.tsv, used to fix the rules), the next 10 the second (i18n-blocs-holdout.tsv,
scored once and left unfixed); where fewer than 20 are that short (Azerbaijani, French), the second
draw takes passages of 700 to 1,500 characters, shuffled the same way. Prints id<TAB>language<TAB>text
lines of the chosen draw for annotating by hand.
Usage: scripts/entities_i18n_sample.py first|second
"""
import gzip
import json
import os
import random
import sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
data = os.path.join(root, "..", "shared", "data", "stance-real-multi")
draw = sys.argv[1] if len(sys.argv) > 1 else "first"
rng = random.Random(17)
for language in ["ru", "uk", "tr", "az", "de", "fr", "es"]:
    with gzip.open(os.path.join(data, f"{language}.jsonl.gz"), "rt", encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    short = [row for row in rows if len(row["text"]) <= 700]
    rng.shuffle(short)
    if draw == "first":
        chosen = short[:10]
    else:
        chosen = short[10:20]
        if len(chosen) < 10:
            longer = [row for row in rows if 700 < len(row["text"]) <= 1500]
            random.Random(17).shuffle(longer)
            chosen += longer[: 10 - len(chosen)]
    for row in chosen:
        print(f"{row['id']}\t{language}\t{row['text']}")
