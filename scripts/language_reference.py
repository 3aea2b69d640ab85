"""Times lingua-language-detector (high-accuracy mode, all languages) and pycld2 on the same
sentences the `glean eval language` speed figure uses, and reports their accuracy on them.
usage: language_reference.py LANGID_DATA_DIR LINES_PER_LANGUAGE"""
import os
import resource
import sys
import time

data, limit = sys.argv[1], int(sys.argv[2])
codes = sorted(os.listdir(os.path.join(data, "testdata")))
sentences = []
for code in codes:
    with open(os.path.join(data, "testdata", code, "sentences.txt"), encoding="utf-8") as f:
        lines = [line.rstrip("\n") for line in f if line.strip()]
    sentences += [(code, line) for line in lines[:limit]]


def measure(name, detect):
    detect(sentences[0][1])  # loads models lazily
    start = time.perf_counter()
    right = sum(1 for code, text in sentences if detect(text) == code)
    seconds = time.perf_counter() - start
    print(f"{name}: {len(sentences)} sentences in {seconds:.2f} s on one core: {len(sentences) / seconds:.0f} sentences/s; "
          f"accuracy {100 * right / len(sentences):.1f}%; peak memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


import pycld2  # noqa: E402

def cld2(text):
    try:
        return pycld2.detect(text)[2][0][1].split("-")[0]
    except pycld2.error:
        return None

measure("pycld2", cld2)

from lingua import LanguageDetectorBuilder  # noqa: E402

detector = LanguageDetectorBuilder.from_all_languages().with_preloaded_language_models().build()

def lingua(text):
    language = detector.detect_language_of(text)
    return language.iso_code_639_1.name.lower() if language else None

measure("lingua-language-detector (high accuracy)", lingua)
