#!/usr/bin/env python3
"""Choose the real passages of ../shared/data/stance-real to label for alignment-stance.

Deterministic (fixed seed). Every document (a source file: a speech, a briefing, an article, a
Factbook country) is assigned to `dev` or `holdout` by a hash of its path *before* anything is
labelled or tuned, so passages of one document never straddle the split. Within each source,
about two thirds of the chosen passages contain a word that often carries a stance (member,
join, partner, neutral, withdraw, ...) and one third are drawn uniformly, so that passages with
no stance stay represented.

    python3 scripts/stance_real_sample.py ../shared/data/stance-real OUTDIR

    python3 scripts/stance_real_sample.py ../shared/data/stance-real-multi OUTDIR --multi

writes OUTDIR/candidates-<source>.jsonl with {"id","source","path","split","text"}, and
OUTDIR/candidates-rare.jsonl: a second draw, made after the first was labelled had shown that
neutral, opposed and seeking passages are rare in real text (about 5 % of pairs), of passages
not chosen before that contain words of those stances (neutrality and non-alignment, refusals;
threats, withdrawal and hostility; applications, candidacy and accession), spread over the
three large sources.
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


RARE = {
    "neutral": re.compile(r"\b(neutral|neutrality|non-align|nonalign|will not join|not join|no intention|"
                          r"not seek|declin|refus|balanced|multi-vector|equidistan|not on the agenda)", re.I),
    "opposed": re.compile(r"\b(threat|aggressi|imperialis|expansion|enlargement|withdr|suspend|quit|"
                          r"hostil|encircl|provocat|counterweight|against (the )?(nato|eu|alliance))", re.I),
    "seeking": re.compile(r"\b(appl(ied|ication)|candida|accession|aspir|bid to join|seek(s|ing)? (to join|membership)|"
                          r"membership action plan|integration into|join (the )?(eu|european union|nato))", re.I),
}
# A third draw, after the second still gave only three neutral pairs: phrases of neutrality and
# refusal proper.
NEUTRAL = re.compile(
    r"(neutrality|neutral (state|country|status|policy)|not (a )?member of (the )?(nato|european union|eu\b)|"
    r"outside (of )?(nato|the eu|the european union)|(will|would|does|do) not (seek to )?join|non-member|"
    r"militarily non-aligned|military non-alignment|no intention of joining|not seek(ing)? membership|"
    r"declined to join|refused to join|remain outside|stay(ed)? out of)", re.I)
RARE_COUNTS = {"un-general-debate": 15, "white-house": 10, "wikipedia": 15}


def split_of(path: str) -> str:
    """30 % of documents are held out, by a hash of the document's path."""
    digest = hashlib.sha256(path.encode("utf-8")).digest()
    return "holdout" if digest[0] % 10 < 3 else "dev"


def write_candidates(path: Path, rows: list) -> str:
    """Writes the rows, sorted by id, as JSON Lines; says how many fall in each split."""
    rows.sort(key=lambda r: r["id"])
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    splits = [r["split"] for r in rows]
    return f"({splits.count('dev')} dev, {splits.count('holdout')} holdout)"


def chosen_ids(out: Path, names) -> set:
    """The ids of the passages earlier draws chose (their candidates files in `out`)."""
    ids = set()
    for name in names:
        with open(out / f"candidates-{name}.jsonl", encoding="utf-8") as f:
            ids.update(json.loads(line)["id"] for line in f)
    return ids


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
        rows = [{"id": r["id"], "source": source, "path": r["path"], "split": split_of(r["path"]), "text": r["text"]}
                for r in chosen]
        counts = write_candidates(out / f"candidates-{source}.jsonl", rows)
        print(f"{source}: {len(chosen)} passages from {len(per_doc)} documents {counts}")


