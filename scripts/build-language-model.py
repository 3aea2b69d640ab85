#!/usr/bin/env python3
"""Builds the `language` stage's n-gram model resource from the lingua statistics in ../shared.

Reads  ../shared/data/langid/ngram-models/<code>.tsv.gz   (order<TAB>ngram<TAB>p, orders 1-5)
Writes Sources/GleanStages/Language/Resources/language-model.bin (format below; see also
       docs/stages/language.md).

Pruning. The statistics hold 19.7 M (language, n-gram) pairs, 13.4 M of them 5-grams. Each
n-gram of order 3 to 5 gets an estimated corpus frequency, the product of its conditional
probabilities down to the unigram (J(abc) = p(a) p(b|a) p(c|ab)); pairs whose frequency is
below the threshold of their order are dropped, and the detector backs off to the shorter
n-gram for them. Orders 1 and 2 are kept whole.

Format (little endian):
  header   "GLLM", u32 version (2), u32 languages, u32 bucket bits B, u32 keys, u32 pairs,
           u32 block units, f32 quantisation step (nats)
  per language: 2 bytes ISO 639-1 code, u8 highest order, u8 reserved, u64 script mask
           (bit i = Script ordinal i in GleanText), f32 log-probability floor
  u32 block start per bucket (2^B + 1 entries, in u16 units from the start of the blocks)
  u16 blocks, one per bucket, so a lookup reads one short run of memory:
      u16 key count k; k times (u16 fingerprint, u16 pair count), sorted by fingerprint;
      then the keys' pairs in the same order, each u16 = language index | q << 8,
      where ln p = -q * step
Key hash: 64-bit FNV-1a over the n-gram's UTF-8 bytes, then the MurmurHash3 finaliser; bucket =
top B bits, fingerprint = low 16 bits.

Run from the repository root: python3 scripts/build-language-model.py [LANGID_DATA_DIR]
"""
import gzip
import math
import os
import struct
import sys
import unicodedata

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
data = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "..", "shared", "data", "langid")
out_path = os.environ.get("GLEAN_MODEL_OUT") or os.path.join(root, "Sources", "GleanStages", "Language", "Resources", "language-model.bin")

# Minimum estimated frequency (per character of the language's corpus) to keep an n-gram.
THRESHOLDS = {3: 0.0, 4: float(os.environ.get("GLEAN_PRUNE_4", "5e-8")), 5: float(os.environ.get("GLEAN_PRUNE_5", "8e-8"))}
STEP = 0.1
BUCKET_BITS = 18
MASK64 = (1 << 64) - 1

# Script ordinals as in Sources/GleanText/Script.swift, for the script mask of each language.
SCRIPT_ORDINALS = [
    "LATIN", "GREEK", "CYRILLIC", "ARMENIAN", "GEORGIAN", "HEBREW", "ARABIC", "SYRIAC", "THAANA",
    "DEVANAGARI", "BENGALI", "GURMUKHI", "GUJARATI", "ORIYA", "TAMIL", "TELUGU", "KANNADA",
    "MALAYALAM", "SINHALA", "THAI", "LAO", "TIBETAN", "MYANMAR", "KHMER", "MONGOLIAN", "ETHIOPIC",
    "CHEROKEE", "HANGUL", "HIRAGANA", "KATAKANA", "CJK",
]


def script_of(ch):
    name = unicodedata.name(ch, "")
    if name.startswith("CJK") or name.startswith("KANGXI"):
        return SCRIPT_ORDINALS.index("CJK")
    for i, s in enumerate(SCRIPT_ORDINALS):
        if name.startswith(s + " ") or (s == "HANGUL" and name.startswith("HANGUL")):
            return i
    return None


def key_hash(text):
    h = 0xCBF29CE484222325
    for b in text.encode("utf-8"):
        h ^= b
        h = (h * 0x100000001B3) & MASK64
    h ^= h >> 33
    h = (h * 0xFF51AFD7ED558CCD) & MASK64
    h ^= h >> 33
    h = (h * 0xC4CEB9FE1A85EC53) & MASK64
    h ^= h >> 33
    return h


def main():
    codes = sorted(f[:-7] for f in os.listdir(os.path.join(data, "ngram-models")) if f.endswith(".tsv.gz"))
    table = {}  # ngram -> list of (language index, q)
    languages = []
    kept = {o: 0 for o in range(1, 6)}
    total = {o: 0 for o in range(1, 6)}
    for index, code in enumerate(codes):
        models = {o: {} for o in range(1, 6)}
        with gzip.open(os.path.join(data, "ngram-models", code + ".tsv.gz"), "rt", encoding="utf-8") as f:
            for line in f:
                order, gram, p = line.rstrip("\n").split("\t")
                models[int(order)][gram] = float(p)
        highest = max(o for o in range(1, 6) if models[o])
        scripts = {}
        for gram, p in models[1].items():
            s = script_of(gram)
            if s is not None:
                scripts[s] = scripts.get(s, 0.0) + p
        mask = 0
        for s, share in scripts.items():
            if share >= 0.01:
                mask |= 1 << s
        floor = math.log(min(models[1].values())) - 1.0
        languages.append((code, highest, mask, floor))
        joint = {}
        for order in range(1, 6):
            threshold = THRESHOLDS.get(order, 0.0)
            for gram, p in models[order].items():
                total[order] += 1
                j = p if order == 1 else joint.get(gram[:-1], 1e-12) * p
                joint[gram] = j
                if j < threshold:
                    continue
                kept[order] += 1
                q = min(255, max(0, round(-math.log(p) / STEP)))
                table.setdefault(gram, []).append((index, q))
        print(f"{code}: orders 1-{highest}, scripts {mask:#x}", file=sys.stderr)

    buckets = [[] for _ in range(1 << BUCKET_BITS)]
    for gram, pairs in table.items():
        h = key_hash(gram)
        buckets[h >> (64 - BUCKET_BITS)].append((h & 0xFFFF, pairs))
    block_starts, blocks = [], []
    keys = pairs_total = 0
    for bucket in buckets:
        block_starts.append(len(blocks))
        bucket.sort(key=lambda entry: entry[0])
        blocks.append(len(bucket))
        for fingerprint, pairs in bucket:
            blocks += [fingerprint, len(pairs)]
        for fingerprint, pairs in bucket:
            blocks += [language | q << 8 for language, q in pairs]
            keys += 1
            pairs_total += len(pairs)
    block_starts.append(len(blocks))

    os.makedirs(os.path.dirname(out_path), exist_ok=True)
    with open(out_path, "wb") as out:
        out.write(b"GLLM")
        out.write(struct.pack("<IIIIIIf", 2, len(languages), BUCKET_BITS, keys, pairs_total, len(blocks), STEP))
        for code, highest, mask, floor in languages:
            out.write(code.encode("ascii"))
            out.write(struct.pack("<BBQf", highest, 0, mask, floor))
        out.write(struct.pack(f"<{len(block_starts)}I", *block_starts))
        out.write(struct.pack(f"<{len(blocks)}H", *blocks))
    for order in range(1, 6):
        print(f"order {order}: kept {kept[order]:,} of {total[order]:,} pairs", file=sys.stderr)
    print(f"{keys:,} keys, {pairs_total:,} pairs, {os.path.getsize(out_path):,} bytes -> {out_path}", file=sys.stderr)


main()
