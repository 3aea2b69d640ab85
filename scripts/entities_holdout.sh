#!/usr/bin/env bash
# The entities tagger on the held-out documents of every ner-train source (never trained on:
# GleanEvaluation.DocumentSplit; GUM's own test partition is GUM's), one table per source, then
# the news and Wikipedia estimate: GUM's test documents (news, biographies, interviews, travel,
# academic, court) and WikiGold's held-out articles pooled. Run it once, at the end; tune on
# `--parts dev` instead (docs/stages/entities.md).
# usage: scripts/entities_holdout.sh [--show-errors]
set -euo pipefail
cd "$(dirname "$0")/.."
data=../shared/data/ner-train
glean=.build/release/glean
[ -x "$glean" ] || swift build -c release --product glean
pooled=$(mktemp)
trap 'rm -f "$pooled"' EXIT
for file in uner-en-ewt-train.iob2.gz uner-en-ewt-dev.iob2 gum-test.iob2 wikigold.iob2 btc.iob2.gz; do
    report=$("$glean" eval entities --data "$data/$file" --parts holdout --no-speed --news /nonexistent "$@")
    echo "$report"
    echo
    case $file in gum-test* | wikigold*) echo "$report" | grep -E '^(PER|ORG|LOC) ' >>"$pooled" ;; esac
done
echo "news and Wikipedia (GUM test + WikiGold held-out articles), pooled:"
awk '{ gold[$1] += $2; found[$1] += $3; right[$1] += $4; g += $2; f += $3; r += $4 }
    END {
        printf "type   gold   found   right      P      R     F1\n"
        split("PER ORG LOC", types, " ")
        for (i = 1; i <= 3; i++) { t = types[i]; line(t, gold[t], found[t], right[t]) }
        line("ALL", g, f, r)
    }
    function line(t, g, f, r,   p, c) {
        p = 100 * r / (f > 0 ? f : 1); c = 100 * r / (g > 0 ? g : 1)
        printf "%-4s %6d  %6d  %6d  %5.1f  %5.1f  %5.1f\n", t, g, f, r, p, c, (p + c > 0 ? 2 * p * c / (p + c) : 0)
    }' "$pooled"