def rare(root: Path, out: Path) -> None:
    """The second draw: passages with words of the rare stances, none chosen before."""
    chosen_before = chosen_ids(out, COUNTS)
    picked = []
    for source, per_stance in RARE_COUNTS.items():
        rows = [json.loads(line) for line in gzip.open(root / f"{source}.jsonl.gz", "rt", encoding="utf-8")]
        rng = random.Random(f"glean-stance-real-rare-{source}")
        rng.shuffle(rows)
        seen_docs = set()
        for stance, pattern in RARE.items():
            taken = 0
            for r in rows:
                if taken >= per_stance:
                    break
                if r["id"] in chosen_before or r["path"] in seen_docs or not pattern.search(r["text"]):
                    continue
                seen_docs.add(r["path"])
                chosen_before.add(r["id"])
                picked.append({"id": r["id"], "source": source, "path": r["path"], "split": split_of(r["path"]),
                               "text": r["text"]})
                taken += 1
    print(f"rare: {len(picked)} passages {write_candidates(out / 'candidates-rare.jsonl', picked)}")


def neutral(root: Path, out: Path, count: int = 60) -> None:
    """The third draw: passages with phrases of neutrality or refusal, none chosen before."""
    chosen_before = chosen_ids(out, [*COUNTS, "rare"])
    rows = []
    for source in COUNTS:
        rows += [json.loads(line) for line in gzip.open(root / f"{source}.jsonl.gz", "rt", encoding="utf-8")]
    rng = random.Random("glean-stance-real-neutral")
    rng.shuffle(rows)
    picked, seen_docs = [], set()
    for r in rows:
        if len(picked) >= count:
            break
        if r["id"] in chosen_before or r["path"] in seen_docs or not NEUTRAL.search(r["text"]):
            continue
        seen_docs.add(r["path"])
        picked.append({"id": r["id"], "source": r["source"], "path": r["path"], "split": split_of(r["path"]),
                       "text": r["text"]})
    print(f"neutral: {len(picked)} passages {write_candidates(out / 'candidates-neutral.jsonl', picked)}")


def document_of(row: dict) -> str:
    """The document a passage belongs to: its file, or for NTREX (one file of many news
    stories) the story, named before the `:` of the locator."""
    locator = row["id"].split("#", 1)[1] if "#" in row["id"] else ""
    return row["path"] + ("#" + locator.split(":", 1)[0] if ":" in locator else "")


MULTI_COUNTS = {"ru": 45, "uk": 45, "tr": 45, "az": 45, "de": 50, "fr": 45, "es": 50}


def multi(root: Path, out: Path) -> None:
    """Passages of ../shared/data/stance-real-multi to label, per language; split by document."""
    for lang, count in MULTI_COUNTS.items():
        rows = [json.loads(line) for line in gzip.open(root / f"{lang}.jsonl.gz", "rt", encoding="utf-8")]
        rng = random.Random(f"glean-stance-real-multi-{lang}")
        cued = [r for r in rows if CUES_MULTI.search(r["text"])]
        other = [r for r in rows if not CUES_MULTI.search(r["text"])]
        rng.shuffle(cued)
        rng.shuffle(other)
        picked, per_doc = [], {}
        for r in cued[: round(count * 2 / 3)] + other + cued[round(count * 2 / 3):]:
            if len(picked) >= count:
                break
            if per_doc.get(document_of(r), 0) >= (3 if len(rows) > 1000 else count):
                continue
            per_doc[document_of(r)] = per_doc.get(document_of(r), 0) + 1
            picked.append({"id": r["id"], "lang": lang, "source": r["source"], "path": r["path"],
                           "licence": r.get("licence"), "split": split_of(r["path"]), "text": r["text"]})
        # Documents are few in the thin languages, so the split is balanced per language: documents
        # in the order of their path's hash go to the holdout until it holds about 30 % of passages.
        sizes = {}
        for r in picked:
            sizes[document_of(r)] = sizes.get(document_of(r), 0) + 1
        held, held_count = set(), 0
        for path in sorted(sizes, key=lambda p: hashlib.sha256(p.encode("utf-8")).hexdigest()):
            if held_count >= 0.3 * len(picked) or held_count + sizes[path] > 0.45 * len(picked):
                continue
            held.add(path)
            held_count += sizes[path]
        for r in picked:
            r["split"] = "holdout" if document_of(r) in held else "dev"
        counts = write_candidates(out / f"candidates-multi-{lang}.jsonl", picked)
        print(f"{lang}: {len(picked)} of {len(rows)} passages {counts}")


