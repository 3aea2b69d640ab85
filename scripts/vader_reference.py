#!/usr/bin/env python3
"""Scores VADER's human-rated sets with the reference vaderSentiment package.

usage: vader_reference.py GROUND_TRUTH_DIR OUT.jsonl
Writes one JSON line per text (set, id, compound, neg, neu, pos) and prints the reference's
throughput on one core (best of three passes over all texts).
"""
import json
import sys
import time

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

SETS = [
    ("tweets", "tweets_GroundTruth.txt"),
    ("movie", "movieReviewSnippets_GroundTruth.txt"),
    ("amazon", "amazonReviewSnippets_GroundTruth.txt"),
    ("nyt", "nytEditorialSnippets_GroundTruth.txt"),
]

folder, out_path = sys.argv[1], sys.argv[2]
items = []
for name, file in SETS:
    with open(f"{folder}/{file}", "rb") as f:
        for raw in f.read().split(b"\n"):
            line = raw[:-1] if raw.endswith(b"\r") else raw
            fields = line.split(b"\t", 2)
            if len(fields) != 3:
                continue
            try:
                float(fields[1])
            except ValueError:
                continue
            items.append((name, fields[0].decode("utf-8", "replace"), fields[2].decode("utf-8", "replace")))

analyzer = SentimentIntensityAnalyzer()
with open(out_path, "w", encoding="utf-8") as out:
    for name, ident, text in items:
        s = analyzer.polarity_scores(text)
        out.write(json.dumps({"set": name, "id": ident, "compound": s["compound"], "neg": s["neg"], "neu": s["neu"], "pos": s["pos"]}) + "\n")

best = float("inf")
for _ in range(3):
    start = time.perf_counter()
    for _, _, text in items:
        analyzer.polarity_scores(text)
    best = min(best, time.perf_counter() - start)
print(f"reference speed: {len(items)} texts in {best:.3f} s on one core: {len(items) / best:.0f} texts/s")
