#!/usr/bin/env python3
"""Choose the real passages of ../shared/data/stance-real to label for alignment-stance.

Deterministic (fixed seed). Every document (a source file: a speech, a briefing, an article, a
Factbook country) is assigned to `dev` or `holdout` by a hash of its path *before* anything is
labelled or tuned, so passages of one document never straddle the split. Within each source,
about two thirds of the chosen passages contain a word that often carries a stance (member,
join, partner, neutral, withdraw, ...) and one third are drawn uniformly, so that passages with
no stance stay represented.

    python3 scripts/stance_real_sample.py ../shared/data/stance-real OUTDIR

writes OUTDIR/candidates-<source>.jsonl with {"id","source","path","split","text"}.
"""
import gzip
import hashlib
import json
import random
import re
import sys
from pathlib import Path

COUNTS = {"un-general-debate": 170, "white-house": 160, "wikipedia": 170, "factbook": 100}
CUES = re.compile(
    r"\b(member|members|membership|join|joined|joining|accession|acced|appl(y|ied|ication)|candida|"
    r"partner|observer|neutral|non-align|nonalign|withdr|suspend|quit|left the|found(ing|er|ed)|"
    r"ally|allies|alliance|oppos|threat|expansion|enlargement|aspir|integrat|chair|presidency|host)",
    re.IGNORECASE,
)


def split_of(path: str) -> str:
    """30 % of documents are held out, by a hash of the document's path."""
    digest = hashlib.sha256(path.encode("utf-8")).digest()
    return "holdout" if digest[0] % 10 < 3 else "dev"


def main() -> None:
    root, out = Path(sys.argv[1]), Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    for source, count in COUNTS.items():
        rows = [json.loads(line) for line in gzip.open(root / f"{source}.jsonl.gz", "rt", encoding="utf-8")]
        rng = random.Random(f"glean-stance-real-{source}")
        cued = [r for r in rows if CUES.search(r["text"])]
        other = [r for r in rows if not CUES.search(r["text"])]
        rng.shuffle(cued)
        rng.shuffle(other)
        want_cued = min(len(cued), round(count * 2 / 3))
        # At most two passages per document, so that many documents (and countries) appear.
        chosen, per_doc = [], {}
        for pool, want in ((cued, want_cued), (other + cued[want_cued:], count)):
            for r in pool:
                if len(chosen) >= want:
                    break
                if r in chosen or per_doc.get(r["path"], 0) >= 2:
                    continue
                per_doc[r["path"]] = per_doc.get(r["path"], 0) + 1
                chosen.append(r)
        chosen.sort(key=lambda r: r["id"])
        with open(out / f"candidates-{source}.jsonl", "w", encoding="utf-8") as f:
            for r in chosen:
                row = {"id": r["id"], "source": source, "path": r["path"], "split": split_of(r["path"]), "text": r["text"]}
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
        splits = [split_of(r["path"]) for r in chosen]
        print(f"{source}: {len(chosen)} passages from {len(per_doc)} documents "
              f"({splits.count('dev')} dev, {splits.count('holdout')} holdout)")


if __name__ == "__main__":
    main()
