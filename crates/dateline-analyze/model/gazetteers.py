#!/usr/bin/env python3
"""Writes the outside name lists the NER model is trained with, from Debian
packages (no download): `gazetteers.py OUTDIR` writes loc.txt, per.txt and
misc.txt, one name a line, sorted, so a rebuild gives the same lists.

    apt-get install iso-codes tzdata miscfiles

- loc: countries (ISO 3166-1 names, common and official names; iso-codes),
  their subdivisions (ISO 3166-2), cities of the time-zone database
  (tzdata's zone1970.tab), and miscfiles' cities.dat, countries (with
  capitals) and airport cities.
- per: miscfiles' propernames (English first names).
- misc: language names (miscfiles' languages, ISO 639-2 from iso-codes),
  which CoNLL-2003 tags MISC, like nationalities.
"""
import gzip
import json
import sys
from pathlib import Path


def lines(path):
    p = Path(path)
    if not p.exists():
        sys.exit(f"missing {p}: apt-get install iso-codes tzdata miscfiles")
    data = gzip.open(p, "rt", encoding="utf-8", errors="replace") if p.suffix == ".gz" else open(p, encoding="utf-8")
    with data:
        return [l.rstrip("\n") for l in data]


def main():
    out = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    out.mkdir(parents=True, exist_ok=True)
    loc, per, misc = set(), set(), set()

    iso = Path("/usr/share/iso-codes/json")
    for c in json.load(open(iso / "iso_3166-1.json"))["3166-1"]:
        for key in ("name", "common_name", "official_name"):
            if key in c:
                loc.add(c[key])
    for c in json.load(open(iso / "iso_3166-2.json"))["3166-2"]:
        loc.add(c["name"])
    for l in json.load(open(iso / "iso_639-2.json"))["639-2"]:
        for name in l["name"].split(";"):
            misc.add(name.strip())

    for l in lines("/usr/share/zoneinfo/zone1970.tab"):
        if l.startswith("#") or not l.strip():
            continue
        zone = l.split("\t")[2]
        loc.add(zone.split("/")[-1].replace("_", " "))
    for l in lines("/usr/share/misc/cities.dat.gz"):
        if l.startswith("Name"):
            loc.add(l.split(":", 1)[1].strip())
    for l in lines("/usr/share/misc/countries.gz"):
        if l.startswith("#"):
            continue
        f = l.split(":")
        if len(f) >= 5:
            loc.update(x.strip() for x in f[3:5])
    for l in lines("/usr/share/misc/airport.gz"):
        if l.startswith("#"):
            continue
        f = l.split(":")
        if len(f) >= 5:
            loc.update(x.strip() for x in f[4].split(","))
    per.update(l.strip() for l in lines("/usr/share/dict/propernames.gz"))
    for l in lines("/usr/share/misc/languages.gz"):
        if not l.startswith("#") and ":" in l:
            misc.add(l.split(":", 1)[1].strip())

    for name, names in (("loc", loc), ("per", per), ("misc", misc)):
        # Names with a letter only; parenthesised remarks dropped.
        clean = sorted({n.split(" (")[0].strip() for n in names if any(ch.isalpha() for ch in n)} - {""})
        (out / f"{name}.txt").write_text("\n".join(clean) + "\n", encoding="utf-8")
        print(f"{name}: {len(clean)} names", file=sys.stderr)


if __name__ == "__main__":
    main()