# Words of membership, accession, partnership, neutrality and hostility in the seven languages.
CUES_MULTI = re.compile(
    r"(член|вступ|присоедин|партн|нейтрал|угроз|выход|вихід|загроз|приєдн|"
    r"üye|katıl|ortak|tarafsız|tehdit|üzv|qoşul|tərəfdaş|bitərəf|"
    r"mitglied|beitr|partner|neutral|bedroh|austritt|"
    r"membre|adhés|adhér|partenai|neutr|menace|retrait|"
    r"miembro|adhesi|ingres|socio|neutral|amenaza|retir)", re.IGNORECASE)


def labelled_ids(folder: Path) -> set:
    """The ids of every passage already in the project's labelled files (`real-*.jsonl`)."""
    ids = set()
    for path in folder.glob("real-*.jsonl"):
        with open(path, encoding="utf-8") as f:
            ids.update(json.loads(line)["id"] for line in f)
    return ids


def pick(rows: list, want: int, taken: set, seen_docs: set, pattern=None) -> list:
    """Up to `want` rows, in the given order, that match `pattern` (when given), are not in
    `taken`, and come from a document not used yet; marks what it picks in both sets."""
    picked = []
    for r in rows:
        if len(picked) >= want:
            break
        if r["id"] in taken or r["path"] in seen_docs or (pattern and not pattern.search(r["text"])):
            continue
        taken.add(r["id"])
        seen_docs.add(r["path"])
        picked.append({"id": r["id"], "source": r["source"], "path": r["path"], "split": split_of(r["path"]),
                       "text": r["text"]})
    return picked


# The fourth draw (wave 3), after 779 labelled passages had given 27 neutral and 23 opposed pairs:
# passages that name a bloc near words of the rare stances, and a general draw of passages with
# stance words. Every document still goes to dev or holdout by `split_of`, so the holdout
# passages of this draw are a second, unseen holdout (real-holdout-b.jsonl).
BLOC = r"(nato|north atlantic|european union|\beu\b|csto|collective security|shanghai cooperation|\bsco\b|brics|" \
       r"eurasian|commonwealth|non-aligned|warsaw pact|asean|african union|arab league|opec|gulf cooperation|" \
       r"organization of american states|mercosur|council of europe|g77|group of 77)"
TARGETED = {
    "neutral": (re.compile(NEUTRAL.pattern + "|" + RARE["neutral"].pattern, re.I), 110),
    "opposed": (re.compile(RARE["opposed"].pattern + r"|\b(left|leave|leaving|exit(ed)?|expelled|sanction)", re.I), 110),
    "seeking": (RARE["seeking"], 60),
    "partner": (re.compile(r"\b(partnership|partner country|observer status|dialogue partner|associate|cooperation "
                           r"agreement|partnership for peace|eastern partnership)", re.I), 50),
}
GENERAL = {"un-general-debate": 60, "white-house": 50, "wikipedia": 60, "factbook": 30}


def targeted_draw(root: Path, seed: str, wanted: dict, taken: set):
    """Every passage of the four sources, shuffled by `seed`; then, in the order of `wanted`
    (stance: (pattern, count)), up to `count` passages that name a bloc and match the pattern,
    not in `taken`, one per document. Returns the shuffled rows, the documents used and the picks."""
    rows = []
    for source in COUNTS:
        rows += [json.loads(line) for line in gzip.open(root / f"{source}.jsonl.gz", "rt", encoding="utf-8")]
    random.Random(seed).shuffle(rows)
    bloc = re.compile(BLOC, re.I)
    near_bloc = [r for r in rows if bloc.search(r["text"])]
    seen_docs, picked = set(), []
    for pattern, want in wanted.values():
        picked += pick(near_bloc, want, taken, seen_docs, pattern)
    return rows, seen_docs, picked


def wave3(root: Path, out: Path, labelled: Path) -> None:
    """The fourth and fifth draws: targeted passages of the rare stances, then general ones."""
    taken = labelled_ids(labelled)
    rows, seen_docs, targeted = targeted_draw(root, "glean-stance-real-wave3", TARGETED, taken)
    print(f"targeted: {len(targeted)} passages {write_candidates(out / 'candidates-targeted.jsonl', targeted)}")
    general = []
    for source, want in GENERAL.items():
        general += pick([r for r in rows if r["source"] == source], want, taken, seen_docs, CUES)
    print(f"general: {len(general)} passages {write_candidates(out / 'candidates-general.jsonl', general)}")


