"""The ingestion pipeline on real files: idempotent, atomic per file, bad files reported."""

from __future__ import annotations

import gc
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_readers import AR, EN, ES, FR, make_docx, make_email, make_pdf

from odyssey.graph import SqliteStore
from odyssey.ingest.pipeline import ingest

CALLS = "caller,callee,start,duration_s\n+218 91 234 5678,0039 333 1234567,2026-03-01T10:00:00,65\n"


def write_case(folder: Path) -> Path:
    """A small mixed case folder: messages in four languages, an e-mail, a table, and bad files."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in (("en.txt", EN), ("fr.txt", FR), ("es.txt", ES), ("ar.txt", AR)):
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "tables").mkdir()
    (folder / "tables" / "calls.csv").write_text(CALLS)
    mail = make_email(
        "Dear colleagues,\nAli HASSAN uses the number +218 92 765 4321.\nRegards",
        [
            ("report.pdf", make_pdf("REFERENCE: NCB-ROME/2026/SOM/0150\n\nThe boat SEA STAR (IMO 9074729) was seized."),
             "application/pdf"),
            ("notes.docx", make_docx(["Joy OSAGIE holds the Nigerian passport A01234567."]),
             "application/octet-stream"),
        ],
    )  # fmt: skip
    (folder / "mail.eml").write_bytes(mail)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "garbage.txt").write_bytes(bytes(range(256)) * 20)
    (folder / "truncated.pdf").write_bytes(make_pdf("x")[:200])
    (folder / ".hidden.txt").write_text(EN)  # hidden files are not ingested
    (folder / "photo.jpg").write_bytes(b"\xff\xd8")  # unsupported in a folder: not picked up
    return folder


def test_a_mixed_folder_lands_except_the_bad_files(tmp_path: Path) -> None:
    folder = write_case(tmp_path / "case")
    with SqliteStore(tmp_path / "o.db") as store:
        summary = ingest(store, [folder])
        counts = summary.counts()
        assert (counts["new"], counts["failed"], counts["skipped"]) == (6, 3, 0)
        failed = {Path(f["path"]).name: f["reason"] for f in summary.to_dict()["failed_files"]}
        assert set(failed) == {"empty.txt", "garbage.txt", "truncated.pdf"}
        assert "empty" in failed["empty.txt"] and "binary" in failed["garbage.txt"]
        stats = store.counts()
        assert stats.documents == 8  # 6 files + 2 attachments
        assert (
            stats.documents_by_language.get("ar") == 1
            and stats.documents_by_language.get("fr") == 1
        )
        assert {c.id for c in store.cases()} >= {
            "IT-SOM-2026-031",
            "FR-TEH-2026-004",
            "ES-SOM-2026-002",
        }
        phone = store.entities(["Phone:+218912345678"])
        assert phone, "the same phone in the EN and AR reports and the call records is one node"
        sources = {
            store.document(m.document_id).source.split("/")[-1]
            for m in store.mentions(entity_id=phone[0].id)
        }
        assert {"en.txt", "ar.txt", "calls.csv"} <= sources
        assert store.entities(["Vessel:IMO9074729"]) and store.entities(
            ["IdentityDocument:passport:NG:A01234567"]
        )
        called = [lk for lk in store.links() if lk.type == "CALLED"]
        assert len(called) == 1 and called[0].properties["duration_s"] == "65"
        uses = [lk for lk in store.links(entity_id="Phone:+218927654321") if lk.type == "USES"]
        assert uses, "the cue 'uses the number' types the link"


def test_every_stored_mention_is_the_exact_text(tmp_path: Path) -> None:
    folder = write_case(tmp_path / "case")
    with SqliteStore(tmp_path / "o.db") as store:
        ingest(store, [folder])
        for doc in store.documents():
            for m in store.mentions(document_id=doc.id):
                assert doc.text[m.start : m.end] == m.text
            for link in store.links():
                if link.evidence.document_id == doc.id:
                    assert 0 <= link.evidence.start < link.evidence.end <= len(doc.text)


def test_ingesting_twice_adds_nothing(tmp_path: Path) -> None:
    folder = write_case(tmp_path / "case")
    with SqliteStore(tmp_path / "o.db") as store:
        ingest(store, [folder])
        before = store.counts()
        again = ingest(store, [folder]).counts()
        assert (again["new"], again["skipped"], again["failed"]) == (0, 6, 3)
        assert store.counts() == before


def test_same_content_under_two_names_is_one_document(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(EN)
    (tmp_path / "copy-of-a.txt").write_text(EN)
    with SqliteStore(tmp_path / "o.db") as store:
        counts = ingest(store, [tmp_path / "a.txt", tmp_path / "copy-of-a.txt"]).counts()
        assert (counts["new"], counts["skipped"]) == (1, 1)


def test_a_copy_in_a_later_chunk_is_skipped_and_progress_comes_per_chunk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A copy of a file of an earlier chunk is skipped; progress comes once per chunk, in order."""
    from odyssey.ingest import pipeline
    from odyssey.ingest.pipeline import IngestProgress

    monkeypatch.setattr(pipeline, "CHUNK_FILES", 2)
    names = ["a.txt", "b.txt", "c-copy-of-a.txt", "d.txt", "e-copy-of-d.txt"]
    texts = [EN, FR, EN, ES, ES]
    for name, text in zip(names, texts, strict=True):
        (tmp_path / name).write_text(text, encoding="utf-8")
    steps: list[IngestProgress] = []
    with SqliteStore(tmp_path / "o.db") as store:
        summary = ingest(store, [tmp_path], progress=steps.append)
        assert [Path(f.path).name for f in summary.files] == names
        assert [f.status for f in summary.files] == ["new", "new", "skipped", "new", "skipped"]
        assert store.counts().documents == 3
    assert [(s.done, s.total, [Path(f.path).name for f in s.files]) for s in steps] == [
        (2, 5, names[:2]),
        (4, 5, names[2:4]),
        (5, 5, names[4:]),
    ]


