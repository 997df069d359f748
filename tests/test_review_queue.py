"""The resolution review queue: doubtful pairs first, decisions stored and visible at once."""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest

import odyssey
from odyssey.errors import ValidationError
from odyssey.graph import Judgement, Record
from odyssey.ingest.resolution import review
from odyssey.ingest.resolution.review import candidates, records_of_entity


def test_the_docstring_examples_run() -> None:
    assert doctest.testmod(review).failed == 0


def _records() -> list[Record]:
    return [
        Record(
            "P:1", "Person", "Karim BENALI", (), {"birth_date": "1980-01-02"}, "P:1", 1, ("d1",)
        ),
        Record("P:2", "Person", "Karim BEN ALI", (), {}, "P:1", 2, ("d2",)),
        Record("P:3", "Person", "Karima BENALI", (), {}, "P:3", 3, ("d3",)),
        Record("O:4", "Organization", "Benali Transport SARL", (), {}, "O:4", 4, ("d3",)),
    ]


def test_the_least_certain_pairs_come_first_and_filters_apply() -> None:
    judged = [
        Judgement("P:1", "P:2", "same", score=0.97, reasons={"name": 4.0}),
        Judgement("P:1", "P:3", "not_same", score=0.48, reasons={"name": 2.0, "birth_date": -8}),
        Judgement("P:2", "P:3", "not_same", score=0.2),
    ]
    queue = candidates(_records(), judged)
    assert [(c.a.id, c.b.id) for c in queue] == [("P:1", "P:3"), ("P:2", "P:3"), ("P:1", "P:2")]
    assert queue[0].doubt > queue[-1].doubt
    assert queue[-1].same_entity and not queue[0].same_entity
    assert queue[0].reasons == {"name": 2.0, "birth_date": -8}
    assert [c.b.id for c in candidates(_records(), judged, text="karima")] == ["P:3", "P:3"]
    assert candidates(_records(), judged, types=["Organization"]) == []
    assert len(candidates(_records(), judged, limit=1)) == 1
    with pytest.raises(ValidationError, match="open, decided, all"):
        candidates(_records(), judged, status="pending")


def test_decided_pairs_leave_the_open_queue() -> None:
    judged = [
        Judgement("P:1", "P:3", "not_same", score=0.48),
        Judgement("P:1", "P:3", "not_same", "analyst", 1.0, note="jdoe: sisters"),
        Judgement("P:2", "P:3", "not_same", "analyst", 1.0, note="split"),  # no machine score
    ]
    assert candidates(_records(), judged) == []
    decided = candidates(_records(), judged, status="decided")
    assert {(c.a.id, c.b.id, c.analyst, c.note) for c in decided} == {
        ("P:1", "P:3", "not_same", "jdoe: sisters"),
        ("P:2", "P:3", "not_same", "split"),
    }
    assert len(candidates(_records(), judged, status="all")) == 2


def test_an_entity_lists_its_records_oldest_first() -> None:
    assert [r.id for r in records_of_entity(_records(), "P:1")] == ["P:1", "P:2"]
    assert records_of_entity(_records(), "nobody") == []


def test_a_decision_through_the_workbench_is_stored_applied_and_visible_at_once(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "REFERENCE: NCB-PARIS/2026/1\n\nKarim BENALI uses +33611111111.\n"
    )
    (folder / "b.txt").write_text(
        "REFERENCE: NCB-ROME/2026/2\n\nKarim BEN ALI uses +33611111111.\n"
    )
    with odyssey.open(tmp_path / "o.db") as wb:
        wb.ingest(folder)
        wb.resolve()
        queue = wb.review_queue()
        pair = next(c for c in queue if {c.a.label, c.b.label} == {"Karim BENALI", "Karim BEN ALI"})
        assert pair.same_entity and pair.machine == "same" and pair.reasons
        assert {r.id for r in wb.entity_records(pair.a.entity_id)} == {pair.a.id, pair.b.id}
        wb.judge("not_same", pair.a.id, pair.b.id, note="jdoe: two cousins")
        wb.refresh()
        assert pair.a.id not in {c.a.id for c in wb.review_queue()} | {
            c.b.id for c in wb.review_queue()
        }
        decided = wb.review_queue(status="decided")
        assert [(c.analyst, c.note, c.same_entity) for c in decided] == [
            ("not_same", "jdoe: two cousins", False)
        ]
