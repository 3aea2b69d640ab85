#!/usr/bin/env python3
"""How well two labellings of the same passages agree, scored much as `glean eval stance` scores
the model: pairs matched on (actor, bloc); pair precision, recall and F1 of the second labelling
against the first; strict and lenient stance agreement on matched pairs (the second's primary
stance equal to the first's primary, or among the first's acceptable ones); per-stance F1. Unlike
`glean eval stance`, whose macro F1 averages all five stances, the macro F1 here averages only
the stances either labelling uses, since a small sample may hold none of a rare one.

    python3 scripts/stance_agreement.py FIRST.jsonl... --second SECOND.jsonl

Every labelling file holds rows {"id", "pairs"}; only the ids of SECOND are scored (FIRST may be
the project's labelled files, which hold more). The wave-10 second labelling
(`Evaluation/alignment-stance/agreement-wave10.jsonl`, 100 passages labelled again blind) against
the first:

    python3 scripts/stance_agreement.py Evaluation/alignment-stance/real-dev-wave10.jsonl \\
        Evaluation/alignment-stance/real-holdout-i.jsonl --second Evaluation/alignment-stance/agreement-wave10.jsonl

and wave 11's (`agreement-wave11.jsonl`, all 290 passages labelled again blind; pair F1 97.4
against the labels as committed, 95.4 against the first labels before the passages where the
two differed were decided):

    python3 scripts/stance_agreement.py Evaluation/alignment-stance/real-dev-wave11.jsonl \\
        Evaluation/alignment-stance/real-holdout-j.jsonl --second Evaluation/alignment-stance/agreement-wave11.jsonl
"""
import argparse
import json
from collections import Counter

STANCES = ["member", "seeking", "partner", "neutral", "opposed"]


def read(paths):
    """id → {(actor, bloc): [stance, acceptable…]} over every row of `paths`."""
    rows = {}
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    row = json.loads(line)
                    rows[row["id"]] = {(p[0], p[1]): p[2:] for p in row["pairs"]}
    return rows


def agreement(first, second):
    """The scores of `second` against `first` over the ids of `second`."""
    missing = [i for i in second if i not in first]
    if missing:
        raise SystemExit(f"{len(missing)} ids of the second labelling are not in the first, e.g. {missing[0]}")
    matched = strict = lenient = only_first = only_second = 0
    right, labelled, found = Counter(), Counter(), Counter()
    for passage, theirs in second.items():
        ours = first[passage]
        for key, stances in ours.items():
            labelled[stances[0]] += 1
            if key not in theirs:
                only_first += 1
                continue
            matched += 1
            strict += theirs[key][0] == stances[0]
            lenient += theirs[key][0] in stances
            right[stances[0]] += theirs[key][0] == stances[0]
        for key, stances in theirs.items():
            found[stances[0]] += 1
            only_second += key not in ours
    precision = matched / (matched + only_second) if matched + only_second else 0.0
    recall = matched / (matched + only_first) if matched + only_first else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    per_stance = {}
    for stance in STANCES:
        if labelled[stance] + found[stance] == 0:
            continue
        p = right[stance] / found[stance] if found[stance] else 0.0
        r = right[stance] / labelled[stance] if labelled[stance] else 0.0
        per_stance[stance] = (2 * p * r / (p + r) if p + r else 0.0, labelled[stance], found[stance])
    return {
        "passages": len(second), "pairs": (sum(labelled.values()), sum(found.values())),
        "precision": precision, "recall": recall, "f1": f1,
        "strict": strict / matched if matched else 0.0, "lenient": lenient / matched if matched else 0.0,
        "per_stance": per_stance,
        "macro": sum(v[0] for v in per_stance.values()) / len(per_stance) if per_stance else 0.0,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("first", nargs="+", help="the first labelling (JSON Lines, any number of files)")
    parser.add_argument("--second", required=True, help="the second labelling of some of the same passages")
    args = parser.parse_args()
    score = agreement(read(args.first), read([args.second]))
    first_pairs, second_pairs = score["pairs"]
    print(f"{score['passages']} passages, {first_pairs} pairs in the first labelling, {second_pairs} in the second")
    print(f"pairs: P {100 * score['precision']:.1f}  R {100 * score['recall']:.1f}  F1 {100 * score['f1']:.1f}")
    print(f"stance on matched pairs: strict {100 * score['strict']:.1f} %, lenient {100 * score['lenient']:.1f} %")
    for stance, (f1, labelled, found) in score["per_stance"].items():
        print(f"  {stance:8} F1 {100 * f1:5.1f}  ({labelled} in the first, {found} in the second)")
    print(f"macro F1 over the stances present: {100 * score['macro']:.1f}")


if __name__ == "__main__":
    main()
