"""The ``odyssey`` command, run as a user runs it: a real process on a real store file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from odyssey.graph import SqliteStore

from store_contract.sample import build


def odyssey(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "odyssey", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


@pytest.fixture
def case_db(tmp_path: Path) -> Path:
    path = tmp_path / "case.db"
    with SqliteStore(path) as store:
        store.put(build().batch)
    return path


def test_stats_counts_the_store(case_db: Path) -> None:
    run = odyssey("--store", str(case_db), "stats", "--json")
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert data["documents"] == 3 and data["entities"]["Person"] == 3
    assert data["store"].endswith("case.db")
    text = odyssey("--store", str(case_db), "stats").stdout
    assert "links: 6 (TRAVELLED_TO 1, TRAVELLED_WITH 2, USES 3)" in text


def test_the_store_comes_from_the_environment(case_db: Path) -> None:
    run = odyssey("stats", "--json", env={"ODYSSEY_STORE": str(case_db)})
    assert json.loads(run.stdout)["documents"] == 3


def test_clearance_limits_what_is_read(case_db: Path) -> None:
    run = odyssey("--store", str(case_db), "--clearance", "official", "stats", "--json")
    assert json.loads(run.stdout)["documents"] == 1


def test_search_finds_any_spelling_of_the_words(case_db: Path) -> None:
    run = odyssey("--store", str(case_db), "search", "JOSE garcia", "--json")
    assert run.returncode == 0, run.stderr
    assert [hit["label"] for hit in json.loads(run.stdout)] == ["José GARCÍA"]
    text = odyssey("--store", str(case_db), "search", "abdel", "--type", "Person").stdout
    assert "Mohamed ABDELRAHMAN" in text and "also: Mohammed Abdel Rahman" in text
    assert "no entity matches" in odyssey("--store", str(case_db), "search", "nobody").stdout


def test_errors_are_one_actionable_line(tmp_path: Path) -> None:
    not_a_db = tmp_path / "notes.txt"
    not_a_db.write_text("this is not a database\n" * 100)
    run = odyssey("--store", str(not_a_db), "stats")
    assert run.returncode == 2
    assert run.stderr.startswith("error: ") and "point --store at another file" in run.stderr
    assert "Traceback" not in run.stderr and len(run.stderr.strip().splitlines()) == 1
    run = odyssey("--store", "bolt://localhost:7687", "stats")
    assert run.returncode == 2 and "use a file path" in run.stderr
    run = odyssey("search", "x", "--type", "Suspect")
    assert run.returncode == 2 and "Traceback" not in run.stderr


def test_help_lists_the_verbs() -> None:
    run = odyssey("--help")
    assert run.returncode == 0
    for verb in ("synth", "stats", "search"):
        assert verb in run.stdout


def test_synth_then_ingest_as_a_user_would(tmp_path: Path) -> None:
    corpus, db = tmp_path / "corpus", tmp_path / "case.db"
    run = odyssey("synth", "--out", str(corpus), "--reports", "30", "--seed", "7", "--json")
    assert run.returncode == 0, run.stderr
    summary = json.loads(run.stdout)
    assert summary["reports"] == 30 and (corpus / "truth.json").exists()
    files = sum(summary["files"].values())
    run = odyssey("--store", str(db), "ingest", str(corpus / "messages"), str(corpus / "emails"),
                  str(corpus / "tables"), "--json")  # fmt: skip
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert (result["new"], result["failed"]) == (files, 0)
    assert result["documents"] >= files and result["links"] > 0
    again = json.loads(
        odyssey("--store", str(db), "ingest", str(corpus / "messages"), "--json").stdout
    )
    assert again["new"] == 0 and again["skipped"] == summary["files"]["messages"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--reports", "0"], "at least 1"),
        (["--languages", "en,de"], "unknown language 'de'"),
    ],
)
def test_synth_refuses_bad_input_in_one_line(tmp_path: Path, args: list[str], message: str) -> None:
    run = odyssey("synth", "--out", str(tmp_path / "c"), *args)
    assert run.returncode == 2 and message in run.stderr and "Traceback" not in run.stderr


def test_synth_will_not_write_into_a_folder_in_use(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("keep me")
    run = odyssey("synth", "--out", str(tmp_path), "--reports", "5")
    assert run.returncode == 2 and "choose an empty folder" in run.stderr
    assert (tmp_path / "notes.txt").read_text() == "keep me"