def document_key(passage_id: str) -> str:
    """The document of a passage id: the part before `#`, and for NTREX the story too."""
    path, _, locator = passage_id.partition("#")
    return path + ("#" + locator.split(":", 1)[0] if ":" in locator else "")


MULTI2_COUNTS = {"ru": 70, "uk": 70, "tr": 45, "de": 50, "es": 50}


def multi2(root: Path, out: Path, labelled: Path) -> None:
    """The second multilingual draw (wave 3): see `multilingual_draw`."""
    multilingual_draw(root, out, labelled, "multi2", MULTI2_COUNTS)


def multilingual_draw(root: Path, out: Path, labelled: Path, name: str, counts: dict) -> None:
    """A multilingual draw: `counts` (language: count) passages not labelled before, at most
    three per document, split by document (30 % held out by the hash of the document); writes
    OUT/candidates-NAME.jsonl."""
    taken = labelled_ids(labelled)
    # A document labelled before keeps the side it was given then.
    earlier = {}
    for path in sorted(labelled.glob("real-multi-*.jsonl")):
        side = "dev" if path.stem == "real-multi-dev" else "holdout"
        with open(path, encoding="utf-8") as f:
            for line in f:
                earlier[document_key(json.loads(line)["id"])] = side
    picked = []
    for lang, count in counts.items():
        rows = [json.loads(line) for line in gzip.open(root / f"{lang}.jsonl.gz", "rt", encoding="utf-8")]
        rows = [r for r in rows if r["id"] not in taken]
        rng = random.Random(f"glean-stance-real-{name}-{lang}")
        rng.shuffle(rows)
        rows.sort(key=lambda r: not CUES_MULTI.search(r["text"]))  # stance words first, stable
        per_doc, chosen = {}, []
        for r in rows:
            if len(chosen) >= count:
                break
            doc = document_key(r["id"])
            if per_doc.get(doc, 0) >= (3 if len(rows) > 1000 else 8):
                continue
            per_doc[doc] = per_doc.get(doc, 0) + 1
            chosen.append({"id": r["id"], "lang": lang, "source": r["source"], "path": r["path"],
                           "licence": r.get("licence"), "split": earlier.get(doc) or split_of(doc), "text": r["text"]})
        picked += chosen
    print(f"{name}: {len(picked)} passages {write_candidates(out / f'candidates-{name}.jsonl', picked)}")


# The sixth draw (wave 4), after 1,083 labelled English passages had given 57 neutral and 115
# opposed pairs, the classes the model reads worst: passages that name a bloc and a phrase of
# neutrality or refusal proper, of withdrawal, suspension or hostility to enlargement, of an
# application or candidacy, or of a partnership. Documents keep the side `split_of` gives them;
# the holdout side becomes a third unseen holdout (real-holdout-c.jsonl).
WAVE4 = {
    "neutral": (NEUTRAL, 70),
    "opposed": (re.compile(r"\b(withdr[ae]w|withdrawal|suspended|suspension|quit|left the|expelled|"
                           r"(nato|eu|alliance)('s)? (expansion|enlargement)|(expansion|enlargement) of (the )?(nato|eu|alliance)|"
                           r"threat|hostil|against (the )?(nato|eu|alliance))", re.I), 70),
    "seeking": (RARE["seeking"], 40),
    "partner": (TARGETED["partner"][0], 20),
}


def wave4(root: Path, out: Path, labelled: Path) -> None:
    """The sixth draw: passages of the rare stances not labelled before, one per document."""
    _, _, picked = targeted_draw(root, "glean-stance-real-wave4", WAVE4, labelled_ids(labelled))
    print(f"wave4: {len(picked)} passages {write_candidates(out / 'candidates-wave4.jsonl', picked)}")


