#!/usr/bin/env python3
"""Writes a synthetic results file shaped like `glean run Pipelines/alignment-monitor.yaml` output at
full detail (language, entities with mentions, stance pairs with evidence, tone), for measuring
`glean report` and `glean export` on large inputs. Seeded: the same arguments give the same bytes.

    synthetic-results.py COUNT OUTPUT.jsonl [--seed N]

About 1.5 KB a line: 1,000,000 documents make about 1.5 GB. Dates span 2023-2025; 120 countries,
11 blocs, 60,000 distinct person names (past the report's name cap), 12 languages."""
import json, random, sys

STANCES = ["member", "seeking", "partner", "neutral", "opposed"]
BLOCS = [("NATO", "North Atlantic Treaty Organization"), ("CSTO", "Collective Security Treaty Organization"),
         ("EU", "European Union"), ("SCO", "Shanghai Cooperation Organisation"), ("BRICS", "BRICS"),
         ("EAEU", "Eurasian Economic Union"), ("CIS", "Commonwealth of Independent States"),
         ("NAM", "Non-Aligned Movement"), ("GUAM", "GUAM"), ("OTS", "Organization of Turkic States"),
         ("UNION_STATE", "Union State")]
CUES = {"member": "member of", "seeking": "applied to join", "partner": "partnership", "neutral": "neutrality",
        "opposed": "withdrew from"}
LANGUAGES = [("en", "English")] * 8 + [("ru", "Russian"), ("fr", "French"), ("de", "German"), ("tr", "Turkish"),
                                       ("az", "Azerbaijani"), ("es", "Spanish")]


def main():
    count, output = int(sys.argv[1]), sys.argv[2]
    seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 18
    rng = random.Random(seed)
    countries = [(chr(65 + i // 26) + chr(65 + i % 26), f"Country {i}") for i in range(120)]
    people = [f"Person {i}" for i in range(60_000)]
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    with open(output, "w", encoding="utf-8") as out:
        for n in range(count):
            code, name = rng.choice(LANGUAGES)
            day = rng.randrange(1096)
            published = f"{2023 + day // 365}-{day % 365 // 31 % 12 + 1:02d}-{day % 31 % 28 + 1:02d}"
            line = {"id": f"s{n:07d}", "title": f"Synthetic article {n}", "published": published,
                    "language": {"code": code, "iso639_3": code + "x", "name": name, "confidence": 0.99,
                                 "script": "Latin", "candidates": [{"code": code, "confidence": 0.99}]}}
            if code != "en":
                line.update({"entities": None, "stance": None, "tone": None,
                             "skipped": {"stance": f"unsupported language: {code}",
                                         "tone": f"unsupported language: {code}", "entities": "not English"}})
                out.write(dumps(line) + "\n")
                continue
            actors = rng.sample(countries[:40] if rng.random() < 0.8 else countries, rng.randint(1, 3))
            person = people[min(int(rng.paretovariate(1.2)) - 1, len(people) - 1) if rng.random() < 0.5
                            else rng.randrange(len(people))]
            mentions, distinct, pairs = [], [], []
            for position, (iso, country) in enumerate(actors):
                mentions.append({"text": country, "type": "GPE", "start": position * 60, "end": position * 60 + 9,
                                 "canonical": iso, "name": country, "sentence": position})
                distinct.append({"text": country, "type": "GPE", "canonical": iso, "mentions": rng.randint(1, 4)})
            mentions.append({"text": person, "type": "PERSON", "start": 200, "end": 212, "canonical": None,
                             "sentence": 3})
            distinct.append({"text": person, "type": "PERSON", "canonical": None, "mentions": 1})
            for iso, country in actors:
                bloc, bloc_name = BLOCS[min(int(rng.expovariate(0.45)), len(BLOCS) - 1)]
                stance = STANCES[(sum(map(ord, iso + bloc)) + (rng.random() < 0.2) * rng.randrange(5)) % 5]
                start = rng.randrange(0, 300)
                pairs.append({"actor": {"id": iso, "name": country}, "bloc": bloc, "bloc_name": bloc_name,
                              "stance": stance, "also": [], "confidence": round(rng.uniform(0.3, 1), 3),
                              "as_of": None, "evidence": [
                                  {"sentence": 1, "start": start, "end": start + 90, "cue": CUES[stance],
                                   "pattern": CUES[stance], "cue_start": start + 20, "cue_end": start + 31,
                                   "stance": stance, "negated": False}]})
                mentions.append({"text": bloc, "type": "ORG", "start": 100, "end": 104, "canonical": bloc,
                                 "name": bloc_name, "sentence": 1})
                distinct.append({"text": bloc_name, "type": "ORG", "canonical": bloc, "mentions": 1})
            compound = round(max(-1, min(1, rng.gauss(0.05, 0.4))), 4)
            line.update({"entities": {"entities": mentions, "distinct": distinct}, "stance": pairs,
                         "tone": {"compound": compound, "neg": 0.1, "neu": 0.8, "pos": 0.1,
                                  "label": "positive" if compound >= 0.05 else "negative" if compound <= -0.05
                                  else "neutral", "sentence_mean": compound, "sentence_weighted": compound,
                                  "most_positive": None, "most_negative": None}})
            out.write(dumps(line) + "\n")


if __name__ == "__main__":
    main()
