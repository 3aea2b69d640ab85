#!/usr/bin/env bash
# Compares the sentiment stage with the reference vaderSentiment 3.3.2, in one session:
# faithfulness (share of texts whose compound is within 1e-4, every difference listed) and
# speed (texts per second on one core, both pinned to the same core).
# usage: scripts/vader-reference.sh [GROUND_TRUTH_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-../shared/data/sentiment/ground-truth}
venv=.build/vader-venv
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install -q vaderSentiment==3.3.2
swift build -c release --product glean
pin=""
command -v taskset >/dev/null && pin="taskset -c 0"
reference=$($pin "$venv/bin/python" scripts/vader_reference.py "$data" .build/vader-reference.jsonl)
echo "$reference"
ours=$($pin .build/release/glean eval sentiment --data "$data" --reference .build/vader-reference.jsonl)
echo "$ours"
ref_rate=$(echo "$reference" | sed -n 's/.*: \([0-9]*\) texts\/s.*/\1/p')
our_rate=$(echo "$ours" | sed -n 's/^speed: .*: \([0-9]*\) texts\/s.*/\1/p')
awk -v a="$our_rate" -v b="$ref_rate" 'BEGIN { printf "speed ratio: glean %.1fx vaderSentiment 3.3.2 (same core, same session)\n", a / b }'
