#!/usr/bin/env bash
# How the entities tagger's features and settings are chosen: trains on the `train` part of
# every ner-train source (GleanEvaluation.DocumentSplit), scores the `dev` part, and prints
# F1 pooled over GUM and WikiGold (news, biographies, Wikipedia), over Universal NER's web text
# and over the tweets, then Universal NER's test split and the hand-annotated news sets. The
# held-out documents are never read (scripts/entities_holdout.sh, once, at the end).
# usage: scripts/entities_dev.sh [extra `glean train entities` options, e.g. --epochs 10]
set -euo pipefail
cd "$(dirname "$0")/.."
glean=.build/release/glean
[ -x "$glean" ] || swift build -c release --product glean
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$glean" train entities --parts train --output "$work/tagger.bin" "$@" 2>/dev/null
export GLEAN_ENTITY_TAGGER="$work/tagger.bin"
for file in uner-en-ewt-train.iob2.gz uner-en-ewt-dev.iob2 gum-train.iob2 gum-dev.iob2 wikigold.iob2 btc.iob2.gz; do
    "$glean" eval entities --data "../shared/data/ner-train/$file" --parts dev --no-speed --news /nonexistent |
        awk -v file="$file" '/^(PER|ORG|LOC) / { print file, $1, $2, $3, $4 }'
done >"$work/counts"
pool() {
    awk -v pattern="$1" -v label="$2" '$1 ~ pattern { g[$2] += $3; f[$2] += $4; r[$2] += $5; G += $3; F += $4; R += $5 }
        END {
            printf "%s", label
            split("PER ORG LOC", types, " ")
            for (i = 1; i <= 3; i++) { t = types[i]; printf "  %s %.1f", t, f1(g[t], f[t], r[t]) }
            printf "  ALL %.1f\n", f1(G, F, R)
        }
        function f1(g, f, r,   p, c) { p = r / (f > 0 ? f : 1); c = r / (g > 0 ? g : 1); return p + c > 0 ? 200 * p * c / (p + c) : 0 }' "$work/counts"
}
pool '^(gum|wikigold)' "dev, news and Wikipedia (GUM, WikiGold):"
pool '^uner' "dev, web text (Universal NER EWT):        "
pool '^btc' "dev, tweets (BTC):                        "
"$glean" eval entities --no-speed | grep -E '(^Evaluation|^\.\./|^ALL)'