# The seventh draw (wave 5), after a learning curve on real-dev (half of its documents scored by a
# model trained on a quarter, half, three quarters and all of the other half: strict macro F1
# 39.4, 40.0, 42.6, 44.2) said more labelled English text still pays: general passages that name
# a bloc beside a stance word, from each source in about the proportions of the hidden checks,
# and a smaller targeted part for the rare stances. Holdout documents become real-holdout-d.jsonl.
WAVE5_GENERAL = {"un-general-debate": 120, "white-house": 80, "wikipedia": 120, "factbook": 40}
WAVE5_TARGETED = {"neutral": (NEUTRAL, 30), "opposed": (WAVE4["opposed"][0], 40), "seeking": (RARE["seeking"], 10)}


def wave5(root: Path, out: Path, labelled: Path) -> None:
    """The seventh draw: targeted passages of the rare stances, then general ones, one per document."""
    mixed_draw(root, out, labelled, "wave5", WAVE5_TARGETED, WAVE5_GENERAL)


def mixed_draw(root: Path, out: Path, labelled: Path, name: str, targeted: dict, general: dict) -> None:
    """Passages not labelled before, one per document: first `targeted` (stance: (pattern,
    count)) among passages that name a bloc, then `general` (source: count) passages that name a
    bloc beside a stance word; writes OUT/candidates-NAME.jsonl."""
    taken = labelled_ids(labelled)
    rows, seen_docs, picked = targeted_draw(root, f"glean-stance-real-{name}", targeted, taken)
    bloc = re.compile(BLOC, re.I)
    for source, want in general.items():
        pool = [r for r in rows if r["source"] == source and bloc.search(r["text"])]
        picked += pick(pool, want, taken, seen_docs, CUES)
    print(f"{name}: {len(picked)} passages {write_candidates(out / f'candidates-{name}.jsonl', picked)}")


# The eighth draw (wave 6): wave 5's draw gave cross-validated gains on every seed, and the
# learning curve had not flattened; the same kinds of passage again, mostly general.
WAVE6_GENERAL = {"un-general-debate": 150, "white-house": 100, "wikipedia": 150, "factbook": 20}
WAVE6_TARGETED = {"neutral": (NEUTRAL, 20), "opposed": (WAVE4["opposed"][0], 20)}


def wave6(root: Path, out: Path, labelled: Path) -> None:
    """The eighth draw: as the seventh, with its own seed and counts."""
    mixed_draw(root, out, labelled, "wave6", WAVE6_TARGETED, WAVE6_GENERAL)


# The ninth draw (wave 7): wave 6's dev side, audited, raised English pair F1 on every seed of
# the same folds; the same kinds of passage again, with a little more for opposed.
WAVE7_GENERAL = {"un-general-debate": 140, "white-house": 100, "wikipedia": 140, "factbook": 20}
WAVE7_TARGETED = {"neutral": (NEUTRAL, 20), "opposed": (WAVE4["opposed"][0], 30)}


def wave7(root: Path, out: Path, labelled: Path) -> None:
    """The ninth draw: as the seventh, with its own seed and counts."""
    mixed_draw(root, out, labelled, "wave7", WAVE7_TARGETED, WAVE7_GENERAL)


# The tenth draw (wave 8): wave 7 raised cross-validated pair and macro F1 again; neutral and
# opposed stay the stances read worst (about 44 and 38 F1 cross-validated), so a larger targeted
# part for them beside the general one.
WAVE8_GENERAL = {"un-general-debate": 110, "white-house": 70, "wikipedia": 110, "factbook": 10}
WAVE8_TARGETED = {"neutral": (NEUTRAL, 40), "opposed": (WAVE4["opposed"][0], 60)}


def wave8(root: Path, out: Path, labelled: Path) -> None:
    """The tenth draw: as the seventh, with its own seed and counts."""
    mixed_draw(root, out, labelled, "wave8", WAVE8_TARGETED, WAVE8_GENERAL)


# The eleventh draw (wave 9): wave 8 with the boosted trees raised cross-validated macro F1 again
# (60.1 on seed 1); the same kinds of passage, general ones in the proportions of the hidden
# checks and a targeted part for neutral and opposed, still the stances read worst.
WAVE9_GENERAL = {"un-general-debate": 110, "white-house": 70, "wikipedia": 110, "factbook": 10}
WAVE9_TARGETED = {"neutral": (NEUTRAL, 30), "opposed": (WAVE4["opposed"][0], 40)}


