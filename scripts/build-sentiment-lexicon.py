#!/usr/bin/env python3
"""Builds the sentiment stage's lexicon resource from the VADER lexicons in ../shared.

Reads  ../shared/data/sentiment/vader_lexicon.txt       (token, mean valence, sd, ratings)
       ../shared/data/sentiment/emoji_utf8_lexicon.txt  (emoji, description)
Writes Sources/GleanStages/Sentiment/Resources/vader-lexicon.tsv (`token<TAB>valence` lines,
       the valence kept exactly as written) and vader-emoji.tsv (`emoji<TAB>description` lines),
       resources the stage reads once per process. Standard deviations and raw ratings are dropped: the method uses the mean only.

The lexicons are MIT-licensed (C.J. Hutto); see docs/stages/sentiment.md for provenance.
Run from the repository root: python3 scripts/build-sentiment-lexicon.py [SHARED_DATA_DIR]
"""
import os
import sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
data = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "..", "shared", "data", "sentiment")


def lines(name, columns):
    out = []
    with open(os.path.join(data, name), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                continue
            fields = line.strip().split("\t")
            if len(fields) < columns:
                raise SystemExit(f"{name}: malformed line {line!r}")
            out.append("\t".join(fields[:columns]))
    return out


lexicon = lines("vader_lexicon.txt", 2)
emoji = lines("emoji_utf8_lexicon.txt", 2)
folder = os.path.join(root, "Sources", "GleanStages", "Sentiment", "Resources")
for name, entries in (("vader-lexicon.tsv", lexicon), ("vader-emoji.tsv", emoji)):
    with open(os.path.join(folder, name), "w", encoding="utf-8", newline="\n") as out:
        out.write("\n".join(entries) + "\n")
print(f"wrote {folder}: vader-lexicon.tsv {len(lexicon)} words, vader-emoji.tsv {len(emoji)} emoji")
