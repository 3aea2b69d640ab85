#!/usr/bin/env bash
# Speed of the language stage beside lingua-language-detector (high-accuracy mode, all 75
# languages) and pycld2, in one session, each on the same sentences and pinned to one core.
# usage: scripts/language-reference.sh [LANGID_DATA_DIR] [SENTENCES_PER_LANGUAGE]
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-../shared/data/langid}
lines=${2:-100}
venv=.build/langid-venv
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install -q lingua-language-detector pycld2
swift build -c release --product glean
pin=""
command -v taskset >/dev/null && pin="taskset -c 0"
reference=$($pin "$venv/bin/python" scripts/language_reference.py "$data" "$lines")
echo "$reference"
ours=$($pin .build/release/glean eval language --data "$data" --limit "$lines")
echo "$ours" | tail -2
our_rate=$(echo "$ours" | sed -n 's/.*on one core: \([0-9]*\) sentences\/s.*/\1/p')
echo "$reference" | sed -n 's/^\(.*\): .* on one core: \([0-9]*\) sentences\/s.*/\1 \2/p' | while read -r line; do
    rate=${line##* }
    name=${line% *}
    awk -v a="$our_rate" -v b="$rate" -v n="$name" 'BEGIN { printf "speed ratio: glean %.1fx %s (same core, same session)\n", a / b, n }'
done
