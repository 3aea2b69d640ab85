#!/usr/bin/env python3
"""How the sentiment stage's tone in other languages agrees with VADER on the English original.

No openly licensed human-rated sentiment set in these languages could be had here, so this
measures the next best thing: NTREX-128 (Federmann, Kocmi & Xin 2022, CC BY-SA 4.0,
github.com/MicrosoftTranslator/NTREX) has professional human translations of the 1,997 sentences
of the WMT19 English news test set into each language. Each English sentence is scored by the
stage with VADER and each translation by the language's lexicon (the `language` stage held to
that one language). Reported per language: Pearson r of the compounds; three-way label agreement
(thresholds -0.05/0.05) against always answering `neutral`; on the sentences VADER finds clearly
polar (|compound| >= 0.5), how often the translation's tone has the same sign, and how often it
has none. The sentences are reported in two halves: the first 999 (dev) were read to add
missing words to the lexicons, the other 998 (test) were not.
Usage: scripts/sentiment_i18n_agreement.py NTREX_GIT_DIR_OR_FOLDER [--glean PATH]
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
parser = argparse.ArgumentParser()
parser.add_argument("ntrex", help="a checkout of NTREX, or its bare git folder")
parser.add_argument("--glean", default=os.path.join(root, ".build", "release", "glean"))
args = parser.parse_args()
FILES = {"en": "newstest2019-src.eng.txt", "ru": "newstest2019-ref.rus.txt", "uk": "newstest2019-ref.ukr.txt",
         "tr": "newstest2019-ref.tur.txt", "az": "newstest2019-ref.aze-Latn.txt", "de": "newstest2019-ref.deu.txt",
         "fr": "newstest2019-ref.fra.txt", "es": "newstest2019-ref.spa.txt"}


def lines(name):
    path = os.path.join(args.ntrex, "NTREX-128", name)
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            return f.read().splitlines()
    shown = subprocess.run(["git", "--git-dir", args.ntrex, "show", f"HEAD:NTREX-128/{name}"],
                           capture_output=True, text=True, check=True)
    return shown.stdout.splitlines()


def compounds(language, texts):
    with tempfile.TemporaryDirectory() as folder:
        feed = os.path.join(folder, "in.jsonl")
        with open(feed, "w", encoding="utf-8") as out:
            for number, text in enumerate(texts):
                out.write(json.dumps({"id": str(number), "text": text}, ensure_ascii=False) + "\n")
        pipeline = os.path.join(folder, "pipeline.yaml")
        with open(pipeline, "w") as out:
            out.write(f"pipeline: agreement\ninput: {{format: jsonl}}\nstages:\n"
                      f"  - {{id: language, uses: language, with: {{candidates: [{language}]}}}}\n"
                      f"  - {{id: tone, uses: sentiment, needs: [language], with: {{sentences: false}}}}\n")
        result = subprocess.run([args.glean, "run", pipeline, "-i", feed, "--progress", "never", "--summary", "none"],
                                capture_output=True, text=True, check=True)
    values = {}
    for line in result.stdout.splitlines():
        row = json.loads(line)
        values[int(row["id"])] = (row.get("tone") or {}).get("compound", 0.0)
    return [values[number] for number in range(len(texts))]


def label(value):
    return "positive" if value >= 0.05 else "negative" if value <= -0.05 else "neutral"


def report(language, english, other):
    """Prints one language's row."""
    r = statistics.correlation(english, other)
    agree = sum(1 for a, b in zip(english, other) if label(a) == label(b)) / len(english)
    baseline = sum(1 for a in english if label(a) == "neutral") / len(english)
    polar = [(a, b) for a, b in zip(english, other) if abs(a) >= 0.5]
    same = sum(1 for a, b in polar if label(b) != "neutral" and (a > 0) == (b > 0)) / len(polar)
    none = sum(1 for a, b in polar if label(b) == "neutral") / len(polar)
    print(f"{language:5} {r:>6.3f} {100 * agree:>6.1f}% {100 * baseline:>7.1f}% {100 * same:>10.1f}% {100 * none:>10.1f}% "
          f"{100 * (1 - same - none):>14.1f}%")


english_all = compounds("en", lines(FILES["en"]))
others = {}
for language in ["ru", "uk", "tr", "az", "de", "fr", "es"]:
    texts = lines(FILES[language])
    if len(texts) != len(english_all):
        sys.exit(f"{FILES[language]}: {len(texts)} lines, not {len(english_all)}")
    others[language] = compounds(language, texts)
for half, part in (("dev", slice(0, 999)), ("test", slice(999, None))):
    english = english_all[part]
    print(f"{half}: {len(english)} sentences; VADER finds {sum(1 for v in english if abs(v) >= 0.5)} clearly polar")
    print(f"{'lang':5} {'r':>6} {'labels':>7} {'neutral':>8} {'polar same':>11} {'polar none':>11} {'polar opposite':>15}")
    for language, values in others.items():
        report(language, english, values[part])