def wave9(root: Path, out: Path, labelled: Path) -> None:
    """The eleventh draw: as the seventh, with its own seed and counts."""
    mixed_draw(root, out, labelled, "wave9", WAVE9_TARGETED, WAVE9_GENERAL)


# The twelfth draw (wave 10): wave 9 added nothing measurable to cross-validation, while neutral
# and opposed stay the stances read worst (the eight English holdouts hold 6 neutral pairs, none
# found); a larger targeted part for them, general passages beside it, and the Factbook has no
# unused documents left. Its holdout side is a ninth English holdout, scored first with the
# model of its time.
WAVE10_GENERAL = {"un-general-debate": 90, "white-house": 60, "wikipedia": 90}
WAVE10_TARGETED = {"neutral": (NEUTRAL, 50), "opposed": (WAVE4["opposed"][0], 70)}


def wave10(root: Path, out: Path, labelled: Path) -> None:
    """The twelfth draw: as the seventh, with its own seed and counts."""
    mixed_draw(root, out, labelled, "wave10", WAVE10_TARGETED, WAVE10_GENERAL)


# The thirteenth draw (wave 11): wave 10 and the changes after it left neutral and opposed the
# stances read worst and the English holdouts all read before; a fresh draw of the same kinds,
# whose holdout side is a tenth English holdout, scored first with the model of its time.
WAVE11_GENERAL = {"un-general-debate": 90, "white-house": 60, "wikipedia": 90}
WAVE11_TARGETED = {"neutral": (NEUTRAL, 40), "opposed": (WAVE4["opposed"][0], 50)}


def wave11(root: Path, out: Path, labelled: Path) -> None:
    """The thirteenth draw: as the seventh, with its own seed and counts."""
    mixed_draw(root, out, labelled, "wave11", WAVE11_TARGETED, WAVE11_GENERAL)


# The third multilingual draw (wave 6): the languages with text left unlabelled (Russian,
# Turkish, Azerbaijani and French are all labelled).
MULTI3_COUNTS = {"uk": 60, "de": 70, "es": 70}


def multi3(root: Path, out: Path, labelled: Path) -> None:
    """The third multilingual draw: as the second, for the languages with text left."""
    multilingual_draw(root, out, labelled, "multi3", MULTI3_COUNTS)


if __name__ == "__main__":
    if len(sys.argv) > 3 and sys.argv[3] == "--multi2":
        multi2(Path(sys.argv[1]), Path(sys.argv[2]), Path(__file__).resolve().parent.parent / "Evaluation/alignment-stance")
        sys.exit(0)
    if len(sys.argv) > 3 and sys.argv[3] == "--multi":
        multi(Path(sys.argv[1]), Path(sys.argv[2]))
        sys.exit(0)
    draws = {"--wave6": wave6, "--wave7": wave7, "--wave8": wave8, "--wave9": wave9, "--wave10": wave10, "--wave11": wave11,
             "--multi3": multi3}
    if len(sys.argv) > 3 and sys.argv[3] in draws:
        draws[sys.argv[3]](Path(sys.argv[1]), Path(sys.argv[2]), Path(__file__).resolve().parent.parent / "Evaluation/alignment-stance")
        sys.exit(0)
    if len(sys.argv) > 3 and sys.argv[3] == "--wave5":
        wave5(Path(sys.argv[1]), Path(sys.argv[2]), Path(__file__).resolve().parent.parent / "Evaluation/alignment-stance")
        sys.exit(0)
    if len(sys.argv) > 3 and sys.argv[3] == "--wave4":
        wave4(Path(sys.argv[1]), Path(sys.argv[2]), Path(__file__).resolve().parent.parent / "Evaluation/alignment-stance")
        sys.exit(0)
    if len(sys.argv) > 3 and sys.argv[3] == "--wave3":
        wave3(Path(sys.argv[1]), Path(sys.argv[2]), Path(__file__).resolve().parent.parent / "Evaluation/alignment-stance")
        sys.exit(0)
    main()
    rare(Path(sys.argv[1]), Path(sys.argv[2]))
    neutral(Path(sys.argv[1]), Path(sys.argv[2]))
