"""The region table and its lookup: every country one INTERPOL region, bodies as published."""

from __future__ import annotations

import csv
import doctest
from importlib.resources import files

import pytest

from odyssey import regions
from odyssey.errors import ValidationError
from odyssey.regions import (
    INTERPOL_REGIONS,
    REGIONAL_BODIES,
    bodies_of,
    country_name,
    groups_of,
    interpol_region,
    members,
)


def test_the_docstring_examples_run() -> None:
    assert doctest.testmod(regions).failed == 0


def test_the_table_ships_with_the_package_and_has_its_notice() -> None:
    data = files("odyssey").joinpath("data")
    rows = list(csv.DictReader(data.joinpath("regions.csv").read_text("utf-8").splitlines()))
    assert len(rows) >= 249  # every ISO 3166-1 alpha-2 code
    assert len({r["iso2"] for r in rows}) == len(rows)
    assert all(len(r["iso2"]) == 2 and r["iso2"].isupper() for r in rows)
    assert "AFRIPOL" in data.joinpath("NOTICE.md").read_text("utf-8")


@pytest.mark.parametrize(
    ("iso2", "region"),
    [
        ("NG", "Africa"),
        ("SD", "Africa"),
        ("LY", "Middle East and North Africa"),
        ("EG", "Middle East and North Africa"),
        ("SA", "Middle East and North Africa"),
        ("IT", "Europe"),
        ("TR", "Europe"),
        ("CO", "Americas"),
        ("TH", "Asia and South Pacific"),
        ("AU", "Asia and South Pacific"),
    ],
)
def test_countries_are_in_their_interpol_region(iso2: str, region: str) -> None:
    assert interpol_region(iso2) == region
    assert iso2 in members(region)


def test_regional_bodies_have_their_published_membership() -> None:
    assert len(members("AFRIPOL")) == 55  # the African Union's member states
    assert len(members("EUROPOL")) == 27  # the EU's member states
    assert members("ASEANAPOL") == {"BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "VN"}
    assert members("GCCPOL") == {"AE", "BH", "KW", "OM", "QA", "SA"}
    assert {"CO", "BR", "MX", "US"} <= members("AMERIPOL")
    assert "GB" not in members("EUROPOL") and "CH" not in members("EUROPOL")
    # a North African country is in INTERPOL's MENA region and in AFRIPOL
    assert interpol_region("MA") == "Middle East and North Africa" and bodies_of("MA") == {
        "AFRIPOL"
    }


def test_every_inhabited_country_has_a_region_and_regions_partition_them() -> None:
    seen: set[str] = set()
    for region in INTERPOL_REGIONS:
        found = members(region)
        assert found, region
        assert not found & seen  # one region per country
        seen |= found
    assert {"AQ", "BV", "HM"}.isdisjoint(seen)  # nobody lives there
    assert len(seen) > 240


def test_lookup_is_case_insensitive_and_unknown_codes_have_no_group() -> None:
    assert interpol_region(" ly ") == "Middle East and North Africa"
    assert country_name("fr") == "France"
    assert interpol_region("ZZ") is None and bodies_of("ZZ") == frozenset()
    assert interpol_region(None) is None
    assert country_name("ZZ") == "ZZ" and country_name(None) == "?"
    assert groups_of("ZZ") == ()


def test_groups_of_a_country_by_scheme() -> None:
    assert groups_of("ES") == ("Europe", "EUROPOL")
    assert groups_of("ES", "interpol") == ("Europe",)
    assert groups_of("ES", "bodies") == ("EUROPOL",)
    assert groups_of("GB", "bodies") == ()
    with pytest.raises(ValidationError, match="unknown region scheme"):
        groups_of("ES", "continents")


def test_an_unknown_group_says_which_exist() -> None:
    with pytest.raises(ValidationError, match="AFRIPOL"):
        members("NATO")
    assert set(REGIONAL_BODIES) == {"AFRIPOL", "AMERIPOL", "ASEANAPOL", "EUROPOL", "GCCPOL"}
