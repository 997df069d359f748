"""The scorer behind the quality benches and notebook: checked on the truth itself and on planted errors."""

from __future__ import annotations

from collections import Counter

import pytest

from odyssey.ingest.synth import generate
from odyssey.ingest.synth.scoring import (
    Found,
    Truth,
    extraction_errors,
    extraction_scores,
    gold_spans,
    match_mentions,
    merged_distractors,
    mixed_entities,
    predicted_spans,
    resolution_scores,
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
