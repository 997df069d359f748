"""The scorer behind the quality benches and notebook: checked on the truth itself and on planted errors."""

from __future__ import annotations

from collections import Counter

import pytest

from odyssey.ingest.synth import generate
from odyssey.ingest.synth.scoring import (
    Found,
    FoundLeg,
    FoundNationality,
    Truth,
    extraction_errors,
    extraction_scores,
    gold_spans,
    match_mentions,
    merged_distractors,
    mixed_entities,
    nationality_scores,
    predicted_spans,
    resolution_scores,
    route_scores,
    split_entities,
)


@pytest.fixture(scope="module")
def truth(tmp_path_factory: pytest.TempPathFactory) -> Truth:
    root = tmp_path_factory.mktemp("scoring") / "corpus"
    generate(root, reports=25, seed=31)
    return Truth.load(root)


def _as_found(truth: Truth, *, entity: dict[str, str] | None = None) -> list[Found]:
    """The truth's own mentions as if Odyssey had found them (entity = truth id unless remapped)."""
    entity = entity or {}
    return [
        Found(
            str(truth.root / m["doc"].replace("#attachment:", "!")),
            m["type"],
            m["start"],
            m["end"],
            entity.get(m["entity"], m["entity"]),
        )
        for m in truth.data["mentions"]
    ]


def test_document_keys_round_trip_to_the_truth(truth: Truth) -> None:
    for doc in truth.data["documents"]:
        source = str(truth.root / doc["id"].replace("#attachment:", "!"))
        assert truth.key(source) == doc["id"]


def test_the_truth_scores_perfectly_against_itself(truth: Truth) -> None:
    gold = gold_spans(truth)
    rows = extraction_scores(gold, predicted_spans(truth, _as_found(truth)))
    assert rows and all(r.precision == r.recall == r.f1 == r.f1_overlap == 1.0 for r in rows)
    assert {r.language for r in rows} >= {"en", "all"}
    total = next(r for r in rows if r.type == "Person" and r.language == "all")
    assert total.gold == sum(1 for m in truth.data["mentions"] if m["type"] == "Person")


def test_a_missed_and_a_widened_mention_cost_what_they_should(truth: Truth) -> None:
    found = _as_found(truth)
    people = [i for i, f in enumerate(found) if f.type == "Person"]
    missed, widened = people[0], people[1]
    wide = found[widened]._replace(end=found[widened].end + 1)
    changed = [f for i, f in enumerate(found) if i != missed and i != widened] + [wide]
    gold, predicted = gold_spans(truth), predicted_spans(truth, changed)
    row = next(
        r for r in extraction_scores(gold, predicted) if r.type == "Person" and r.language == "all"
    )
    assert row.predicted == row.gold - 1
    assert row.recall == pytest.approx((row.gold - 2) / row.gold)
    assert row.precision == pytest.approx((row.gold - 2) / (row.gold - 1))
    assert row.f1_overlap is not None and row.f1_overlap > row.f1  # the widened one overlaps
    errors = extraction_errors("Person", gold, predicted, {})
    assert Counter(e.error for e in errors) == {"missed": 2, "false": 1}


def test_resolution_scores_reward_the_truth_and_catch_a_merged_distractor(truth: Truth) -> None:
    perfect = match_mentions(truth, _as_found(truth))
    assert all(r.bcubed_f1 == r.pairwise_f1 == 1.0 for r in resolution_scores(perfect))
    assert merged_distractors(truth, perfect)[0] == []
    assert split_entities(perfect) == mixed_entities(perfect) == []
    person = next(
        d for d in truth.distractors if d["a"].startswith("P") and d["kind"] == "namesake"
    )
    wrong = match_mentions(truth, _as_found(truth, entity={person["b"]: person["a"]}))
    merged, seen = merged_distractors(truth, wrong)
    assert merged == [person] and person in seen
    assert mixed_entities(wrong) == [(person["a"], sorted((person["a"], person["b"])))]
    row = next(r for r in resolution_scores(wrong) if r.group == "Person" and r.language == "all")
    assert row.bcubed_recall == 1.0 and row.bcubed_precision < 1.0


def _source(truth: Truth, doc: str) -> str:
    return str(truth.root / doc.replace("#attachment:", "!"))


def _truth_legs(truth: Truth) -> list[FoundLeg]:
    """The truth's ROUTE legs as found links: each end at its place's mention in that sentence."""
    legs = []
    for link in truth.data["links"]:
        if link["type"] != "ROUTE":
            continue
        at = {
            m["entity"]: (m["start"], m["end"])
            for m in truth.mentions[link["doc"]]
            if link["start"] <= m["start"] < link["end"]
        }
        legs.append(FoundLeg(_source(truth, link["doc"]), at[link["source"]], at[link["target"]]))
    return legs


def test_route_legs_score_perfectly_and_a_reversed_leg_is_false(truth: Truth) -> None:
    legs = _truth_legs(truth)
    rows = route_scores(truth, legs)
    assert rows and all(r.precision == r.recall == 1.0 for r in rows)
    everything = next(r for r in rows if r.language == "all")
    assert everything.gold == len(legs)
    first = legs[0]
    reversed_first = FoundLeg(first.source, first.end, first.start)
    worse = next(r for r in route_scores(truth, [reversed_first, *legs[1:]]) if r.language == "all")
    assert (worse.gold, worse.predicted) == (len(legs), len(legs))
    assert worse.precision == worse.recall == pytest.approx((len(legs) - 1) / len(legs))


def test_stated_nationalities_score_and_a_wrong_code_counts_against(truth: Truth) -> None:
    stated = [
        (doc, a)
        for doc, attributes in truth.attributes.items()
        for a in attributes
        if a["properties"].get("nationality")
    ]
    assert stated
    ends = {(m["doc"], m["end"]): m for m in truth.data["mentions"]}
    found = [  # the person mention each descriptor follows, with the nationality it states
        FoundNationality(
            _source(truth, doc),
            ends[(doc, a["start"])]["start"],
            a["start"],
            a["properties"]["nationality"],
        )
        for doc, a in stated
    ]
    rows = nationality_scores(truth, found)
    assert rows and all(r.precision == r.recall == 1.0 for r in rows)
    wrong = found[0]._replace(nationality="AQ")  # Antarctica: nobody's
    row = next(r for r in nationality_scores(truth, [wrong, *found[1:]]) if r.language == "all")
    assert row.recall == pytest.approx((len(found) - 1) / len(found))
    assert row.precision == pytest.approx((len(found) - 1) / len(found))
