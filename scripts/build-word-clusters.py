#!/usr/bin/env python3
"""Builds Sources/GleanStages/Entities/Resources/word-clusters.tsv: word clusters learnt from raw
English text in ../shared/data, read by the entities tagger as features (docs/stages/entities.md).

Text (labels, where a file has any, are never read):
- stance-real/*.jsonl.gz: Wikipedia abstracts, White House articles, UN General Debate speeches,
  the CIA World Factbook (the "text" field);
- sentiment/ground-truth/*.txt: the VADER paper's tweets, reviews and editorial snippets;
- langid/testdata/en/sentences.txt: English web sentences.
No NER data (not ner-train, not Universal NER's test or PUD sets) is read, so no sentence the
tagger is scored on shapes its clusters.

Method: lower-cased tokens (words, numbers, single punctuation marks; "'s" split off as the
tagger's tokenizer does); skip-gram word2vec (gensim, 100 dimensions, window 5, 10 passes,
seed 1, one worker so that the result is deterministic) over every word seen at least 5 times;
then k-means (scikit-learn, seed 1) of the length-normalised vectors into 512 fine clusters, and
k-means of the fine clusters' centres into 48 coarse ones. Each line: word, fine cluster, coarse
cluster. Digits are kept as they are (a year and a count fall in different clusters).

usage: .build/clusters-venv/bin/python scripts/build-word-clusters.py [--shared ../shared/data]
(the venv: python3 -m venv .build/clusters-venv && .build/clusters-venv/bin/pip install
gensim==4.4.0 scikit-learn==1.9.1)
"""
import argparse
import glob
import gzip
import json
import os
import re

import numpy as np
from gensim.models import Word2Vec
from sklearn.cluster import KMeans

parser = argparse.ArgumentParser()
parser.add_argument("--shared", default="../shared/data")
parser.add_argument("--output", default="Sources/GleanStages/Entities/Resources/word-clusters.tsv")
parser.add_argument("--fine", type=int, default=512)
parser.add_argument("--coarse", type=int, default=48)
parser.add_argument("--min-count", type=int, default=5)
arguments = parser.parse_args()

TOKEN = re.compile(r"'s\b|n't\b|[^\W_]+(?:[.'’\-][^\W_]+)*\.?|\S", re.UNICODE)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'“A-Z0-9])")


def sentences_of(text):
    for line in text.split("\n"):
        for sentence in SENTENCE_END.split(line):
            tokens = [token.lower() for token in TOKEN.findall(sentence)]
            if len(tokens) > 1:
                yield tokens


corpus = []
sources = []
for path in sorted(glob.glob(os.path.join(arguments.shared, "stance-real", "*.jsonl.gz"))):
    count = 0
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            for sentence in sentences_of(json.loads(line).get("text", "")):
                corpus.append(sentence)
                count += len(sentence)
    sources.append((path, count))
for path in sorted(glob.glob(os.path.join(arguments.shared, "sentiment", "ground-truth", "*_GroundTruth.txt"))):
    count = 0
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if len(fields) >= 3:
                for sentence in sentences_of(fields[2]):
                    corpus.append(sentence)
                    count += len(sentence)
    sources.append((path, count))
path = os.path.join(arguments.shared, "langid", "testdata", "en", "sentences.txt")
count = 0
with open(path, encoding="utf-8") as f:
    for sentence in sentences_of(f.read()):
        corpus.append(sentence)
        count += len(sentence)
sources.append((path, count))

total = sum(count for _, count in sources)
model = Word2Vec(corpus, vector_size=100, window=5, min_count=arguments.min_count, sg=1, negative=5, epochs=10,
                 workers=1, seed=1)
words = sorted(model.wv.index_to_key)
vectors = np.array([model.wv[word] for word in words])
vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
fine = KMeans(n_clusters=arguments.fine, n_init=1, random_state=1).fit(vectors)
coarse = KMeans(n_clusters=arguments.coarse, n_init=4, random_state=1).fit(fine.cluster_centers_)
with open(arguments.output, "w", encoding="utf-8") as out:
    out.write("# Word clusters for the entities tagger, built by scripts/build-word-clusters.py (docs/stages/entities.md).\n")
    out.write(f"# {len(words)} words seen at least {arguments.min_count} times in {total} tokens of raw text:\n")
    for source, count in sources:
        out.write(f"#   {os.path.relpath(source, arguments.shared)}: {count} tokens\n")
    out.write(f"# word<TAB>fine cluster (of {arguments.fine})<TAB>coarse cluster (of {arguments.coarse})\n")
    for word, label in zip(words, fine.labels_):
        out.write(f"{word}\t{label}\t{coarse.labels_[label]}\n")
print(f"{len(words)} words, {total} tokens -> {arguments.output}")
