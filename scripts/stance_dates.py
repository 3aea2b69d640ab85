#!/usr/bin/env python3
"""Writes the `date` of each labelled real passage for alignment-stance: when its document was
written, from its corpus's own metadata, so that `glean train stance` and `glean eval stance` can
read passages as the stage reads documents with `date_field` (the membership table is then read
at that year when the passage names none).

    python3 scripts/stance_dates.py [FILE ...]   (default: Evaluation/alignment-stance/real-*.jsonl)

The date comes from the document a passage was cut from (the part of its id before `#`, the same
for its translations, `…@de`), as each corpus's own description gives it:
- UN General Debate: the session's year (`Session 17 - 1962/…`), written as the year alone;
- White House: the page's date (`2025-07/2025-07-31-fact-sheet-…`);
- ParlaMint debates: the sitting's date in the file name (`ParlaMint-AT_1996-04-16-…`,
  `…-tbmm-2017-01-14.xml`);
- CIA World Factbook: 2025, the year of its final 2025/26 edition the rows were read from;
- English Wikipedia: 2019, the year of the snapshot the rows were read from;
- NTREX-128: 2019, the year of the WMT newstest2019 articles it translates.
Other sources (the Ukrainian Wikipedia test file, FactRuEval, UA-GEC, XQuAD) give no date the
rows can be tied to, and their rows get none. Rerunning gives the same files.
"""
import glob
import json
import re
import sys

SNAPSHOTS = {"factbook": "2025", "wikipedia": "2019", "ntrex": "2019"}


def date_of(passage_id):
    """The date of the document `passage_id` was cut from, or None."""
    document = passage_id.split("#", 1)[0]
    source = document.split("/", 1)[0]
    if source == "un-general-debate":
        found = re.search(r"/Session \d+ - (\d{4})/", document)
        return found.group(1) if found else None
    if source == "white-house":
        found = re.search(r"/(\d{4}-\d\d-\d\d)-[^/]*$", document)
        return found.group(1) if found else None
    if source.startswith("parlamint-"):
        found = re.search(r"(\d{4}-\d\d-\d\d)", document.rsplit("/", 1)[-1])
        return found.group(1) if found else None
    return SNAPSHOTS.get(source)


def main():
    files = sys.argv[1:] or sorted(glob.glob("Evaluation/alignment-stance/real-*.jsonl"))
    for path in files:
        with open(path, encoding="utf-8") as f:
            rows = [json.loads(line) for line in f if line.strip()]
        dated = 0
        for row in rows:
            date = date_of(row["id"])
            row.pop("date", None)
            if date:
                # Right after `id`, so the fields keep one order in every file.
                ordered = {}
                for key, value in row.items():
                    ordered[key] = value
                    if key == "id":
                        ordered["date"] = date
                row.clear()
                row.update(ordered)
                dated += 1
        with open(path, "w", encoding="utf-8") as f:
            for row in rows:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"{path}: {dated} of {len(rows)} rows dated")


if __name__ == "__main__":
    main()