def test_a_store_error_stops_the_ingest_before_any_later_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An unexpected error while writing is raised by ingest; its chunk is rolled back whole."""
    from odyssey.ingest import pipeline

    monkeypatch.setattr(pipeline, "CHUNK_FILES", 2)
    collecting = gc.get_threshold()
    for i, text in enumerate((EN, FR, ES, AR, EN.replace("ROME", "PARIS"))):
        (tmp_path / f"r{i}.txt").write_text(text, encoding="utf-8")
    with SqliteStore(tmp_path / "o.db") as store:
        real, calls = store._write, []

        def failing_write(conn, batch):  # type: ignore[no-untyped-def]
            calls.append(batch.documents[0].source)
            if len(calls) == 4:  # the second file of the second chunk
                raise RuntimeError("disk on fire")
            return real(conn, batch)

        monkeypatch.setattr(store, "_write", failing_write)
        with pytest.raises(RuntimeError, match="disk on fire"):
            ingest(store, [tmp_path])
        # the first chunk committed; the second, whose first file was written, rolled back
        assert len(calls) == 4 and store.counts().documents == 2
        assert (gc.get_threshold(), gc.get_freeze_count()) == (collecting, 0)  # as before
        monkeypatch.undo()
        assert ingest(store, [tmp_path]).counts()["new"] == 3  # a re-run completes the batch


def test_the_loaded_models_are_out_of_collection_only_while_ingesting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from odyssey.ingest import pipeline
    from odyssey.ingest.workers import YOUNG_COLLECTION_EVERY

    monkeypatch.setattr(pipeline, "CHUNK_FILES", 2)
    for i, text in enumerate((EN, FR, ES)):
        (tmp_path / f"r{i}.txt").write_text(text, encoding="utf-8")
    collecting, seen = gc.get_threshold(), []
    with SqliteStore(tmp_path / "o.db") as store:
        ingest(
            store,
            [tmp_path],
            progress=lambda _: seen.append((gc.get_threshold()[0], gc.get_freeze_count())),
        )
    assert [young for young, _ in seen] == [YOUNG_COLLECTION_EVERY] * 2
    assert seen[-1][1] > 10_000, "the models loaded for the first chunk are frozen"
    assert (gc.get_threshold(), gc.get_freeze_count()) == (collecting, 0)


def test_missing_and_unsupported_paths_are_reported(tmp_path: Path) -> None:
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8")
    with SqliteStore(tmp_path / "o.db") as store:
        summary = ingest(store, [tmp_path / "nope", tmp_path / "photo.jpg"])
    reasons = [f["reason"] for f in summary.to_dict()["failed_files"]]
    assert reasons == ["no such file or folder", ".jpg files are not supported"]


def test_case_option_files_documents_without_a_case(tmp_path: Path) -> None:
    (tmp_path / "note.txt").write_text("Ali HASSAN uses the number +218 91 234 5678.")
    with SqliteStore(tmp_path / "o.db") as store:
        ingest(store, [tmp_path / "note.txt"], case_id="OP-ODYSSEY-1")
        assert [d.case_id for d in store.documents()] == ["OP-ODYSSEY-1"]


def many_reports(folder: Path, n: int) -> Path:
    folder.mkdir()
    for i in range(n):
        (folder / f"r{i:04d}.txt").write_text(
            f"REFERENCE: NCB-ROME/2026/SOM/{i:04d}\nDATE: 2026-03-{1 + i % 28:02d}\n\n"
            f"Suspect number {i} uses the number +39 333 {1000000 + i}. "
            f"He travelled with Ali HASSAN and holds the passport YA{1000000 + i}.\n"
        )
    return folder


def test_a_killed_ingest_leaves_whole_files_and_a_rerun_completes_it(tmp_path: Path) -> None:
    folder = many_reports(tmp_path / "reports", 600)
    clean_db, killed_db = tmp_path / "clean.db", tmp_path / "killed.db"
    command = [
        sys.executable,
        "-m",
        "odyssey",
        "--store",
        str(killed_db),
        "ingest",
        str(folder),
        "--json",
    ]
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=dict(os.environ)
    )
    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline and process.poll() is None:
        if killed_db.exists():
            with SqliteStore(killed_db) as probe:
                stored = probe.counts().documents
            if stored >= 64:
                break
        time.sleep(0.05)
    workers = _children(process.pid)  # the CLI extracts 600 files in worker processes
    process.send_signal(signal.SIGKILL)
    process.wait()
    with SqliteStore(killed_db) as killed:
        partial = killed.counts().documents
    assert 0 < partial < 600, "the process was killed mid-batch"
    if (os.cpu_count() or 1) > 1:
        assert workers, "600 files on several cores are extracted by worker processes"
    deadline = time.monotonic() + 20
    while any(Path(f"/proc/{pid}").exists() for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in workers if Path(f"/proc/{pid}").exists()], "orphan workers"
    with SqliteStore(clean_db) as clean:
        ingest(clean, [folder])
        expected = {
            d.id: len(clean.mentions(document_id=d.id)) for d in clean.documents(limit=1000)
        }
        clean_counts = clean.counts()
    with SqliteStore(killed_db) as killed:
        for doc in killed.documents(limit=1000):  # every stored file is whole
            assert len(killed.mentions(document_id=doc.id)) == expected[doc.id]
    rerun = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    result = json.loads(rerun.stdout)
    assert result["skipped"] == partial and result["new"] == 600 - partial
    with SqliteStore(killed_db) as killed:
        assert killed.counts() == clean_counts


def _children(pid: int) -> list[int]:
    """Processes whose parent is ``pid`` (from /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def test_worker_processes_store_exactly_what_one_process_stores(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from odyssey.ingest import pipeline

    monkeypatch.setattr(pipeline, "CHUNK_FILES", 4)
    folder = many_reports(tmp_path / "reports", 40)
    (folder / "copy.txt").write_text((folder / "r0003.txt").read_text())  # a copy, later chunk
    stored = []
    for workers in (1, 2):
        steps: list[pipeline.IngestProgress] = []
        with SqliteStore(tmp_path / f"w{workers}.db") as store:
            summary = ingest(store, [folder], workers=workers, progress=steps.append)
            rows = store.conn.execute(
                'SELECT id, document_id, start, "end", entity_id FROM mentions ORDER BY id'
            ).fetchall()
            links = store.conn.execute("SELECT id FROM links ORDER BY id").fetchall()
            stored.append(([tuple(r) for r in rows], [tuple(r) for r in links]))
        assert [f.status for f in summary.files].count("skipped") == 1
        assert summary.counts()["new"] == 40
        assert [s.done for s in steps] == [4 * i for i in range(1, 11)] + [41]  # in order
    assert stored[0] == stored[1] and len(stored[0][0]) > 80


def _exit_unless_in(parent: int) -> None:
    if os.getpid() != parent:
        os._exit(3)  # a worker dying as an out-of-memory kill would end it


def _job(extractor: object, work: int) -> str:
    _exit_unless_in(work)
    return f"done in {os.getpid()}"


def test_a_dead_worker_is_replaced_by_this_process(caplog: pytest.LogCaptureFixture) -> None:
    from odyssey.ingest.extractor import Extractor
    from odyssey.ingest.workers import Workers

    with Workers(Extractor(), 2) as pool:
        pending = pool.submit(_job, os.getpid())
        assert pool.result(pending) == f"done in {os.getpid()}"
        later = pool.submit(_job, os.getpid())  # the pool is gone: this runs here at once
        assert later.future.done()
        assert pool.result(later) == f"done in {os.getpid()}"
    assert "an extraction worker died" in caplog.text


@pytest.mark.parametrize("lang_text", [EN, FR, ES, AR])
def test_extract_command_prints_the_documented_json(tmp_path: Path, lang_text: str) -> None:
    path = tmp_path / "m.txt"
    path.write_text(lang_text, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "odyssey", "extract", str(path), "--json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert set(data["document"]) >= {"source", "language", "reference", "date", "originator"}
    assert data["document"]["language"] in ("en", "fr", "es", "ar")
    for ent in data["entities"]:
        assert lang_text[ent["start"] : ent["end"]] == ent["text"]
        assert ent["method"] in ("ner", "rule", "field")
    ids = {e["id"] for e in data["entities"]}
    for link in data["links"]:
        assert link["source"] in ids and link["target"] in ids
    assert any(e["type"] == "Phone" for e in data["entities"]) == ("+218" in lang_text)


def test_a_bug_on_one_file_is_reported_and_the_rest_lands(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from odyssey.ingest.extractor import Extractor

    for name in ("a.txt", "poison.txt", "c.txt"):
        (tmp_path / name).write_text(f"{name}: Ali HASSAN uses the number +218 91 234 5678.")
    real = Extractor._text

    def faulty(self, res, src, parsed):  # type: ignore[no-untyped-def]
        if src.source.endswith("poison.txt"):
            raise RuntimeError("injected fault")
        return real(self, res, src, parsed)

    monkeypatch.setattr(Extractor, "_text", faulty)
    with SqliteStore(tmp_path / "o.db") as store:
        summary = ingest(store, [tmp_path])
        assert summary.counts()["new"] == 2
        (failed,) = summary.to_dict()["failed_files"]
        assert failed["path"].endswith("poison.txt") and "internal error" in failed["reason"]
        assert store.counts().documents == 2


def test_national_numbers_in_a_table_take_the_country_of_its_other_numbers(tmp_path: Path) -> None:
    (tmp_path / "calls.csv").write_text(
        "caller,callee,start\n+447400255134,+33616385224,2025-01-01T10:00:00\n"
        "07400255134,+84912315225,2025-01-02T10:00:00\n+84911773882,+447400255134,2025-01-03T10:00:00\n"
    )
    with SqliteStore(tmp_path / "o.db") as store:
        summary = ingest(store, [tmp_path / "calls.csv"])
        assert summary.to_dict()["warnings"] == []
        assert len(store.mentions(entity_id="Phone:+447400255134")) == 3
